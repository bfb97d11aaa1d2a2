// out/manifest.json: what the output folder holds, with enough to tell
// whether a file is current (its inputs' hash, content and template hashes,
// tool version) and intact (sha256). A build that makes some files keeps the
// entries of the others that are still there.
import { z } from 'zod';
import { isPlainRelativePath } from '../fs/outputFolder.js';
import type { Paper } from '../render/document.js';
import { PACKETS, type Packet } from '../render/templates.js';
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
  /** The fallback fonts its text is set in besides the theme's, as "Family (file)"; none when the theme's font has it all. */
  fonts?: string[];
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

export { sha256 } from '../fs/hash.js';

const path = z.string().refine(isPlainRelativePath, 'a plain relative path inside the output folder');
const hash = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');
const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const paper = z.enum(['letter', 'a4', 'a5']);

/** A manifest as preppack writes it: what `manifest merge` and the incremental build accept. */
export const manifestSchema: z.ZodType<Manifest> = z
  .object({
    tool: z.object({ name: z.literal('preppack'), version: z.string() }),
    contentHash: z.string(),
    templatesHash: z.string(),
    paper,
    files: z.array(
      z.object({ path, level: z.string(), packet: z.enum(PACKETS), paper: paper.optional(), pages: count, bytes: count, sha256: hash, content: z.string().optional(), inputs: z.string().optional(), fonts: z.array(z.string()).optional() }).strict(),
    ),
    bundles: z.array(z.object({ path, level: z.string(), bytes: count, sha256: hash, files: z.array(path) }).strict()).optional(),
    shard: z
      .object({ index: z.number().int().min(1), count: z.number().int().min(1), jobs: z.array(z.string()), allJobs: z.array(z.string()) })
      .strict()
      .refine((shard) => shard.index <= shard.count, 'a shard K/N has K from 1 to N')
      .optional(),
  })
  .strict();

export function manifestText(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
