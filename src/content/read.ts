// The only part of content loading that touches the disk: it finds the files
// of a content folder and reads their bytes.
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { readInput } from '../fs/readInput.js';
import { error, type Problem } from '../problems.js';


export type FileKind = 'level' | 'question' | 'story' | 'competencies';

export interface ContentFile {
  kind: FileKind;
  /** The path as the user will see it in messages. */
  path: string;
  /** For questions and stories: the level folder the file sits in. */
  folder?: string;
  bytes: Buffer;
}

export interface ContentListing {
  files: ContentFile[];
  /** Files in the content folders that preppack does not read. */
  ignored: string[];
  /** Entries that are not readable content files: links to nothing or outside the folder, folders, pipes, files too large. */
  problems: Problem[];
  missingRoot: boolean;
}

const isDir = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/**
 * Why a content folder that has a name here cannot be read (a link to
 * nothing or back to itself, a file where the folder goes), or undefined
 * when it is a folder or is not there at all.
 */
function folderProblem(dir: string): Problem | undefined {
  try {
    lstatSync(dir);
  } catch {
    return undefined;
  }
  try {
    if (statSync(dir).isDirectory()) return undefined;
    return error(dir, 1, 'a file where a folder of content goes: not read');
  } catch (caught) {
    const code = (caught as NodeJS.ErrnoException).code;
    return error(dir, 1, code === 'ELOOP' ? 'a link that leads back to itself: not read' : code === 'ENOENT' ? 'a link to a folder that is not there: not read' : `cannot read it (${code})`);
  }
}

function markdownIn(dir: string, ignored: string[]): string[] {
  if (!isDir(dir)) return [];
  const names = readdirSync(dir).sort();
  for (const name of names) if (!name.endsWith('.md') && !name.startsWith('.')) ignored.push(join(dir, name));
  return names.filter((name) => name.endsWith('.md')).map((name) => join(dir, name));
}

/**
 * The bytes of a content file, or why it is not read: checked before reading,
 * so a pipe cannot block the run, a huge file is not read whole, and a link
 * cannot bring in a file from outside the content folder.
 */
function readEntry(path: string, realRoot: string): { bytes: Buffer } | { problem: Problem } {
  const refuse = (message: string) => ({ problem: error(path, 1, message) });
  let real: string;
  try {
    real = realpathSync(path);
  } catch (caught) {
    const code = (caught as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return refuse('a link that leads back to itself: not read');
    if (code === 'ENOENT' && lstatSync(path).isSymbolicLink()) return refuse('a link to a file that is not there: not read');
    return refuse(`cannot read it (${code})`);
  }
  if (real !== realRoot && !real.startsWith(realRoot + sep)) return refuse('a link to a file outside the content folder: not read');
  return readInput(real, 'content', path);
}

export function readContentDir(root: string): ContentListing {
  if (!isDir(root)) return { files: [], ignored: [], problems: [], missingRoot: true };
  const files: ContentFile[] = [];
  const ignored: string[] = [];
  const problems: Problem[] = [];
  const realRoot = realpathSync(root);
  const take = (kind: FileKind, path: string, folder?: string) => {
    const read = readEntry(path, realRoot);
    if ('problem' in read) problems.push(read.problem);
    else files.push({ kind, path, ...(folder === undefined ? {} : { folder }), bytes: read.bytes });
  };
  const competencies = join(root, 'competencies.yaml');
  if (exists(competencies)) take('competencies', competencies);
  for (const folder of ['levels', 'questions', 'stories']) {
    const problem = folderProblem(join(root, folder));
    if (problem) problems.push(problem);
  }
  for (const path of markdownIn(join(root, 'levels'), ignored)) take('level', path);
  for (const kind of ['question', 'story'] as const) {
    const base = join(root, kind === 'question' ? 'questions' : 'stories');
    if (!isDir(base)) continue;
    for (const folder of readdirSync(base).sort()) {
      const dir = join(base, folder);
      if (!isDir(dir)) {
        const problem = folderProblem(dir);
        if (problem && !isFile(dir)) problems.push(problem);
        else if (!folder.startsWith('.')) ignored.push(dir);
        continue;
      }
      for (const path of markdownIn(dir, ignored)) take(kind, path, folder);
    }
  }
  return { files, ignored, problems, missingRoot: false };
}

const isFile = (path: string) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** Whether anything (a file, a folder, a link, even a broken one) has this name. */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
