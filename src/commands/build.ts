// `preppack build`: the PDFs for the chosen levels and packets.
import { loadLibrary } from '../content/load.js';
import type { Level, Library } from '../content/model.js';
import { levelNames, levelsNamed } from '../content/select.js';
import { inPackOrder, pickQuestions } from '../loops/questionSet.js';
import type { SheetDetails } from '../loops/sheet.js';
import { build } from '../pipeline/build.js';
import { levelFiles } from '../pipeline/edition.js';
import { jobId, shareOf, type Job, type Shard, type ShardRecord } from '../pipeline/shards.js';
import type { ContentFile } from '../content/read.js';
import type { PrintSettings } from '../packets/common.js';
import { unprintableContent } from '../content/glyphs.js';
import { asErrors, hasErrors } from '../problems.js';
import type { Paper } from '../render/document.js';
import { folderProblem } from '../fs/folders.js';
import { loadTemplates, PACKETS, type Packet } from '../render/templates.js';
import { EXIT_FAILED, EXIT_OK, err, note, out, printProblems, progress, result as report, stoppedBy, UsageError } from '../cli/io.js';
import { kilobytes, printFiles } from '../cli/fileList.js';
import { personSlug } from '../cli/names.js';
import { dateProblem } from '../text/dates.js';
import { count } from '../text/plural.js';

export interface BuildOptions {
  levels: string[];
  packets: string[];
  contentDir: string;
  templatesDir?: string;
  outDir: string;
  paper: Paper;
  /** A personal scoring sheet. */
  personal?: PersonalOptions;
  /** Scoring sheets with form fields. */
  fillable?: boolean;
  /** Render every file, whatever an earlier build left. */
  force?: boolean;
  /** Characters the font lacks fail the build instead of a warning. */
  strict?: boolean;
  /** Also `<level>.zip` with the level's PDFs and a README.txt. */
  zip?: boolean;
  /** Build only this share of the jobs (`--shard K/N`). */
  shard?: Shard;
  /** The config's organisation and evidence lines. */
  print?: PrintSettings;
  /** List the PDFs left as they were (`watch` lists only what it rebuilt). */
  listUnchanged?: boolean;
}

export interface PersonalOptions {
  candidate?: string;
  interviewer?: string;
  date?: string;
  focus?: string;
  /** How many questions to pick, and the seed that picks them. */
  questions?: number;
  seed?: number;
}

/** Checks what makes a personal sheet and picks its questions; a usage error says what is wrong. */
function personalSheet(personal: PersonalOptions, packets: readonly Packet[], levels: readonly Level[], library: Library): SheetDetails {
  const flags = '--candidate, --interviewer, --date, --focus, --questions and --seed';
  if (packets.length !== 1 || packets[0] !== 'scorecard') throw new UsageError(`${flags} make a personal scoring sheet: use them with --packet scorecard`);
  if (levels.length !== 1) throw new UsageError(`a personal scoring sheet is for one level: name it with --level`);
  const problem = personal.date !== undefined ? dateProblem(personal.date) : undefined;
  if (problem) throw new UsageError(`--date: ${problem}`);
  if (personal.seed !== undefined && personal.questions === undefined) throw new UsageError('--seed picks the question set of --questions N: give --questions too');
  const bank = library.questions.filter((q) => q.level === levels[0]!.id);
  const details: SheetDetails = { candidate: personal.candidate, interviewer: personal.interviewer, date: personal.date, focus: personal.focus };
  if (personal.questions !== undefined) {
    if (personal.questions < 1) throw new UsageError(`--questions must be 1 or more, not ${personal.questions}`);
    if (personal.questions > bank.length) throw new UsageError(`--questions ${personal.questions}: level "${levels[0]!.id}" has ${count(bank.length, 'question')}`);
    details.seed = personal.seed ?? 1;
    details.questions = inPackOrder(pickQuestions(bank, { count: personal.questions, seed: details.seed }));
  }
  return details;
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

/** Every level × packet asked for, or the share of them that `--shard K/N` names. */
function jobsOf(levels: readonly Level[], packets: readonly Packet[], options: BuildOptions, library: Library, files: readonly ContentFile[]): { jobs: Job[]; shard?: ShardRecord } {
  const all = levels.flatMap((level) => packets.map((packet) => ({ level, packet })));
  if (!options.shard) return { jobs: all };
  const bytes = new Map(levels.map((level) => [level.id, levelFiles(files, library, level).reduce((sum, f) => sum + f.bytes.length, 0)]));
  // With --zip a level's packets stay in one shard, so that its zip is whole.
  const jobs = shareOf(all, options.shard, (level) => bytes.get(level.id)!, options.zip);
  return { jobs, shard: { ...options.shard, jobs: jobs.map(jobId), allJobs: all.map(jobId) } };
}

export async function buildCommand(options: BuildOptions): Promise<number> {
  const packets = parsePackets(options.packets);
  const { library, problems, files } = loadLibrary(options.contentDir);
  if (hasErrors(problems)) {
    printProblems(problems.filter((p) => p.severity === 'error'));
    err('preppack: nothing was built: fix the content (see `preppack check`)');
    return EXIT_FAILED;
  }
  const names = options.levels.flatMap((l) => l.split(',')).map((l) => l.trim()).filter(Boolean);
  const named = levelsNamed(library, names);
  if ('unknown' in named) throw new UsageError(`unknown level "${named.unknown}": the levels are ${levelNames(library)}, or all`);
  const { levels } = named;
  const sheet = options.personal ? personalSheet(options.personal, packets, levels, library) : undefined;
  const fileStem = options.personal?.candidate !== undefined ? personSlug('candidate name', options.personal.candidate) : undefined;
  if (options.shard && sheet) throw new UsageError('--shard splits a whole build: a personal scoring sheet is one file');
  const { jobs, shard } = jobsOf(levels, packets, options, library, files);
  try {
    const outFolder = folderProblem(options.outDir);
    if (outFolder) throw outFolder;
    const templates = loadTemplates(options.templatesDir);
    // Characters the font lacks would print as empty boxes: said before anything renders, fatal with --strict.
    const unprintable = [...unprintableContent(files, templates.theme.font), ...templates.unprintable];
    if (options.strict && unprintable.length) {
      printProblems(asErrors(unprintable));
      err('preppack: nothing was built: the font cannot print these characters (--strict)');
      return EXIT_FAILED;
    }
    printProblems(unprintable);
    const live = progress();
    const result = await build({
      library, contentFiles: files, contentDir: options.contentDir, jobs, shard, zip: options.zip, print: options.print, templates, outDir: options.outDir, paper: options.paper, sheet, fileStem, fillable: options.fillable, force: options.force,
      onJob: (done, total, job) => live.show(`[${done + 1}/${total}] ${job.level.id} ${job.packet}`),
    }).finally(live.done);
    for (const skipped of result.skipped) note(`preppack: ${skipped}`);
    report({
      files: result.files.map((f) => ({ path: f.written, level: f.level, packet: f.packet, pages: f.pages, bytes: f.bytes, sha256: f.sha256, unchanged: f.reused })),
      zips: result.bundles.map((b) => ({ path: b.written, level: b.level, bytes: b.bytes, sha256: b.sha256, files: b.files })),
      skipped: result.skipped,
      manifest: result.manifestPath,
      ...(shard ? { shard: { index: shard.index, count: shard.count, jobs: shard.jobs } } : {}),
    });
    const listed = options.listUnchanged === false ? result.files.filter((f) => !f.reused) : result.files;
    printFiles(listed.map((f) => ({ written: f.written, pages: f.pages, size: f.bytes, reused: f.reused })));
    const [pages, bytes] = [result.files.reduce((sum, f) => sum + f.pages, 0), result.files.reduce((sum, f) => sum + f.bytes, 0)];
    for (const bundle of result.bundles) out(`${bundle.written}  ${count(bundle.files.length, 'PDF')}  ${kilobytes(bundle.bytes).padStart(9)}`);
    const reused = result.files.filter((f) => f.reused).length;
    const share = shard ? ` (shard ${shard.index}/${shard.count}: ${count(shard.jobs.length, 'job')} of ${shard.allJobs.length})` : '';
    out(`${count(result.files.length, 'PDF')}${reused ? ` (${reused} unchanged)` : ''}${result.bundles.length ? ` and ${count(result.bundles.length, 'zip')}` : ''}, ${count(pages, 'page')}, ${kilobytes(bytes)}${share}; manifest ${result.manifestPath}`);
    return EXIT_OK;
  } catch (caught) {
    return stoppedBy(caught, 'nothing was built');
  }
}
