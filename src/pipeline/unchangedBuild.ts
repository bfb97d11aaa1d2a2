// An unchanged build, told from hashes alone. A build leaves a run stamp in
// its output folder (.preppack-run.json): the hash of everything it read (its
// run key: the content files' bytes, the templates' bytes, the options, the
// edition's date source, and preppack itself, its code, patches, templates
// and fonts by path, size and time) and what it answered. When the next build
// has the same key and finds the manifest and every file on disk as written,
// it gives the same answer: nothing else is loaded (no YAML, no content
// model, no pdfmake, no fonts) and nothing is written. Any doubt (a key that
// differs, a file changed or gone, a write an earlier run left part-done, text
// set in an installed font) goes the full way, which still reuses every PDF
// whose own inputs are unchanged (cache.ts). The stamp is the machine's own
// state (times of files), so it is kept out of the manifest, which stays the
// same bytes for the same inputs anywhere.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { readContentDir } from '../content/read.js';
import { filesBelow } from '../fs/filesBelow.js';
import { sha256 } from '../fs/hash.js';
import { outputFolderProblem } from '../fs/outputFolder.js';
import { readInput } from '../fs/readInput.js';
import type { OutputFolder } from '../fs/outputFolder.js';
import { BUNDLED_TEMPLATES, CODE_DIR, FONTS_DIR, PATCHES_DIR } from '../packagePaths.js';
import type { Problem } from '../problems.js';
import { TOOL_VERSION } from '../version.js';
import type { BuildResult, BuiltFile } from './build.js';
import { runInputs } from './inputs.js';
import type { BuildOptions } from './requestedBuild.js';
import type { Manifest, ManifestBundle, ManifestFile } from './manifest.js';

export const RUN_STAMP = '.preppack-run.json';

/** What a build read, and what it answered. */
export interface RunStamp {
  /** The hash of everything the build read (runKey). */
  key: string;
  /** The manifest it wrote. */
  manifest: { bytes: number; sha256: string };
  /** The PDFs and zips it made or found unchanged, in its order, as the manifest has them. */
  files: ManifestFile[];
  bundles: ManifestBundle[];
  /** The packets it skipped, as it said so. */
  skipped: string[];
  warnings: Problem[];
  /** How many of the warnings (the last ones) it said before rendering. */
  said: number;
  shard?: Manifest['shard'];
}

/** What an unchanged build answers: what the build that made the files answered. */
export interface UnchangedBuild extends BuildResult {
  warnings: Problem[];
  /** The warnings said before rendering (characters no font has), to be said again. */
  said: Problem[];
  shard?: Manifest['shard'];
}

/** Each file below a folder, sorted: its path from the folder and, by `read`, its bytes or its size and time. */
function below(dir: string, read: (path: string) => string | Uint8Array, hash: ReturnType<typeof createHash>): void {
  for (const path of filesBelow(dir)) hash.update(relative(dir, path)).update('\0').update(read(path)).update('\0');
}

/** A file by path, size and time: preppack's own files change only when it is installed or built again. */
const sizeAndTime = (path: string) => {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat ? `${stat.size}\0${stat.mtimeMs}` : 'gone';
};

/** A user's file by its bytes (the templates folder), bounded as every input is read. */
const bytesOf = (path: string) => {
  const read = readInput(path, 'template');
  return 'bytes' in read ? read.bytes : `unreadable ${read.problem.message}`;
};

/** The commit the content folder's history ends at: the edition's date comes from it (edition.ts), unless SOURCE_DATE_EPOCH gives one. */
function historyOf(contentDir: string): string {
  const given = process.env.SOURCE_DATE_EPOCH;
  if (given && /^\d+$/.test(given)) return `epoch ${given}`;
  const git = spawnSync('git', ['rev-parse', '--verify', '-q', 'HEAD'], { cwd: contentDir, encoding: 'utf8', timeout: 5000 });
  return git.status === 0 ? `commit ${git.stdout.trim()}` : 'no history';
}

/**
 * The hash of everything a build with these options reads, or undefined when
 * a folder cannot be read cleanly (a link that loops, say): the full build
 * says why, and leaves no stamp.
 */
export function runKey(options: BuildOptions): string | undefined {
  return orNothing(() => keyOf(options));
}

/** What `work` gives, or undefined if it throws (a file where a folder was, a link that loops): any doubt goes the full way, which says what is wrong. */
function orNothing<T>(work: () => T | undefined): T | undefined {
  try {
    return work();
  } catch {
    return undefined;
  }
}

function keyOf(options: BuildOptions): string | undefined {
  const listing = readContentDir(options.contentDir);
  if (listing.missingRoot || listing.problems.length) return undefined;
  const hash = createHash('sha256');
  const { onWarnings: _said, onJob: _told, force: _force, threads: _threads, ...asked } = options;
  hash.update(`preppack build ${TOOL_VERSION}\0${process.cwd()}\0${JSON.stringify(asked)}\0${historyOf(options.contentDir)}\0`);
  for (const dir of [CODE_DIR, PATCHES_DIR, BUNDLED_TEMPLATES, FONTS_DIR]) below(dir, sizeAndTime, hash.update(`${dir}\0`));
  if (options.templatesDir !== undefined) below(resolve(options.templatesDir), bytesOf, hash.update('templates\0'));
  for (const file of listing.files) hash.update(`${file.kind}\0${file.path}\0`).update(file.bytes).update('\0');
  hash.update(listing.ignored.join('\0'));
  return hash.digest('hex');
}

/** The run stamp an earlier build left, if there is one that can be read. */
function stampIn(outDir: string): RunStamp | undefined {
  const read = readInput(join(outDir, RUN_STAMP), 'manifest');
  if ('problem' in read) return undefined;
  try {
    const stamp = JSON.parse(read.bytes.toString('utf8')) as RunStamp;
    const lists = [stamp.files, stamp.bundles, stamp.skipped, stamp.warnings];
    return typeof stamp.key === 'string' && typeof stamp.manifest?.sha256 === 'string' && lists.every(Array.isArray) && Number.isInteger(stamp.said) ? stamp : undefined;
  } catch {
    return undefined;
  }
}

/** Leaves the stamp of a finished build (a build that ends without one removes the old one first: stampRun(folder)). */
export function stampRun(folder: OutputFolder, stamp?: RunStamp): void {
  folder.removeFile(RUN_STAMP);
  if (stamp) folder.create(RUN_STAMP, `${JSON.stringify(stamp)}\n`);
}

/** Whether the file is on disk, a plain file, as the manifest says it was written. */
function intact(outDir: string, entry: { path: string; bytes: number; sha256: string }): boolean {
  const path = join(outDir, entry.path);
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (!stat?.isFile() || stat.size !== entry.bytes) return false;
  const read = readInput(path, 'output');
  return 'bytes' in read && sha256(read.bytes) === entry.sha256;
}

/** A write an earlier run left part-done, or a run at work now: the full build deals with it under the lock. */
function busy(outDir: string): boolean {
  return readdirSync(outDir).some((name) => name.startsWith('.preppack') && name !== RUN_STAMP && name !== '.preppack-journal.damaged.json');
}

/**
 * What the last build into `outDir` answered, when it was asked the same
 * with the same inputs and its files are all there as it wrote them;
 * otherwise undefined.
 */
export function unchangedBuild(options: BuildOptions): UnchangedBuild | undefined {
  return options.force ? undefined : orNothing(() => answerFromStamp(options));
}

function answerFromStamp(options: BuildOptions): UnchangedBuild | undefined {
  const stamp = stampIn(options.outDir);
  if (!stamp || busy(options.outDir)) return undefined;
  if (outputFolderProblem(options.outDir, runInputs({ contentDir: options.contentDir, templatesDir: options.templatesDir }))) return undefined;
  if (runKey(options) !== stamp.key) return undefined;
  const manifest = { path: 'manifest.json', ...stamp.manifest };
  if (![manifest, ...stamp.files, ...stamp.bundles].every((entry) => intact(options.outDir, entry))) return undefined;
  const written = (path: string) => join(options.outDir, path);
  const { warnings, said } = stamp;
  return {
    files: stamp.files.map((entry): BuiltFile => ({ ...entry, written: written(entry.path), fontSize: 0, reused: true })),
    bundles: stamp.bundles.map((entry) => ({ ...entry, written: written(entry.path), reused: true })),
    skipped: stamp.skipped,
    manifestPath: written('manifest.json'),
    removed: [],
    notices: [],
    warnings,
    said: warnings.slice(warnings.length - said),
    ...(stamp.shard ? { shard: stamp.shard } : {}),
  };
}
