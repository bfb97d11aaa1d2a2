// Characters of the content the font cannot print: a warning each (an error
// with --strict), at the file, line and column where it first appears.
import { unprintableChars, unprintableMessage } from '../render/coverage.js';
import { warning, type Problem } from '../problems.js';
import type { ContentFile } from './read.js';

export function unprintableContent(files: readonly ContentFile[], fontFamily: string): Problem[] {
  return files.flatMap((file) =>
    unprintableChars(file.bytes.toString('utf8'), fontFamily).map((found) => ({ ...warning(file.path, found.line, unprintableMessage(found, fontFamily)), column: found.column })),
  );
}
