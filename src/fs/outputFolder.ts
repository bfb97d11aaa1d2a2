// The one way preppack changes the disk. An OutputFolder is a folder a run
// owns; every path it writes, moves or removes goes through it, is resolved
// (real paths, after links) and must lie inside it. Before a run starts, the
// folder is checked against the run's inputs: it may not be, hold or sit
// inside the content or templates folder, nor be the folder of an input file,
// and no input is ever an output.
import { accessSync, closeSync, constants, lstatSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { PreppackError } from '../problems.js';
import { FolderError, folderProblem } from './folders.js';

/** What a run reads, which its output may never touch: folders (with what they are, for messages) and files. */
export interface Inputs {
  folders: { path: string; what: string }[];
  files: { path: string; what: string }[];
}

/** The real path of `path`, resolving links in the part that exists; the rest is taken as written. */
export function realPath(path: string): string {
  const missing: string[] = [];
  for (let at = resolve(path); ; at = dirname(at)) {
    try {
      return join(realpathSync(at), ...missing);
    } catch {
      if (dirname(at) === at) return resolve(path);
      missing.unshift(basename(at));
    }
  }
}

const within = (inner: string, outer: string) => inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);

/** A bad output folder for these inputs: a request error naming the option, else undefined. */
export function outputRelationProblem(root: string, inputs: Inputs, option = '--out'): PreppackError | undefined {
  const real = realPath(root);
  const refuse = (why: string) => new PreppackError([], 'request', `${option} ${root}: ${why}; choose another folder`);
  for (const folder of inputs.folders) {
    const other = realPath(folder.path);
    if (real === other) return refuse(`the output folder is ${folder.what} (${folder.path}): preppack would write among what it reads`);
    if (within(real, other)) return refuse(`the output folder is inside ${folder.what} (${folder.path}): preppack would write among what it reads`);
    if (within(other, real)) return refuse(`the output folder holds ${folder.what} (${folder.path}): preppack would write among what it reads`);
  }
  for (const file of inputs.files) {
    const other = realPath(file.path);
    if (real === dirname(other)) return refuse(`the output folder is the folder of ${file.what} (${file.path}): preppack would write beside what it reads`);
    if (real === other) return refuse(`it is ${file.what}, not a folder`);
  }
  return undefined;
}

/** Why `root` cannot be the output folder of a run with these inputs, checked before any work: a file in its way, or its place among the inputs. */
export function outputFolderProblem(root: string, inputs: Inputs, option = '--out'): PreppackError | undefined {
  return outputRelationProblem(root, inputs, option) ?? folderProblem(root);
}

/** A relative path below a folder, as a manifest or journal names it: forward slashes, no "." or ".." parts, not absolute. */
export function isPlainRelativePath(path: string): boolean {
  if (typeof path !== 'string' || path === '' || path.includes('\0') || path.includes('\\') || isAbsolute(path) || /^[a-z]:/i.test(path)) return false;
  return posix.normalize(path) === path && !path.split('/').some((part) => part === '..' || part === '.' || part === '');
}

type Kind = 'file' | 'folder' | 'link' | 'other' | 'none';

function kindOf(path: string): Kind {
  try {
    const stat = lstatSync(path);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : stat.isSymbolicLink() ? 'link' : 'other';
  } catch {
    return 'none';
  }
}

/** Plain words for a failed write, from its errno. */
export function writeFailure(code: string | undefined): string {
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: preppack may not write there';
    case 'EROFS':
      return 'the disk is read-only';
    case 'EISDIR':
      return 'a folder stands where a file goes';
    case 'ENOTDIR':
      return 'a file stands where a folder goes';
    case 'EEXIST':
      return 'something is already there';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'EIO':
      return 'the disk reported an error';
    case 'ENOENT':
      return 'the system allows no folder or file there';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    case 'EBUSY':
      return 'it is in use';
    default:
      return `the system refused (${code ?? 'no reason given'})`;
  }
}

/** A write that failed, as a FolderError naming the path (as the user knows it) and why in words. */
export const failedWrite = (shown: string, caught: unknown, what = 'cannot write') =>
  caught instanceof PreppackError ? caught : new FolderError(shown, `${what} ${shown}: ${writeFailure((caught as NodeJS.ErrnoException).code)}`);

export class OutputFolder {
  /** The folder's real path: every path below it must resolve inside it. */
  private real = '';
  private readonly inputs: Set<string>;
  /** Whether this run made the folder (and may remove it again if it stays empty). */
  readonly made: boolean;

  /** The folder `root` (as the user named it) for a run with these inputs; refused as outputFolderProblem says. */
  constructor(
    readonly root: string,
    inputs: Inputs = { folders: [], files: [] },
    option = '--out',
  ) {
    const problem = outputFolderProblem(root, inputs, option);
    if (problem) throw problem;
    this.inputs = new Set(inputs.files.map((file) => realPath(file.path)));
    this.made = kindOf(root) === 'none';
  }

  /** Makes the folder if it is missing (and every folder above it). */
  open(): this {
    try {
      this.mkdirs(resolve(this.root));
    } catch (caught) {
      throw failedWrite(this.root, caught, 'cannot make the folder');
    }
    this.real = realpathSync(this.root);
    return this;
  }

  /** An absolute path as the user knows it: below the folder as they named it, else as it is. */
  private shownAbsolute(path: string): string {
    const below = relative(this.real || resolve(this.root), path);
    return below && !below.startsWith('..') && !isAbsolute(below) ? join(this.root, below) : path;
  }

  /** How the user knows a path below the folder: as they named the folder, then the path. */
  shown(path: string): string {
    return join(this.root, path);
  }

  /**
   * The absolute path of `path` below the folder, after checking that it is a
   * plain relative path and that no link in the part that exists leads out of
   * the folder, nor onto an input file.
   */
  private inside(path: string): string {
    if (!this.real) throw new Error('OutputFolder used before open()');
    if (!isPlainRelativePath(path)) throw new FolderError(this.root, `refused to write "${path}": not a plain path inside ${this.root}`);
    const target = join(this.real, path);
    const real = realPath(target);
    if (!within(real, this.real)) throw new FolderError(this.root, `refused to write ${this.shown(path)}: a link there leads outside ${this.root}`);
    if (this.inputs.has(real)) throw new FolderError(this.root, `refused to write ${this.shown(path)}: it is one of this run's inputs`);
    return target;
  }

  /** What stands at a path below the folder: a file, a folder, a link, something else, or nothing. */
  kind(path: string): Kind {
    return kindOf(this.inside(path));
  }

  /** Why a file could not be put at `path` (a file where a folder of it goes, a folder or pipe where it goes), or undefined. */
  placeProblem(path: string): FolderError | undefined {
    const target = this.inside(path);
    const parts = path.split('/');
    let writable = '';
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      const kind = kindOf(join(this.real, folder));
      if (kind === 'none') break;
      if (kind !== 'folder' && !(kind === 'link' && within(realPath(join(this.real, folder)), this.real))) {
        return new FolderError(this.shown(folder), `${this.shown(folder)} is a file, and ${this.shown(path)} goes in a folder of that name: move the file away`);
      }
      writable = folder;
    }
    // The folder the file (or its first missing folder) goes in must let preppack write.
    try {
      accessSync(writable ? join(this.real, writable) : this.real, constants.W_OK);
    } catch {
      const shown = writable ? this.shown(writable) : this.root;
      return new FolderError(shown, `${shown} is not writable for preppack (permission denied), and ${this.shown(path)} goes in it`);
    }
    const kind = kindOf(target);
    if (kind === 'folder') return new FolderError(this.shown(path), `${this.shown(path)} is a folder, and preppack writes a file there: move the folder away`);
    if (kind === 'other') return new FolderError(this.shown(path), `${this.shown(path)} is not a regular file (a pipe, socket or device), and preppack writes a file there: remove it`);
    return undefined;
  }

  private mkdirs(absolute: string): void {
    const missing: string[] = [];
    for (let at = absolute; kindOf(at) === 'none' && dirname(at) !== at; at = dirname(at)) missing.unshift(at);
    for (const folder of missing) {
      try {
        mkdirSync(folder);
      } catch (caught) {
        if ((caught as NodeJS.ErrnoException).code !== 'EEXIST' || kindOf(folder) !== 'folder') throw failedWrite(this.shownAbsolute(folder), caught, 'cannot make the folder');
      }
    }
  }

  /** Makes the folder `path` below the folder, and any above it. */
  makeFolder(path: string): void {
    this.mkdirs(this.inside(path));
  }

  /** Writes a new file (never through a link, never over anything). */
  create(path: string, bytes: string | Uint8Array): void {
    const target = this.inside(path);
    this.mkdirs(dirname(target));
    const fd = openSync(target, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666);
    try {
      const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
      for (let at = 0; at < data.length; ) at += writeSync(fd, data, at, data.length - at);
    } finally {
      closeSync(fd);
    }
  }

  /** Moves a file within the folder, over what is at `to` (a file or nothing). */
  move(from: string, to: string): void {
    const source = this.inside(from);
    const target = this.inside(to);
    this.mkdirs(dirname(target));
    renameSync(source, target);
  }

  /** Removes a file the caller knows this tool wrote. */
  removeFile(path: string): void {
    const target = this.inside(path);
    if (kindOf(target) === 'folder') throw new FolderError(this.shown(path), `refused to remove ${this.shown(path)}: a folder`);
    rmSync(target, { force: true });
  }

  /** Removes one of preppack's own working folders (its staging folder), whole. */
  removeWorkFolder(path: string): void {
    if (!/^\.preppack-[a-z]+$/.test(path)) throw new FolderError(this.shown(path), `refused to remove ${this.shown(path)}: not one of preppack's own folders`);
    rmSync(this.inside(path), { recursive: true, force: true });
  }

  /** Removes an empty folder below the folder (left as it is if anything is in it). */
  removeEmptyFolder(path: string): void {
    try {
      rmdirSync(this.inside(path));
    } catch {
      // Not empty, or not there: left as it is.
    }
  }

  /** Removes the folder itself if this run made it and it is empty. */
  removeIfMadeAndEmpty(): void {
    if (!this.made) return;
    try {
      rmdirSync(this.root);
    } catch {
      // Not empty: the run wrote something.
    }
  }

  /** The names in a folder below the folder ("" for the folder itself). */
  list(path: string): string[] {
    try {
      return readdirSync(path === '' ? this.real : this.inside(path));
    } catch {
      return [];
    }
  }

  /** The absolute path of `path` below the folder, checked, for reading back what is there. */
  pathOf(path: string): string {
    return this.inside(path);
  }

  /** The path of `path` relative to the folder, if it is inside it (a path as the user gave it). */
  relativePath(path: string): string | undefined {
    const rel = relative(this.real || realPath(this.root), realPath(path)).split(sep).join('/');
    return isPlainRelativePath(rel) ? rel : undefined;
  }
}
