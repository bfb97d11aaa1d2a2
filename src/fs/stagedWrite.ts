// The write phase of a command that makes many files in one output folder,
// so that a failure or a kill part-way never leaves a mix: every file is the
// old complete one or the new complete one, and the manifest says which.
//
//   1. Take the folder's lock (.preppack.lock): a second run into the same
//      folder stops with a clear message instead of interleaving.
//   2. Finish what a run before left: a journal means it had staged
//      everything and was moving files into place, so the moves are done
//      (roll forward); a staging folder without a journal is dropped (roll
//      back). A journal that is damaged, or names a path outside the folder,
//      is set aside and its run dropped, with a notice.
//   3. Check that every file can be put in its place (no file where its
//      folder goes, no folder where it goes), then write every new file into
//      .preppack-staging/, then the journal (the commit point), then move the
//      files into place (each old one aside first), the manifest last, then
//      remove the files of earlier runs this one replaces.
//   4. Remove the journal and the staging folder; release the lock.
// A failure in step 3 before the journal drops the staging folder; after it,
// the moves are undone from the files set aside, so the folder is as before.
import { z } from 'zod';
import { PreppackError } from '../problems.js';
import { readInput } from './readInput.js';
import { FolderError } from './folders.js';
import { sha256 } from './hash.js';
import { failedWrite, isPlainRelativePath, writeFailure, type OutputFolder } from './outputFolder.js';

export const LOCK = '.preppack.lock';
export const STAGING = '.preppack-staging';
export const JOURNAL = '.preppack-journal.json';
/** Where a damaged journal is kept for the user to read. */
export const SET_ASIDE = '.preppack-journal.damaged.json';
/** Old files are set aside here while the new ones move in, to undo the moves if one fails. */
const PREVIOUS = `${STAGING}/.previous`;
/** The journal is written here, then moved into place: a kill never leaves half a journal. */
const NEW_JOURNAL = `${STAGING}/.journal.json`;

export interface StagedFile {
  /** Where it goes, below the output folder. */
  path: string;
  bytes: string | Uint8Array;
}

/** A file an earlier run wrote that this one removes: only if its bytes are still the ones written. */
export interface OwnedFile {
  path: string;
  sha256: string;
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
function lock(folder: OutputFolder): () => void {
  const shown = folder.shown(LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      folder.create(LOCK, `${process.pid}\n`);
      return () => folder.removeFile(LOCK);
    } catch (caught) {
      if ((caught as NodeJS.ErrnoException).code !== 'EEXIST') throw failedWrite(shown, caught, 'cannot lock the output folder: cannot write');
      if (folder.kind(LOCK) !== 'file') throw new FolderError(shown, `${shown} is not preppack's lock file (it is a ${folder.kind(LOCK)}): remove it`);
      const read = readInput(folder.pathOf(LOCK), 'lock', shown);
      const holder = 'bytes' in read ? Number.parseInt(read.bytes.toString('latin1'), 10) : Number.NaN;
      if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
        throw new FolderError(folder.root, `another preppack (process ${holder}) is writing to ${folder.root}: wait for it to finish, or remove ${shown} if it is gone`);
      }
      folder.removeFile(LOCK);
    }
  }
  throw new FolderError(folder.root, `cannot lock ${folder.root} for writing`);
}

const journalSchema = z
  .object({
    moves: z.array(z.string().refine(isPlainRelativePath)).max(100_000),
    removes: z.array(z.object({ path: z.string().refine(isPlainRelativePath), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict()).max(100_000).default([]),
  })
  .strict();
type Journal = z.infer<typeof journalSchema>;

/** A journal's paths may name only files of the output, never preppack's own working files. */
const ownName = (path: string) => path.split('/')[0]!.startsWith('.preppack');

/** The journal left by a run, or why it cannot be trusted. */
function readJournal(folder: OutputFolder): Journal | string {
  const read = readInput(folder.pathOf(JOURNAL), 'manifest', folder.shown(JOURNAL));
  if ('problem' in read) return read.problem.message;
  let value: unknown;
  try {
    value = JSON.parse(read.bytes.toString('utf8'));
  } catch (caught) {
    return `not JSON (${(caught as Error).message})`;
  }
  const parsed = journalSchema.safeParse(value);
  if (!parsed.success) return 'not a journal preppack writes: it names paths that are not plain paths inside the folder, or has unknown fields';
  const own = [...parsed.data.moves, ...parsed.data.removes.map((r) => r.path)].find(ownName);
  if (own) return `it names preppack's own working file ${own}`;
  for (const path of [...parsed.data.moves, ...parsed.data.removes.map((r) => r.path)]) {
    try {
      folder.pathOf(path);
    } catch (caught) {
      return (caught as Error).message;
    }
  }
  return parsed.data;
}

/** The bytes' hash of a file below the folder, if it is a regular file that can be read. */
function hashOf(folder: OutputFolder, path: string): string | undefined {
  if (folder.kind(path) !== 'file') return undefined;
  const read = readInput(folder.pathOf(path), 'output', folder.shown(path));
  return 'bytes' in read ? sha256(read.bytes) : undefined;
}

/** Completes or undoes the write phase of a run that stopped part-way; says what it did when that needs saying. */
function recover(folder: OutputFolder, notices: string[]): void {
  const journalKind = folder.kind(JOURNAL);
  if (journalKind !== 'none') {
    const journal = journalKind === 'file' ? readJournal(folder) : `a ${journalKind}, not a file`;
    if (typeof journal === 'string') {
      // Its run cannot be completed safely: its staged files are dropped, and the journal is kept for the user.
      if (journalKind === 'file') folder.move(JOURNAL, SET_ASIDE);
      else throw new FolderError(folder.shown(JOURNAL), `${folder.shown(JOURNAL)} is ${journal}: remove it`);
      notices.push(`${folder.shown(JOURNAL)} is damaged (${journal}): the write it records was not completed and its staged files were dropped; the journal is kept as ${folder.shown(SET_ASIDE)} (delete it once read)`);
    } else {
      for (const path of journal.moves) {
        if (folder.kind(`${STAGING}/${path}`) === 'file' && !folder.placeProblem(path)) folder.move(`${STAGING}/${path}`, path);
      }
      for (const owned of journal.removes) if (hashOf(folder, owned.path) === owned.sha256) folder.removeFile(owned.path);
      folder.removeFile(JOURNAL);
      notices.push(`${folder.root}: completed the write of a run that stopped part-way`);
    }
  }
  const staging = folder.kind(STAGING);
  if (staging === 'folder') folder.removeWorkFolder(STAGING);
  else if (staging !== 'none') throw new FolderError(folder.shown(STAGING), `${folder.shown(STAGING)} is not preppack's staging folder (it is a ${staging}): remove it`);
  // Temporaries of the journal as earlier versions wrote it (".preppack-journal.json.PID.tmp"), in the folder itself only.
  for (const name of strayJournalTemporaries(folder)) folder.removeFile(name);
}

function strayJournalTemporaries(folder: OutputFolder): string[] {
  return folder.list('').filter((name) => {
    const pid = /^\.preppack-journal\.json\.(\d+)\.tmp$/.exec(name)?.[1];
    return pid !== undefined && !alive(Number(pid)) && folder.kind(name) === 'file';
  });
}

/** For the kill tests: a run that stops dead after this many moves (PREPPACK_TEST_KILL_AFTER_MOVES). */
const killAfter = Number(process.env.PREPPACK_TEST_KILL_AFTER_MOVES ?? Number.NaN);
/** For the failure tests: a move that fails as a full disk would, after this many (PREPPACK_TEST_FAIL_AFTER_MOVES). */
const failAfter = Number(process.env.PREPPACK_TEST_FAIL_AFTER_MOVES ?? Number.NaN);

/**
 * Runs `work` holding the output folder's lock, after finishing what a run
 * before left there: a build reads the folder's manifest and writes it, and
 * no other run may come between. A folder made for a run that then wrote
 * nothing is removed again. What recovery did is added to `notices`.
 */
export async function underLock<T>(folder: OutputFolder, work: () => Promise<T>, notices: string[] = []): Promise<T> {
  folder.open();
  const unlock = lock(folder);
  try {
    recover(folder, notices);
    return await work();
  } finally {
    unlock();
    folder.removeIfMadeAndEmpty();
  }
}

/** A write that failed before any file was moved into place. */
function nothingReplaced(folder: OutputFolder, path: string, caught: unknown): PreppackError {
  if (caught instanceof PreppackError) return caught;
  return new WriteError(folder.root, `cannot write ${folder.shown(path)}: ${writeFailure((caught as NodeJS.ErrnoException).code)}; nothing in ${folder.root} was replaced`);
}

/** A write phase that stopped: what it replaced and what it left as it was. */
export class WriteError extends FolderError {}

/**
 * Writes `files` into the folder as one change, `last` (the manifest) after
 * all of them, then removes `removes` (files of earlier runs, each only if its
 * bytes are still the ones written); call it under the folder's lock.
 */
export function writeStaged(folder: OutputFolder, files: readonly StagedFile[], last?: StagedFile, removes: readonly OwnedFile[] = []): void {
  const all = last ? [...files, last] : [...files];
  // Every place checked before anything is written: a file in the way fails the run with nothing changed.
  for (const file of all) {
    if (!isPlainRelativePath(file.path) || ownName(file.path)) throw new FolderError(folder.root, `${file.path} is not a plain path inside ${folder.root}`);
    const problem = folder.placeProblem(file.path);
    if (problem) throw problem;
  }
  const gone = removes.filter((owned) => !all.some((file) => file.path === owned.path) && hashOf(folder, owned.path) === owned.sha256);
  for (const file of all) {
    try {
      folder.create(`${STAGING}/${file.path}`, file.bytes);
    } catch (caught) {
      folder.removeWorkFolder(STAGING);
      throw nothingReplaced(folder, file.path, caught);
    }
  }
  try {
    folder.create(NEW_JOURNAL, JSON.stringify({ moves: all.map((f) => f.path), removes: gone } satisfies Journal));
    folder.move(NEW_JOURNAL, JOURNAL);
  } catch (caught) {
    folder.removeWorkFolder(STAGING);
    throw nothingReplaced(folder, JOURNAL, caught);
  }
  // Folders the moves will make, to remove again if they are undone (deepest first).
  const madeFolders = [...new Set(all.flatMap((file) => file.path.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))))]
    .filter((folderPath) => folder.kind(folderPath) === 'none')
    .sort((a, b) => b.split('/').length - a.split('/').length);
  const done: { path: string; setAside: boolean }[] = [];
  const steps = [...all.map((file) => ({ path: file.path, removed: false })), ...gone.map((owned) => ({ path: owned.path, removed: true }))];
  try {
    for (const [index, step] of steps.entries()) {
      if (done.length === failAfter) throw Object.assign(new Error('test: a failed move'), { code: 'ENOSPC' });
      const setAside = folder.kind(step.path) !== 'none';
      if (setAside) folder.move(step.path, `${PREVIOUS}/${step.path}`);
      done.push({ path: step.path, setAside });
      if (!step.removed) folder.move(`${STAGING}/${step.path}`, step.path);
      if (index + 1 === killAfter) process.kill(process.pid, 'SIGKILL');
    }
  } catch (caught) {
    const at = steps[done.length]?.path ?? steps.at(-1)!.path;
    throw undo(folder, done, steps.filter((step) => !step.removed).map((step) => step.path), at, caught, madeFolders);
  }
  folder.removeFile(JOURNAL);
  folder.removeWorkFolder(STAGING);
}

/**
 * Puts back what a failed write phase moved: each new file back to staging,
 * each old one from where it was set aside. Returns the error to throw,
 * saying what is now in the folder.
 */
function undo(folder: OutputFolder, done: readonly { path: string; setAside: boolean }[], written: readonly string[], at: string, cause: unknown, madeFolders: readonly string[]): PreppackError {
  const why = `at ${folder.shown(at)}: ${cause instanceof PreppackError ? cause.message : writeFailure((cause as NodeJS.ErrnoException).code)}`;
  const stuck: string[] = [];
  for (const { path, setAside } of [...done].reverse()) {
    try {
      if (folder.kind(path) === 'file' && written.includes(path)) folder.move(path, `${STAGING}/${path}`);
      if (setAside) folder.move(`${PREVIOUS}/${path}`, path);
    } catch {
      stuck.push(folder.shown(path));
    }
  }
  if (stuck.length) {
    // The journal stays: the next run rolls the write forward and the folder is whole again.
    return new WriteError(folder.root, `the write stopped part-way (${why}) and could not be undone for ${stuck.join(', ')}: the next run into ${folder.root} completes it`);
  }
  folder.removeFile(JOURNAL);
  folder.removeWorkFolder(STAGING);
  for (const made of madeFolders) folder.removeEmptyFolder(made);
  return new WriteError(folder.root, `the write stopped part-way (${why}); nothing in ${folder.root} was replaced`);
}
