// A whole build: every requested level × packet rendered in memory first, so
// that a content or template error writes nothing; then each file written
// atomically, and the manifest last.
import { join } from 'node:path';
import type { Level, Library } from '../content/model.js';
import type { ContentFile } from '../content/read.js';
import { underLock, writeStaged } from '../fs/stagedWrite.js';
import type { SheetDetails } from '../loops/sheet.js';
import type { Paper } from '../render/document.js';
import type { Packet, TemplateSet } from '../render/templates.js';
import { TOOL_VERSION } from '../version.js';
import { inputsHash, readManifest, reusable, stillThere } from './cache.js';
import { buildDate, edition as editionOf, hashFiles, levelFiles } from './edition.js';
import { manifestText, sha256, type Manifest, type ManifestFile } from './manifest.js';

export interface BuildRequest {
  library: Library;
  contentFiles: ContentFile[];
  contentDir: string;
  levels: Level[];
  packets: Packet[];
  templates: TemplateSet;
  outDir: string;
  paper: Paper;
  /** A personal scoring sheet: whose it is and which questions it asks. */
  sheet?: SheetDetails;
  /** Names the files instead of the level, e.g. the candidate's slug. */
  fileStem?: string;
  /** Scoring sheets with form fields. */
  fillable?: boolean;
  /** Render every file, whatever an earlier build left. */
  force?: boolean;
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
  skipped: string[];
  manifestPath: string;
}

export const outputPath = (level: string, packet: Packet, stem = level) => `${level}/${stem}-${packet}.pdf`;

/** The options that shape a file, as the cache compares them. */
function options(request: BuildRequest, packet: Packet) {
  const sheet = request.sheet && { ...request.sheet, questions: request.sheet.questions?.map((q) => q.id) };
  return { packet, paper: request.paper, sheet, fillable: request.fillable === true && packet === 'scorecard' };
}

export async function build(request: BuildRequest): Promise<BuildResult> {
  // The folder's manifest is read and written by one run at a time.
  return underLock(request.outDir, () => buildLocked(request));
}

async function buildLocked(request: BuildRequest): Promise<BuildResult> {
  const manifestPath = join(request.outDir, 'manifest.json');
  const previous = readManifest(manifestPath);
  // --force: nothing is reused, but the manifest still keeps the other files' entries.
  const before = new Map((request.force ? [] : (previous?.files ?? [])).map((entry) => [entry.path, entry]));
  const source = (name: string) => request.templates.sources.find((s) => s.path === name)?.text ?? '';
  const made: { file: BuiltFile; bytes: Buffer }[] = [];
  const skipped: string[] = [];
  for (const level of request.levels) {
    const files = levelFiles(request.contentFiles, request.library, level);
    const date = buildDate(request.contentDir, files);
    const edition = editionOf(files, request.contentDir, date);
    for (const packet of request.packets) {
      const path = outputPath(level.id, packet, request.fileStem);
      const written = join(request.outDir, path);
      const inputs = inputsHash({
        content: `${edition.fullHash}\0${date.label ?? ''}\0${date.date.toISOString()}`,
        templates: [source(`${packet}.md.hbs`), source('theme.json')],
        options: options(request, packet),
      });
      const entry = (bytes: Buffer, pages: number, fontSize: number, reused: boolean): { file: BuiltFile; bytes: Buffer } => ({
        bytes,
        file: { path, written, level: level.id, packet, paper: request.paper, pages, bytes: bytes.length, sha256: sha256(bytes), content: edition.fullHash, inputs, fontSize, reused },
      });
      const cached = reusable(before.get(path), inputs, written);
      if (cached) {
        made.push(entry(cached, before.get(path)!.pages, 0, true));
        continue;
      }
      // pdfmake and the render stack load only when something is to be rendered.
      const { renderPacket } = await import('./renderPacket.js');
      const result = await renderPacket({ library: request.library, level, packet, templates: request.templates, edition, paper: request.paper, creationDate: date.date, sheet: request.sheet, fillable: request.fillable });
      if (result.kind === 'skipped') {
        skipped.push(`skipped the ${packet} of level "${level.id}": ${result.reason}`);
        continue;
      }
      made.push(entry(result.bytes, result.pages, result.fontSize, false));
    }
  }
  const thisRun = new Set(made.map(({ file }) => file.path));
  const manifest: Manifest = {
    tool: { name: 'preppack', version: TOOL_VERSION },
    contentHash: hashFiles(request.contentFiles.map((f) => ({ path: f.path.slice(request.contentDir.length), bytes: f.bytes }))),
    templatesHash: hashFiles(request.templates.sources.map((s) => ({ path: s.path, bytes: s.text }))),
    paper: request.paper,
    files: [
      ...stillThere(previous, request.outDir).filter((entry) => !thisRun.has(entry.path)),
      ...made.map(({ file }) => ({ path: file.path, level: file.level, packet: file.packet, paper: file.paper, pages: file.pages, bytes: file.bytes, sha256: file.sha256, content: file.content, inputs: file.inputs })),
    ].sort((a, b) => a.path.localeCompare(b.path)),
  };
  // Every new file, then the manifest, as one change: a failure or a kill part-way leaves the old set or the new one.
  writeStaged(request.outDir, made.filter(({ file }) => !file.reused).map(({ file, bytes }) => ({ path: file.path, bytes })), { path: 'manifest.json', bytes: manifestText(manifest) });
  return { files: made.map((r) => r.file), skipped, manifestPath };
}
