// Characters of the content (or of a Markdown file) the font cannot print: a warning each (an error
// with --strict), at the file, line and column where it first appears.
import { unprintableChars, unprintableMessage } from '../render/coverage.js';
import { warning, type Problem } from '../problems.js';
import type { ContentFile } from './read.js';

/** A warning per character of a text the font cannot print, where it first appears. */
export function unprintableText(path: string, text: string, fontFamily: string): Problem[] {
  return unprintableChars(text, fontFamily).map((found) => warning(path, found.line, unprintableMessage(found, fontFamily), found.column));
}

export function unprintableContent(files: readonly ContentFile[], fontFamily: string): Problem[] {
  return files.flatMap((file) => unprintableText(file.path, file.bytes.toString('utf8'), fontFamily));
}
