// What identifies a level's packets: the hash of the content they draw on,
// the tool's version and the edition's date. The date comes from the inputs,
// never the clock, so that the same inputs give the same bytes:
// SOURCE_DATE_EPOCH when set, else the date of the last commit that changed
// the level's content, else none. Per level, so that editing one level's
// question leaves the other levels' PDFs as they are.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import type { Level, Library } from '../content/model.js';
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

/** Seconds since 1970 of the last commit that touched these paths of `dir`, if it is in a git work tree. */
function lastCommitEpoch(dir: string, paths: readonly string[]): string | undefined {
  const git = spawnSync('git', ['log', '-1', '--format=%ct', '--', ...paths], { cwd: dir, encoding: 'utf8', timeout: 5000 });
  const epoch = git.status === 0 ? git.stdout.trim() : '';
  return /^\d+$/.test(epoch) ? epoch : undefined;
}

/** The content files a level's packets draw on: its level file, questions and stories, and the competency vocabulary. */
export function levelFiles(files: readonly ContentFile[], library: Library, level: Level): ContentFile[] {
  const paths = new Set([level.path, ...[...library.questions, ...library.stories].filter((item) => item.level === level.id).map((item) => item.path)]);
  return files.filter((file) => paths.has(file.path) || file.kind === 'competencies');
}

/** The date of the edition made of `files` (all of the content folder when not given). */
export function buildDate(contentDir: string, files?: readonly ContentFile[], env: NodeJS.ProcessEnv = process.env): BuildDate {
  const given = env.SOURCE_DATE_EPOCH;
  const paths = files ? files.map((f) => relative(contentDir, f.path) || '.') : ['.'];
  const epoch = given && /^\d+$/.test(given) ? given : lastCommitEpoch(contentDir, paths);
  if (!epoch) return { date: FIXED_DATE, label: null };
  const date = new Date(Number(epoch) * 1000);
  return { date, label: humanDate(date) };
}

export function edition(contentFiles: readonly ContentFile[], contentRoot: string, date: BuildDate, organisation?: string): Edition & { fullHash: string } {
  const fullHash = hashFiles(contentFiles.map((f) => ({ path: f.path.slice(contentRoot.length), bytes: f.bytes })));
  return { contentHash: fullHash.slice(0, 12), fullHash, version: TOOL_VERSION, date: date.label, organisation: organisation ?? null };
}
