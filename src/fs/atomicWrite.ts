// Writes a file so that readers see the old file or the whole new one, never
// half of it: write a temporary file beside it, then rename over.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { ensureFolder } from './folders.js';

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  ensureFolder(dirname(path));
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (caught) {
    rmSync(temporary, { force: true });
    throw caught;
  }
}
