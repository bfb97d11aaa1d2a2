// What identifies a build: the content's hash, the tool's version and the
// date, which is fixed unless SOURCE_DATE_EPOCH says otherwise, so that the
// same inputs give the same bytes.
import { createHash } from 'node:crypto';
import type { ContentFile } from '../content/read.js';
import type { Edition } from '../packets/common.js';
import { TOOL_VERSION } from '../version.js';

/** The creation date written into every PDF when SOURCE_DATE_EPOCH is not set. */
export const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

export function hashFiles(files: readonly { path: string; bytes: Uint8Array | string }[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    hash.update(file.path).update('\0').update(file.bytes).update('\0');
  }
  return hash.digest('hex');
}

export interface BuildDate {
  date: Date;
  /** Shown on covers only when the date was asked for. */
  label: string | null;
}

export function buildDate(env: NodeJS.ProcessEnv = process.env): BuildDate {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) {
    const date = new Date(Number(epoch) * 1000);
    return { date, label: date.toISOString().slice(0, 10) };
  }
  return { date: FIXED_DATE, label: null };
}

export function edition(contentFiles: readonly ContentFile[], contentRoot: string, date: BuildDate): Edition & { fullHash: string } {
  const fullHash = hashFiles(contentFiles.map((f) => ({ path: f.path.slice(contentRoot.length), bytes: f.bytes })));
  return { contentHash: fullHash.slice(0, 12), fullHash, version: TOOL_VERSION, date: date.label };
}
