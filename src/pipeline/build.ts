// A whole build: every requested (level, packet) job rendered in memory
// first, so that a content or template error writes nothing; then the new
// files, the level zips and the manifest written as one change.
import { dirname, join } from 'node:path';
import type { Library } from '../content/model.js';
import type { ContentFile } from '../content/read.js';
import { OutputFolder, type Inputs } from '../fs/outputFolder.js';
import { underLock, writeStaged, type OwnedFile } from '../fs/stagedWrite.js';
import type { SheetDetails } from '../loops/sheet.js';
import type { Paper } from '../render/document.js';
import type { Packet, TemplateSet } from '../render/templates.js';
import { TOOL_VERSION } from '../version.js';
import { inputsHash, readManifest, reusable, stillThere } from './cache.js';
import { buildDate, edition as editionOf, hashFiles, levelFiles } from './edition.js';
import { levelBundle, bundleName, type BundledFile } from './bundle.js';
import { manifestText, sha256, type Manifest, type ManifestBundle, type ManifestFile } from './manifest.js';
import { stampRun, type RunStamp } from './unchangedBuild.js';
import { fallbackFontsFingerprint } from '../fonts/fontChain.js';
import type { Job, ShardRecord } from './shards.js';
import type { PrintSettings } from '../packets/common.js';
import type { PacketOptions, PacketResult } from './packetDocument.js';
import { renderTasks } from './poolTasks.js';
import type { PoolTask } from './renderPool.js';

export interface BuildRequest {
  library: Library;
  contentFiles: ContentFile[];
  contentDir: string;
  /** What to make: every level × packet asked for, or a shard's share of them. */
  jobs: Job[];
  /** The share this build is, recorded in the manifest for `manifest merge`. */
  shard?: ShardRecord;
  /** Also a zip of each level's PDFs. */
  zip?: boolean;
  /** The config's organisation and evidence lines. */
  print?: PrintSettings;
  /** Told before each job: how many are done, of how many, and which. */
  onJob?: (done: number, total: number, job: Job) => void;
  templates: TemplateSet;
  outDir: string;
  /** What the build reads: the output folder is kept apart from it. */
  inputs: Inputs;
  paper: Paper;
  /** A personal scoring sheet: whose it is and which questions it asks. */
  sheet?: SheetDetails;
  /** Names the files instead of the level, e.g. the candidate's slug. */
  fileStem?: string;
  /** Scoring sheets with form fields. */
  fillable?: boolean;
  /** Render every file, whatever an earlier build left. */
  force?: boolean;
  /** Threads that render (renderPool.ts): 1 renders on this one; by default the cores, for a build big enough to pay for them. */
  threads?: number;
  /** The run's key and its warnings, left in the folder's run stamp for the next unchanged build (unchangedBuild.ts). */
  stamp?: Pick<RunStamp, 'key' | 'warnings' | 'said'>;
}

export interface BuiltFile extends ManifestFile {
  /** Where it was written, as the user passed --out. */
  written: string;
  fontSize: number;
  /** Made by an earlier build from the same inputs, and left as it was. */
  reused: boolean;
}

export interface BuildResult {
  files: BuiltFile[];
  /** The level zips of `--zip`, with where they were written, and whether the one on disk was left as it was. */
  bundles: (ManifestBundle & { written: string; reused: boolean })[];
  skipped: string[];
  manifestPath: string;
  /** Files of earlier builds this one removed, as written (a level no longer in the content, a packet now skipped). */
  removed: string[];
  /** What the build found and mended in the folder first (a write an earlier run left part-done, a damaged journal). */
  notices: string[];
}

export const outputPath = (level: string, packet: Packet, stem = level) => `${level}/${stem}-${packet}.pdf`;

/** The options that shape a file, as the cache compares them. */
function options(request: BuildRequest, packet: Packet) {
  const sheet = request.sheet && { ...request.sheet, questions: request.sheet.questions?.map((q) => q.id) };
  return { packet, paper: request.paper, sheet, fillable: request.fillable === true && packet === 'scorecard', print: request.print ?? {} };
}

export async function build(request: BuildRequest): Promise<BuildResult> {
  const folder = new OutputFolder(request.outDir, request.inputs);
  const notices: string[] = [];
  // The folder's manifest is read and written by one run at a time.
  const result = await underLock(folder, () => buildLocked(request, folder), notices);
  return { ...result, notices };
}

async function buildLocked(request: BuildRequest, folder: OutputFolder): Promise<Omit<BuildResult, 'notices'>> {
  const manifestPath = join(request.outDir, 'manifest.json');
  const previous = readManifest(folder);
  // --force: nothing is reused, but the manifest still keeps the other files' entries.
  const before = new Map((request.force ? [] : (previous?.files ?? [])).map((entry) => [entry.path, entry]));
  const source = (name: string) => request.templates.sources.find((s) => s.path === name)?.text ?? '';
  const skipped: string[] = [];
  const editions = new Map<string, { edition: ReturnType<typeof editionOf>; date: ReturnType<typeof buildDate> }>();
  // Each job: its file as an earlier build left it, or a packet to render (on this thread or a pool's, poolTasks.ts).
  const slots: ({ file: BuiltFile; bytes: Buffer } | undefined)[] = [];
  const tasks: (PoolTask & { kind: 'packet'; job: number; entry: (result: PacketResult & { kind: 'pdf' }) => { file: BuiltFile; bytes: Buffer } })[] = [];
  for (const [index, { level, packet }] of request.jobs.entries()) {
    if (!editions.has(level.id)) {
      const files = levelFiles(request.contentFiles, request.library, level);
      const date = buildDate(request.contentDir, files);
      editions.set(level.id, { edition: editionOf(files, request.contentDir, date, request.print?.organisation), date });
    }
    const { edition, date } = editions.get(level.id)!;
    const path = outputPath(level.id, packet, request.fileStem);
    const written = join(request.outDir, path);
    const inputs = inputsHash({
      content: `${edition.fullHash}\0${date.label ?? ''}\0${date.date.toISOString()}`,
      templates: [source(`${packet}.md.hbs`), source('theme.json')],
      options: options(request, packet),
    });
    const entry = (bytes: Buffer, pages: number, fontSize: number, reused: boolean, fonts: readonly string[]): { file: BuiltFile; bytes: Buffer } => ({
      bytes,
      file: { path, written, level: level.id, packet, paper: request.paper, pages, bytes: bytes.length, sha256: sha256(bytes), content: edition.fullHash, inputs, ...(fonts.length ? { fonts: [...fonts] } : {}), fontSize, reused },
    });
    const cached = reusable(before.get(path), inputs, folder);
    if (cached) {
      request.onJob?.(index, request.jobs.length, { level, packet });
      slots.push(entry(cached, before.get(path)!.pages, 0, true, before.get(path)!.fonts ?? []));
      continue;
    }
    slots.push(undefined);
    const payload: Omit<PacketOptions, 'templates'> = { library: request.library, level, packet, edition, paper: request.paper, creationDate: date.date, sheet: request.sheet, fillable: request.fillable, evidenceLines: request.print?.evidenceLines, ratings: request.print?.ratingLabels, tagged: request.print?.tagged, language: request.print?.language };
    tasks.push({ label: `the ${packet} of level "${level.id}"`, pdfs: 1, kind: 'packet', payload, job: index, entry: (result) => entry(result.bytes, result.pages, result.fontSize, false, result.fonts) });
  }
  const rendered = (await renderTasks(tasks, {
    threads: request.threads,
    templates: request.templates,
    onStart: (i) => request.onJob?.(tasks[i]!.job, request.jobs.length, request.jobs[tasks[i]!.job]!),
  })) as PacketResult[];
  for (const [i, result] of rendered.entries()) {
    const task = tasks[i]!;
    if (result.kind === 'skipped') skipped.push(`skipped the ${request.jobs[task.job]!.packet} of level "${request.jobs[task.job]!.level.id}": ${result.reason}`);
    else slots[task.job] = task.entry(result);
  }
  const made = slots.filter((slot) => slot !== undefined);
  const bundles = request.zip ? bundlesOf(request, made, editions) : [];
  const thisRun = new Set([...made.map(({ file }) => file.path), ...bundles.map(({ entry }) => entry.path)]);
  // The folder is the build's: an earlier file of a level no longer in the content, or of a job
  // this build was asked for and did not make (a packet now skipped), goes, as does its entry.
  const levels = new Set(request.library.levels.map((level) => level.id));
  const asked = new Set([
    ...request.jobs.map((job) => outputPath(job.level.id, job.packet, request.fileStem)),
    ...(request.zip ? request.jobs.map((job) => bundleName(job.level)) : []),
  ]);
  const stale = (entry: { path: string; level: string }) => !levels.has(entry.level) || asked.has(entry.path);
  const earlierFiles = stillThere(previous?.files, folder).filter((entry) => !thisRun.has(entry.path));
  const bundlesOnDisk = stillThere(previous?.bundles, folder);
  const earlierBundles = bundlesOnDisk.filter((entry) => !thisRun.has(entry.path));
  const removes: OwnedFile[] = [...earlierFiles, ...earlierBundles].filter(stale).map(({ path, sha256 }) => ({ path, sha256 }));
  const manifest: Manifest = {
    tool: { name: 'preppack', version: TOOL_VERSION },
    contentHash: hashFiles(request.contentFiles.map((f) => ({ path: f.path.slice(request.contentDir.length), bytes: f.bytes }))),
    templatesHash: hashFiles(request.templates.sources.map((s) => ({ path: s.path, bytes: s.text }))),
    paper: request.paper,
    files: [
      ...earlierFiles.filter((entry) => !stale(entry)),
      ...made.map(({ file }) => ({ path: file.path, level: file.level, packet: file.packet, paper: file.paper, pages: file.pages, bytes: file.bytes, sha256: file.sha256, content: file.content, inputs: file.inputs, ...(file.fonts ? { fonts: file.fonts } : {}) })),
    ].sort(byPath),
  };
  const allBundles = [...earlierBundles.filter((entry) => !stale(entry)), ...bundles.map((b) => b.entry)].sort(byPath);
  if (allBundles.length) manifest.bundles = allBundles;
  if (request.shard) manifest.shard = request.shard;
  // A zip whose bytes are on disk already is left as it is, as an unchanged PDF is.
  const unchangedBundles = new Set(bundlesOnDisk.map((entry) => `${entry.path}\0${entry.sha256}`));
  const bundleReused = (entry: ManifestBundle) => unchangedBundles.has(`${entry.path}\0${entry.sha256}`);
  const writes = [
    ...made.filter(({ file }) => !file.reused).map(({ file, bytes }) => ({ path: file.path, bytes })),
    ...bundles.filter(({ entry }) => !bundleReused(entry)).map(({ entry, bytes }) => ({ path: entry.path, bytes })),
  ];
  // The last run's stamp goes first: a failure or a kill part-way leaves none, and the next build looks at everything.
  stampRun(folder);
  // Every new file, then the manifest, then the removals, as one change: a failure or a kill part-way leaves the old set or the new one.
  const manifestBytes = manifestText(manifest);
  writeStaged(folder, writes, { path: 'manifest.json', bytes: manifestBytes }, removes);
  // A level's folder emptied by the removals goes too.
  for (const path of new Set(removes.map((owned) => dirname(owned.path)).filter((dir) => dir !== '.'))) folder.removeEmptyFolder(path);
  // Text set in an installed font: the installed fonts are not in the run's key, so the next build looks again.
  if (request.stamp && fallbackFontsFingerprint() === '') {
    const entries = new Map(manifest.files.map((entry) => [entry.path, entry]));
    stampRun(folder, {
      ...request.stamp,
      manifest: { bytes: Buffer.byteLength(manifestBytes), sha256: sha256(manifestBytes) },
      files: made.map(({ file }) => entries.get(file.path)!),
      bundles: bundles.map(({ entry }) => entry),
      skipped,
      ...(request.shard ? { shard: request.shard } : {}),
    });
  }
  return {
    files: made.map((r) => r.file),
    bundles: bundles.map(({ entry }) => ({ ...entry, written: join(request.outDir, entry.path), reused: bundleReused(entry) })),
    skipped,
    manifestPath,
    removed: removes.map((owned) => join(request.outDir, owned.path)),
  };
}

const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path);

/** A zip per level of this build, of the PDFs it made (or found unchanged) for that level. */
function bundlesOf(request: BuildRequest, made: readonly { file: BuiltFile; bytes: Buffer }[], editions: Map<string, { edition: ReturnType<typeof editionOf>; date: ReturnType<typeof buildDate> }>) {
  const levels = [...new Map(request.jobs.map((job) => [job.level.id, job.level])).values()];
  return levels.flatMap((level) => {
    const files: BundledFile[] = made.filter(({ file }) => file.level === level.id).map(({ file, bytes }) => ({ path: file.path, packet: file.packet, pages: file.pages, sha256: file.sha256, bytes }));
    if (files.length === 0) return [];
    const { edition, date } = editions.get(level.id)!;
    const bytes = levelBundle(level, files, edition, date.date);
    const entry: ManifestBundle = { path: bundleName(level), level: level.id, bytes: bytes.length, sha256: sha256(bytes), files: files.map((f) => f.path) };
    return [{ entry, bytes }];
  });
}
