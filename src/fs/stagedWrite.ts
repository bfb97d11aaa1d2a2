// The write phase of a command that makes many files in one output folder,
// so that a failure or a kill part-way never leaves a mix: every file is the
// old complete one or the new complete one, and the manifest says which.
//
//   1. Take the folder's lock (.preppack.lock): a second run into the same
//      folder stops with a clear message instead of interleaving.
//   2. Finish what a run before left: a journal means it had staged
//      everything and was moving files into place, so the moves are done
//      (roll forward); a staging folder without a journal is dropped (roll
//      back); stray temporaries of killed writes are removed.
//   3. Write every new file into .preppack-staging/, then the journal (the
//      commit point), then move the files into place, the manifest last.
//   4. Remove the journal and the staging folder; release the lock.
import { closeSync, existsSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { writeFileAtomic } from './atomicWrite.js';
import { ensureFolder, FolderError } from './folders.js';

export const LOCK = '.preppack.lock';
export const STAGING = '.preppack-staging';
export const JOURNAL = '.preppack-journal.json';

export interface StagedFile {
  /** Where it goes, below the output folder. */
  path: string;
  bytes: string | Uint8Array;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (caught) {
    return (caught as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The folder's lock, or a FolderError naming the run that holds it. A lock left by a run that died is taken over. */
function lock(root: string): () => void {
  const path = join(root, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (caught) {
      if ((caught as NodeJS.ErrnoException).code !== 'EEXIST') throw caught;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
        throw new FolderError(root, `another preppack (process ${holder}) is writing to ${root}: wait for it to finish, or remove ${path} if it is gone`);
      }
      rmSync(path, { force: true });
    }
  }
  throw new FolderError(root, `cannot lock ${root} for writing`);
}

/** Temporaries of atomic writes whose process is gone (".name.PID.tmp"), anywhere below the folder. */
function removeStrayTemporaries(folder: string): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && entry.name !== STAGING) removeStrayTemporaries(path);
    const pid = /^\..+\.(\d+)\.tmp$/.exec(entry.name)?.[1];
    if (entry.isFile() && pid && !alive(Number(pid))) rmSync(path, { force: true });
  }
}

interface Journal {
  moves: string[];
}

/** Completes or undoes the write phase of a run that stopped part-way. */
function recover(root: string): void {
  const journal = join(root, JOURNAL);
  const staging = join(root, STAGING);
  if (existsSync(journal)) {
    const { moves } = JSON.parse(readFileSync(journal, 'utf8')) as Journal;
    for (const path of moves) {
      const staged = join(staging, path);
      if (existsSync(staged)) {
        ensureFolder(dirname(join(root, path)));
        renameSync(staged, join(root, path));
      }
    }
    rmSync(journal, { force: true });
  }
  rmSync(staging, { recursive: true, force: true });
  removeStrayTemporaries(root);
}

/** For the kill tests: a run that stops dead after this many moves (PREPPACK_TEST_KILL_AFTER_MOVES). */
const killAfter = Number(process.env.PREPPACK_TEST_KILL_AFTER_MOVES ?? Number.NaN);

/**
 * Runs `work` holding the output folder's lock, after finishing what a run
 * before left there: a build reads the folder's manifest and writes it, and
 * no other run may come between. A folder made for a run that then wrote
 * nothing is removed again.
 */
export async function underLock<T>(root: string, work: () => Promise<T>): Promise<T> {
  const made = !existsSync(root);
  ensureFolder(root);
  const unlock = lock(root);
  try {
    recover(root);
    return await work();
  } finally {
    unlock();
    if (made && readdirSync(root).length === 0) rmSync(root, { recursive: true, force: true });
  }
}

/** Writes `files` into `root` as one change, `last` (the manifest) after all of them; call it under the folder's lock. */
export function writeStaged(root: string, files: readonly StagedFile[], last?: StagedFile): void {
  const all = last ? [...files, last] : [...files];
  const moves = all.map((file) => {
    const path = relative(root, resolve(root, file.path));
    if (path.startsWith('..') || path === '') throw new FolderError(root, `${file.path} is not inside ${root}`);
    return path;
  });
  const staging = join(root, STAGING);
  all.forEach((file, index) => {
    const staged = join(staging, moves[index]!);
    ensureFolder(dirname(staged));
    writeFileSync(staged, file.bytes);
  });
  writeFileAtomic(join(root, JOURNAL), JSON.stringify({ moves } satisfies Journal));
  moves.forEach((path, index) => {
    ensureFolder(dirname(join(root, path)));
    renameSync(join(staging, path), join(root, path));
    if (index + 1 === killAfter) process.kill(process.pid, 'SIGKILL');
  });
  rmSync(join(root, JOURNAL), { force: true });
  rmSync(staging, { recursive: true, force: true });
}
