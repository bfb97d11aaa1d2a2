// A build as someone asks for it: levels by name or alias, packets by name, a
// share of the jobs, a personal sheet. Checks what was asked, says the
// warnings before anything renders, then runs the build. buildPackets comes
// here when the build is not an unchanged one (unchangedBuild.ts).
import { unprintableContent } from '../content/glyphs.js';
import { unprintableName, unprintableSettings } from '../fonts/unprintableNames.js';
import { loadLibrary } from '../content/load.js';
import type { Library, Level } from '../content/model.js';
import type { ContentFile } from '../content/read.js';
import { levelNames, levelsNamed } from '../content/select.js';
import { outputFolderProblem } from '../fs/outputFolder.js';
import { personalSheet, personStem, type PersonalOptions } from '../loops/sheet.js';
import type { PrintSettings } from '../packets/common.js';
import { asErrors, hasErrors, PreppackError, requestError, type Problem } from '../problems.js';
import type { Paper } from '../render/document.js';
import { loadTemplates, PACKETS, type Packet } from '../render/templates.js';
import { build, type BuildResult } from './build.js';
import { levelFiles } from './edition.js';
import { runInputs } from './inputs.js';
import { jobId, shareOf, type Job, type Shard, type ShardRecord } from './shards.js';
import { runKey } from './unchangedBuild.js';

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  /** Level ids or aliases (or "all"); every level when absent. */
  levels?: readonly string[];
  /** Packet names (or "all"); every packet when absent. */
  packets?: readonly string[];
  paper?: Paper;
  /** A folder of templates and theme.json; missing files come from the bundled ones. */
  templatesDir?: string;
  /** Also `<level>.zip` with the level's PDFs, a README.txt and SHA256SUMS. */
  zip?: boolean;
  /** Render every file, whatever an earlier build left. */
  force?: boolean;
  /** The config's organisation, evidence lines and rating labels. */
  print?: PrintSettings;
  /** Build only this share of the jobs (`--shard K/N`). */
  shard?: Shard;
  /** One person's scoring sheet (one level, the scorecard packet). */
  personal?: PersonalOptions;
  /** Scoring sheets with form fields. */
  fillable?: boolean;
  /** Threads that render (`--jobs`; renderPool.ts): 1 renders on this one; by default the cores, for a build big enough to pay for them. */
  threads?: number;
  /** A character the font lacks fails the build, before anything renders. */
  strict?: boolean;
  /** Told the characters the font lacks (file, line, column) before anything renders. */
  onWarnings?: (warnings: Problem[]) => void;
  /** Told before each job: how many are done, of how many, and which. */
  onJob?: (done: number, total: number, job: { level: string; packet: Packet }) => void;
}

export interface BuildOutcome extends BuildResult {
  /** Every warning: the content's own, and characters the font lacks. */
  warnings: Problem[];
  /** The share built, when `shard` was asked for. */
  shard?: ShardRecord;
}

/** `['booklet,scorecard']` and `['booklet', 'scorecard']` both work; none or "all" is every packet. */
export function packetsNamed(values: readonly string[]): Packet[] {
  const names = values.flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter(Boolean);
  if (names.length === 0 || names.includes('all')) return [...PACKETS];
  for (const name of names) {
    if (!(PACKETS as readonly string[]).includes(name)) throw requestError(`unknown packet "${name}": the packets are ${PACKETS.join(', ')}`);
  }
  return PACKETS.filter((p) => names.includes(p));
}

/** Every level × packet asked for, or the share of them that `shard` names. */
function jobsOf(levels: readonly Level[], packets: readonly Packet[], options: BuildOptions, library: Library, files: readonly ContentFile[]): { jobs: Job[]; shard?: ShardRecord } {
  const all = levels.flatMap((level) => packets.map((packet) => ({ level, packet })));
  if (!options.shard) return { jobs: all };
  // A share with nothing in it is a mistake in the matrix; with --zip a level is one unit.
  const units = options.zip ? levels.length : all.length;
  if (options.shard.count > units) throw requestError(`--shard ${options.shard.index}/${options.shard.count}: this build has ${units} ${options.zip ? 'level' : 'job'}${units === 1 ? '' : 's'} to share, so N is at most ${units}`);
  const bytes = new Map(levels.map((level) => [level.id, levelFiles(files, library, level).reduce((sum, f) => sum + f.bytes.length, 0)]));
  // With zips a level's packets stay in one shard, so that its zip is whole.
  const jobs = shareOf(all, options.shard, (level) => bytes.get(level.id)!, options.zip);
  return { jobs, shard: { ...options.shard, jobs: jobs.map(jobId), allJobs: all.map(jobId) } };
}

/** Builds the packets into `outDir` and says what it wrote; throws a PreppackError when the input or the request is wrong. */
export async function requestedBuild(options: BuildOptions): Promise<BuildOutcome> {
  // The key before anything is read: a file edited during the build makes the next build look again.
  const key = runKey(options);
  const packets = packetsNamed(options.packets ?? []);
  const { library, problems, files } = loadLibrary(options.contentDir);
  if (hasErrors(problems)) throw new PreppackError(problems.filter((p) => p.severity === 'error'), 'content');
  const names = (options.levels ?? []).flatMap((l) => l.split(',')).map((l) => l.trim()).filter(Boolean);
  const named = levelsNamed(library, names);
  if ('unknown' in named) throw requestError(`unknown level "${named.unknown}": the levels are ${levelNames(library)}, or all`);
  const { levels } = named;
  const sheet = options.personal ? personalSheet(options.personal, packets, levels, library) : undefined;
  const fileStem = options.personal?.candidate !== undefined ? personStem('candidate name', options.personal.candidate) : undefined;
  if (options.shard && sheet) throw requestError('--shard splits a whole build: a personal scoring sheet is one file');
  const { jobs, shard } = jobsOf(levels, packets, options, library, files);
  const inputs = runInputs({ contentDir: options.contentDir, templatesDir: options.templatesDir });
  const outFolder = outputFolderProblem(options.outDir, inputs);
  if (outFolder) throw outFolder;
  const templates = loadTemplates(options.templatesDir);
  // Characters the font lacks would print as empty boxes: said before anything renders, fatal when strict.
  // (The content's own warnings, such as an untagged question, are check's to say: every build would repeat them.)
  const font = templates.theme.font;
  const nameWarnings = (option: string, what: string, name: string | undefined) => (name === undefined ? [] : unprintableName({ path: option, line: 0 }, what, name, font));
  const unprintable = [
    ...unprintableContent(files, font),
    ...templates.unprintable,
    ...nameWarnings('--candidate', 'the candidate', options.personal?.candidate),
    ...nameWarnings('--interviewer', 'the interviewer', options.personal?.interviewer),
    ...nameWarnings('--focus', 'the focus', options.personal?.focus),
    ...unprintableSettings(options.print, font),
  ];
  if (options.strict && unprintable.length) throw new PreppackError(asErrors(unprintable), 'strict');
  options.onWarnings?.(unprintable);
  const result = await build({
    library, contentFiles: files, contentDir: options.contentDir, jobs, shard, zip: options.zip, print: options.print, templates,
    outDir: options.outDir, inputs, paper: options.paper ?? 'letter', sheet, fileStem, fillable: options.fillable, force: options.force, threads: options.threads,
    stamp: key === undefined ? undefined : { key, warnings: [...problems, ...unprintable], said: unprintable.length },
    onJob: options.onJob && ((done, total, job) => options.onJob!(done, total, { level: job.level.id, packet: job.packet })),
  });
  return { ...result, warnings: [...problems, ...unprintable], ...(shard ? { shard } : {}) };
}
