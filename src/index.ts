// preppack as a library: what a team scripts its own packets with. The CLI
// is a layer over the same stages; everything else in dist/ is internal and
// not importable (package.json "exports").
import { loadLibrary as load } from './content/load.js';
import { levelNames, levelsNamed } from './content/select.js';
import { unprintableContent } from './content/glyphs.js';
import type { Library } from './content/model.js';
import { build, type BuildResult } from './pipeline/build.js';
import { renderMarkdownFiles } from './pipeline/markdownFiles.js';
import { hasErrors, ProblemsError, type Problem } from './problems.js';
import type { Paper } from './render/document.js';
import { loadTemplates, PACKETS, type Packet } from './render/templates.js';
import type { PrintSettings } from './packets/common.js';
import { join, resolve } from 'node:path';

export type { Competency, Level, Library, Question, Story } from './content/model.js';
export type { Problem, Severity } from './problems.js';
export type { Manifest, ManifestBundle, ManifestFile } from './pipeline/manifest.js';
export type { BuildResult, BuiltFile } from './pipeline/build.js';
export type { PanelPlan, Seat } from './loops/panel.js';
export type { Paper, Packet, PrintSettings };
export { planPanel } from './loops/panel.js';
export { formatProblem } from './problems.js';
export { PACKETS };

/** Thrown when the input is wrong: every problem, each with its file and line. */
export class PreppackError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.path}:${p.line}: ${p.message}`).join('\n'));
    this.name = 'PreppackError';
  }
}

/** Runs a stage; its problems come out as a PreppackError. */
async function stage<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (caught) {
    if (caught instanceof ProblemsError) throw new PreppackError(caught.problems);
    throw caught;
  }
}

/** The content library of a folder, and every problem found in it (errors and warnings). */
export function loadLibrary(contentDir: string): { library: Library; problems: Problem[] } {
  const { library, problems } = load(contentDir);
  return { library, problems };
}

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  /** Level ids or aliases; all when absent. */
  levels?: string[];
  packets?: Packet[];
  paper?: 'letter' | 'a4';
  templatesDir?: string;
  zip?: boolean;
  force?: boolean;
  print?: PrintSettings;
}

/** Builds the packets into `outDir`, as `preppack build` does, and says what it wrote. Nothing is printed. */
export async function buildPackets(options: BuildOptions): Promise<BuildResult & { warnings: Problem[] }> {
  const { library, problems, files } = load(options.contentDir);
  if (hasErrors(problems)) throw new PreppackError(problems.filter((p) => p.severity === 'error'));
  const named = levelsNamed(library, options.levels ?? []);
  if ('unknown' in named) throw new PreppackError([{ path: options.contentDir, line: 1, severity: 'error', message: `unknown level "${named.unknown}": the levels are ${levelNames(library)}` }]);
  const packets = options.packets ?? [...PACKETS];
  return stage(async () => {
    const templates = loadTemplates(options.templatesDir);
    const jobs = named.levels.flatMap((level) => packets.map((packet) => ({ level, packet })));
    const result = await build({ library, contentFiles: files, contentDir: options.contentDir, jobs, zip: options.zip, print: options.print, templates, outDir: options.outDir, paper: options.paper ?? 'letter', force: options.force });
    return { ...result, warnings: [...problems, ...unprintableContent(files, templates.theme.font), ...templates.unprintable] };
  });
}

export interface RenderOptions {
  paper?: Paper;
  /** Start with a contents page. */
  toc?: boolean;
  /** Where images are looked for (default: the working folder). */
  baseDir?: string;
  /** A folder with a theme.json to use instead of the bundled one. */
  templatesDir?: string;
}

/** Any Markdown as a PDF in the house style, as `preppack render` makes it; nothing is written. */
export async function renderMarkdown(markdown: string, options: RenderOptions = {}): Promise<{ bytes: Buffer; pages: number; warnings: Problem[] }> {
  return stage(async () => {
    const { theme } = loadTemplates(options.templatesDir);
    const path = join(resolve(options.baseDir ?? '.'), 'document.md');
    const { rendered, warnings } = await renderMarkdownFiles([{ path, text: markdown }], { theme, paper: options.paper ?? 'letter', toc: options.toc ?? false });
    return { bytes: rendered[0]!.bytes, pages: rendered[0]!.pages, warnings };
  });
}
