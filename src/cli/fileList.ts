// What a command prints for the PDFs it wrote. In a pipe or a CI log: one
// plain line per file (path, pages, size), for people and grep alike. On a
// terminal: a summary table with what each file is (level and packet, or
// candidate and sheet), its pages, size and whether it was written.
import { out, outputMode } from './io.js';
import { formatTable } from './table.js';

export interface WrittenFile {
  written: string;
  pages: number;
  /** Size in bytes. */
  size: number;
  /** Left as an earlier build made it. */
  reused?: boolean;
  /** What the file is, one cell per column the caller names (e.g. level, packet). */
  labels?: readonly string[];
  /** A zip's contents ("3 PDFs"), in the table's pages column. */
  holds?: string;
}

export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** " in 2.9 s" after a summary on a terminal; nothing in a log, where the same input should print the same lines. */
export const took = (started: number) => (outputMode().table ? ` in ${((Date.now() - started) / 1000).toFixed(1)} s` : '');

const pagesText = (pages: number) => `${pages} page${pages === 1 ? '' : 's'}`;

/** One aligned line per file. */
function printLines(files: readonly WrittenFile[]): void {
  const width = Math.max(...files.map((f) => f.written.length), 0);
  for (const file of files) out(`${file.written.padEnd(width)}  ${String(file.pages).padStart(3)} page${file.pages === 1 ? ' ' : 's'}  ${kilobytes(file.size).padStart(9)}${file.reused ? '  unchanged' : ''}`);
}

/** The table: a label repeated from the row above is left blank, so groups stand out. */
function printTable(files: readonly WrittenFile[], columns: readonly string[]): void {
  const status = files.some((f) => f.reused !== undefined);
  const rows = files.map((file, index) => {
    const labels = columns.map((_, column) => {
      const label = file.labels?.[column] ?? '';
      const above = files[index - 1]?.labels;
      const repeated = above !== undefined && columns.slice(0, column + 1).every((_, c) => above[c] === file.labels?.[c]);
      return repeated ? '' : label;
    });
    return [...labels, file.holds ?? pagesText(file.pages), kilobytes(file.size), ...(status ? [file.reused ? 'unchanged' : 'written'] : []), file.written];
  });
  const header = [...columns, 'pages', 'size', ...(status ? ['status'] : []), 'file'];
  // Numbers right-aligned: the widest of a column sets the others.
  const right = (column: number) => {
    const width = Math.max(header[column]!.length, ...rows.map((row) => row[column]!.length));
    header[column] = header[column]!.padStart(width);
    for (const row of rows) row[column] = row[column]!.padStart(width);
  };
  right(columns.length);
  right(columns.length + 1);
  out(formatTable(header, rows));
}

/** The files (then any zips) as lines or, on a terminal, as one table with the named label columns; returns the files' total pages and bytes. */
export function printFiles(files: readonly WrittenFile[], columns: readonly string[] = [], zips: readonly WrittenFile[] = []): { pages: number; bytes: number } {
  if (outputMode().table) {
    if (files.length + zips.length > 0) printTable([...files, ...zips], columns);
  } else {
    printLines(files);
    for (const zip of zips) out(`${zip.written}  ${zip.holds}  ${kilobytes(zip.size).padStart(9)}`);
  }
  return { pages: files.reduce((sum, f) => sum + f.pages, 0), bytes: files.reduce((sum, f) => sum + f.size, 0) };
}
