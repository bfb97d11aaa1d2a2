// The lines a command prints for the PDFs it wrote: path, pages, size.
import { out } from './io.js';

export interface WrittenFile {
  written: string;
  pages: number;
  /** Size in bytes. */
  size: number;
  /** Left as an earlier build made it. */
  reused?: boolean;
}

export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** One aligned line per file; returns the total pages and bytes. */
export function printFiles(files: readonly WrittenFile[]): { pages: number; bytes: number } {
  const width = Math.max(...files.map((f) => f.written.length), 0);
  for (const file of files) out(`${file.written.padEnd(width)}  ${String(file.pages).padStart(3)} page${file.pages === 1 ? ' ' : 's'}  ${kilobytes(file.size).padStart(9)}${file.reused ? '  unchanged' : ''}`);
  return { pages: files.reduce((sum, f) => sum + f.pages, 0), bytes: files.reduce((sum, f) => sum + f.size, 0) };
}
