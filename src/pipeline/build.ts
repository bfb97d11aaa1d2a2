// A whole build: every requested level × packet rendered in memory first, so
// that a content or template error writes nothing; then each file written
// atomically, and the manifest last.
import { join } from 'node:path';
import type { Level, Library } from '../content/model.js';
import type { ContentFile } from '../content/read.js';
import { writeFileAtomic } from '../fs/atomicWrite.js';
import type { SheetDetails } from '../loops/sheet.js';
import type { Paper } from '../render/document.js';
import type { Packet, TemplateSet } from '../render/templates.js';
import { TOOL_VERSION } from '../version.js';
import { buildDate, edition as editionOf, hashFiles } from './edition.js';
import { manifestText, sha256, type Manifest, type ManifestFile } from './manifest.js';
import { renderPacket } from './renderPacket.js';

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
}

export interface BuiltFile extends ManifestFile {
  /** Where it was written, as the user passed --out. */
  written: string;
  fontSize: number;
}

export interface BuildResult {
  files: BuiltFile[];
  skipped: string[];
  manifestPath: string;
}

export const outputPath = (level: string, packet: Packet, stem = level) => `${level}/${stem}-${packet}.pdf`;

export async function build(request: BuildRequest): Promise<BuildResult> {
  const date = buildDate(request.contentDir);
  const edition = editionOf(request.contentFiles, request.contentDir, date);
  const rendered: { file: BuiltFile; bytes: Buffer }[] = [];
  const skipped: string[] = [];
  for (const level of request.levels) {
    for (const packet of request.packets) {
      const result = await renderPacket({ library: request.library, level, packet, templates: request.templates, edition, paper: request.paper, creationDate: date.date, sheet: request.sheet, fillable: request.fillable });
      if (result.kind === 'skipped') {
        skipped.push(`skipped the ${packet} of level "${level.id}": ${result.reason}`);
        continue;
      }
      const path = outputPath(level.id, packet, request.fileStem);
      rendered.push({
        bytes: result.bytes,
        file: { path, written: join(request.outDir, path), level: level.id, packet, pages: result.pages, bytes: result.bytes.length, sha256: sha256(result.bytes), fontSize: result.fontSize },
      });
    }
  }
  for (const { file, bytes } of rendered) writeFileAtomic(file.written, bytes);
  const manifest: Manifest = {
    tool: { name: 'preppack', version: TOOL_VERSION },
    contentHash: edition.fullHash,
    templatesHash: hashFiles(request.templates.sources.map((s) => ({ path: s.path, bytes: s.text }))),
    paper: request.paper,
    files: rendered.map(({ file }) => ({ path: file.path, level: file.level, packet: file.packet, pages: file.pages, bytes: file.bytes, sha256: file.sha256 })),
  };
  const manifestPath = join(request.outDir, 'manifest.json');
  writeFileAtomic(manifestPath, manifestText(manifest));
  return { files: rendered.map((r) => r.file), skipped, manifestPath };
}
