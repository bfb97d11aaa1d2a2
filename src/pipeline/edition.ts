// What identifies a build: the content's hash, the tool's version and the
// edition's date. The date comes from the inputs, never the clock, so that the
// same inputs give the same bytes: SOURCE_DATE_EPOCH when set, else the date
// of the last commit that changed the content folder, else none.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { ContentFile } from '../content/read.js';
import type { Edition } from '../packets/common.js';
import { humanDate } from '../text/dates.js';
import { TOOL_VERSION } from '../version.js';

/** The creation date written into every PDF when the edition has no date. */
export const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

export function hashFiles(files: readonly { path: string; bytes: Uint8Array | string }[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    hash.update(file.path).update('\0').update(file.bytes).update('\0');
  }
  return hash.digest('hex');
}

export interface BuildDate {
  /** The PDFs' creation date. */
  date: Date;
  /** The edition's date as people write it, when the inputs give one. */
  label: string | null;
}

/** Seconds since 1970 of the last commit that touched `dir`, if it is in a git work tree. */
function lastCommitEpoch(dir: string): string | undefined {
  const git = spawnSync('git', ['log', '-1', '--format=%ct', '--', '.'], { cwd: dir, encoding: 'utf8', timeout: 5000 });
  const epoch = git.status === 0 ? git.stdout.trim() : '';
  return /^\d+$/.test(epoch) ? epoch : undefined;
}

export function buildDate(contentDir: string, env: NodeJS.ProcessEnv = process.env): BuildDate {
  const given = env.SOURCE_DATE_EPOCH;
  const epoch = given && /^\d+$/.test(given) ? given : lastCommitEpoch(contentDir);
  if (!epoch) return { date: FIXED_DATE, label: null };
  const date = new Date(Number(epoch) * 1000);
  return { date, label: humanDate(date) };
}

export function edition(contentFiles: readonly ContentFile[], contentRoot: string, date: BuildDate): Edition & { fullHash: string } {
  const fullHash = hashFiles(contentFiles.map((f) => ({ path: f.path.slice(contentRoot.length), bytes: f.bytes })));
  return { contentHash: fullHash.slice(0, 12), fullHash, version: TOOL_VERSION, date: date.label };
}
