// out/manifest.json: what a build wrote, with enough to tell whether a file
// is current (content and template hashes, tool version) and intact (sha256).
import { createHash } from 'node:crypto';
import type { Paper } from '../render/document.js';
import type { Packet } from '../render/templates.js';

export interface ManifestFile {
  path: string;
  level: string;
  packet: Packet;
  pages: number;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  tool: { name: 'preppack'; version: string };
  contentHash: string;
  templatesHash: string;
  paper: Paper;
  files: ManifestFile[];
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function manifestText(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
