// out/manifest.json: what the output folder holds, with enough to tell
// whether a file is current (its inputs' hash, content and template hashes,
// tool version) and intact (sha256). A build that makes some files keeps the
// entries of the others that are still there.
import { createHash } from 'node:crypto';
import type { Paper } from '../render/document.js';
import type { Packet } from '../render/templates.js';
import type { ShardRecord } from './shards.js';

export interface ManifestFile {
  path: string;
  level: string;
  packet: Packet;
  paper?: Paper;
  pages: number;
  bytes: number;
  sha256: string;
  /** The hash of the content the file draws on (its level's files and the competencies); the short form prints on it. */
  content?: string;
  /** The hash of everything the file was made from (cache.ts). */
  inputs?: string;
}

/** A level's zip (`build --zip`). */
export interface ManifestBundle {
  path: string;
  level: string;
  bytes: number;
  sha256: string;
  /** The PDFs in it, by their paths in the output folder. */
  files: string[];
}

export interface Manifest {
  tool: { name: 'preppack'; version: string };
  contentHash: string;
  templatesHash: string;
  paper: Paper;
  files: ManifestFile[];
  bundles?: ManifestBundle[];
  /** A build of one share of the jobs (`--shard K/N`): which, for `manifest merge`. */
  shard?: ShardRecord;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function manifestText(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
