// Characters of the content (or of a Markdown file) no font can print: a warning each (an error
// with --strict), at the file, line and column where it first appears.
import { unprintableText } from '../render/coverage.js';
import type { Problem } from '../problems.js';
import type { ContentFile } from './read.js';

export function unprintableContent(files: readonly ContentFile[], fontFamily: string): Problem[] {
  return files.flatMap((file) => unprintableText(file.path, file.bytes.toString('utf8'), fontFamily));
}
