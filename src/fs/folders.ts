// Output folders made one level at a time. Node's recursive mkdir never
// returns for some paths (under /proc, say); a folder made step by step
// fails at once, and a file where a folder should be is named as such.
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PreppackError } from '../problems.js';

/** Why a folder cannot be made, in words for the user. */
export class FolderError extends PreppackError {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super([], 'output', message);
  }
}

function kindOf(path: string): 'folder' | 'other' | 'none' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'other';
  } catch {
    return 'none';
  }
}

/** Makes `path` and any folders above it that are missing; throws FolderError naming the one that cannot be. */
export function ensureFolder(path: string): void {
  const blocked = folderProblem(path);
  if (blocked) throw blocked;
  const missing: string[] = [];
  for (let at = resolve(path); kindOf(at) === 'none' && dirname(at) !== at; at = dirname(at)) missing.unshift(at);
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (caught) {
      const code = (caught as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && kindOf(folder) === 'folder') continue;
      throw new FolderError(folder, `cannot make the folder ${folder} (${code ?? (caught as Error).message})`);
    }
  }
}

/** Why `path` could never be made a folder (a file stands where it or a folder above it would be), checked before any work. */
export function folderProblem(path: string): FolderError | undefined {
  for (let at = resolve(path); ; at = dirname(at)) {
    const kind = kindOf(at);
    if (kind === 'folder') return undefined;
    if (kind === 'other') {
      const shown = at === resolve(path) ? path : at;
      return new FolderError(shown, `${shown} is a file, not a folder: the output goes in a folder`);
    }
    if (dirname(at) === at) return undefined;
  }
}
