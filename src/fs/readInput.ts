// The one way preppack reads a file it is given: content, templates, the
// theme, the config, a roster, pages to import, manifests, images, fonts, and
// its own earlier output. Every read is checked before a byte is taken:
//  - opened without blocking and asked what it is, so a named pipe, socket,
//    device or folder is named as such instead of hanging the run or
//    streaming forever (/dev/zero);
//  - bounded by kind, so a file far larger than any of its kind a person
//    writes is refused, not read whole;
//  - text decoded as UTF-8 only, with UTF-16 and Latin-1 named as such.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { error, PreppackError, type Problem } from '../problems.js';
import { decodeText } from '../text/decode.js';

const MB = 1024 * 1024;

/** The largest file of each kind preppack reads (a larger one is refused unread). */
export const INPUT_LIMITS = {
  content: 4 * MB,
  template: 4 * MB,
  markdown: 4 * MB,
  page: 4 * MB,
  roster: 4 * MB,
  config: 1 * MB,
  manifest: 32 * MB,
  image: 32 * MB,
  font: 64 * MB,
  /** The lock file of an output folder: a process number. */
  lock: 1024,
  /** A file of an earlier build, read back to see whether it is unchanged. */
  output: 256 * MB,
} as const;

export type InputKind = keyof typeof INPUT_LIMITS;

/** What a path that is not a regular file is, in words. */
function notAFile(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder, not a file';
  if (stat.isFIFO()) return 'a named pipe, not a file (reading it would wait for a writer)';
  if (stat.isSocket()) return 'a socket, not a file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device, not a file';
  return 'not a regular file';
}

const describeSize = (bytes: number) => (bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/** Why the system would not open it, in words. */
function openFailure(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: preppack may not read it';
    case 'ELOOP':
      return 'a link that leads back to itself';
    case 'ENOTDIR':
      return 'no such file: a part of the path is a file, not a folder';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    default:
      return `cannot read it (${code ?? 'unknown error'})`;
  }
}

export type InputRead = { bytes: Buffer } | { problem: Problem };

/**
 * Why a file of the given kind would not be read (as readInput would refuse
 * it), or undefined: for a file another library opens itself by its path.
 */
export function inputProblem(path: string, kind: InputKind, shown = path): Problem | undefined {
  return opened<undefined>(path, kind, shown, () => undefined);
}

/** Opens a file without blocking, checks what it is and its size, and hands it to `use`; a problem if it is refused. */
function opened<T>(path: string, kind: InputKind, shown: string, use: (fd: number, size: number) => T): T | Problem {
  let fd: number;
  try {
    // O_NONBLOCK: opening a named pipe returns at once instead of waiting for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (caught) {
    return error(shown, 1, openFailure((caught as NodeJS.ErrnoException).code));
  }
  try {
    const stat = fstatSync(fd);
    const limit = INPUT_LIMITS[kind];
    if (!stat.isFile()) return error(shown, 1, `${notAFile(stat)}: not read`);
    if (stat.size > limit) return error(shown, 1, `${describeSize(stat.size)}: a ${kind} file is at most ${describeSize(limit)}; not read`);
    return use(fd, stat.size);
  } catch (caught) {
    const code = (caught as NodeJS.ErrnoException).code;
    return error(shown, 1, code === 'EISDIR' ? 'a folder, not a file: not read' : code === 'EAGAIN' ? 'not a regular file: not read' : openFailure(code));
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes of a file of the given kind, or a problem naming it (as `shown`)
 * and saying why it was not read.
 */
export function readInput(path: string, kind: InputKind, shown = path): InputRead {
  const limit = INPUT_LIMITS[kind];
  const read = opened(path, kind, shown, (fd, size): InputRead => {
    // Read to the end, never more than the limit and one byte: a file can grow while it is read, and
    // some (under /proc) say they are empty and are not.
    let bytes = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(size + 1, 4096)));
    let length = 0;
    for (;;) {
      if (length === bytes.length) {
        if (length > limit) break;
        const larger = Buffer.allocUnsafe(Math.min(limit + 1, bytes.length * 2));
        bytes.copy(larger, 0, 0, length);
        bytes = larger;
      }
      const got = readSync(fd, bytes, length, bytes.length - length, null);
      if (got === 0) break;
      length += got;
    }
    if (length > limit) return { problem: error(shown, 1, `more than ${describeSize(limit)}: a ${kind} file is at most that; not read`) };
    return { bytes: bytes.subarray(0, length) };
  });
  return 'severity' in read ? { problem: read } : read;
}

/** A text file of the given kind as UTF-8 text, or a problem naming it (and the line of the first byte that is not UTF-8). */
export function readInputText(path: string, kind: InputKind, shown = path): { text: string } | { problem: Problem } {
  const read = readInput(path, kind, shown);
  return 'problem' in read ? read : decodeText(shown, read.bytes);
}

/** readInput, throwing a PreppackError with the problem. */
export function inputBytes(path: string, kind: InputKind, shown = path): Buffer {
  const read = readInput(path, kind, shown);
  if ('problem' in read) throw new PreppackError([read.problem]);
  return read.bytes;
}

/** readInputText, throwing a PreppackError with the problem. */
export function inputText(path: string, kind: InputKind, shown = path): string {
  const read = readInputText(path, kind, shown);
  if ('problem' in read) throw new PreppackError([read.problem]);
  return read.text;
}
