// `preppack build`: the PDFs for the chosen levels and packets.
import { loadLibrary } from '../content/load.js';
import type { Level } from '../content/model.js';
import { findLevel, levelNames } from '../content/select.js';
import { build } from '../pipeline/build.js';
import { hasErrors, ProblemsError } from '../problems.js';
import type { Paper } from '../render/document.js';
import { loadTemplates, PACKETS, type Packet } from '../render/templates.js';
import { EXIT_FAILED, EXIT_OK, err, out, printProblems, UsageError } from '../cli/io.js';
import { count } from '../text/plural.js';

export interface BuildOptions {
  levels: string[];
  packets: string[];
  contentDir: string;
  templatesDir?: string;
  outDir: string;
  paper: Paper;
}

/** `--packet booklet,scorecard` and `--packet booklet --packet scorecard` both work. */
export function parsePackets(values: readonly string[]): Packet[] {
  const names = values.flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter(Boolean);
  if (names.length === 0 || names.includes('all')) return [...PACKETS];
  for (const name of names) {
    if (!(PACKETS as readonly string[]).includes(name)) throw new UsageError(`unknown packet "${name}": the packets are ${PACKETS.join(', ')}`);
  }
  return PACKETS.filter((p) => names.includes(p));
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function buildCommand(options: BuildOptions): Promise<number> {
  const packets = parsePackets(options.packets);
  const { library, problems, files } = loadLibrary(options.contentDir);
  if (hasErrors(problems)) {
    printProblems(problems.filter((p) => p.severity === 'error'));
    err('preppack: nothing was built: fix the content (see `preppack check`)');
    return EXIT_FAILED;
  }
  const names = options.levels.flatMap((l) => l.split(',')).map((l) => l.trim()).filter(Boolean);
  const levels: Level[] = [];
  if (names.length === 0 || names.includes('all')) levels.push(...library.levels);
  else {
    for (const name of names) {
      const level = findLevel(library, name);
      if (!level) throw new UsageError(`unknown level "${name}": the levels are ${levelNames(library)}, or all`);
      if (!levels.includes(level)) levels.push(level);
    }
  }
  try {
    const templates = loadTemplates(options.templatesDir);
    const result = await build({ library, contentFiles: files, contentDir: options.contentDir, levels, packets, templates, outDir: options.outDir, paper: options.paper });
    for (const note of result.skipped) err(`preppack: ${note}`);
    const width = Math.max(...result.files.map((f) => f.written.length), 0);
    for (const file of result.files) {
      out(`${file.written.padEnd(width)}  ${String(file.pages).padStart(3)} page${file.pages === 1 ? ' ' : 's'}  ${kilobytes(file.bytes).padStart(9)}`);
    }
    const pages = result.files.reduce((sum, f) => sum + f.pages, 0);
    const bytes = result.files.reduce((sum, f) => sum + f.bytes, 0);
    out(`${count(result.files.length, 'PDF')}, ${count(pages, 'page')}, ${kilobytes(bytes)}; manifest ${result.manifestPath}`);
    return EXIT_OK;
  } catch (caught) {
    if (!(caught instanceof ProblemsError)) throw caught;
    printProblems(caught.problems);
    err('preppack: nothing was built');
    return EXIT_FAILED;
  }
}
