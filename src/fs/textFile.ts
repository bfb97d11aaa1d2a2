// What makes a path a text file preppack will read: a regular file (a pipe
// or device would block the run or never end) of at most 4 MB (larger is
// not a text a person wrote, and is not read whole to find that out).
import { statSync } from 'node:fs';

export const MAX_TEXT_FILE_BYTES = 4 * 1024 * 1024;

/** Why the file at `path` (already known to exist) is not read, or undefined if it may be. */
export function textFileProblem(path: string): string | undefined {
  const stat = statSync(path);
  if (stat.isDirectory()) return 'a folder, not a file: not read';
  if (!stat.isFile()) return 'not a regular file (a pipe, socket or device): not read';
  if (stat.size > MAX_TEXT_FILE_BYTES) return `${(stat.size / 1024 / 1024).toFixed(1)} MB: a text file is at most ${MAX_TEXT_FILE_BYTES / 1024 / 1024} MB; not read`;
  return undefined;
}
