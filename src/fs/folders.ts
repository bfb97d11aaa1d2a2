// Why an output folder cannot be made: a file stands where it or a folder
// above it would be. (Folders are made one level at a time by
// OutputFolder: Node's recursive mkdir never returns for some paths, under
// /proc say.)
import { statSync } from 'node:fs';
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
