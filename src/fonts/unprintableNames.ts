// Names given from outside (on the command line, in a roster, in the config)
// checked as content is: characters no font has are a warning naming the
// option or the roster's line, and what to install.
import { unprintableChars } from '../render/coverage.js';
import { installAdvice } from './installAdvice.js';
import { warning, type Problem } from '../problems.js';

/** Where a name was given: an option (`--candidate`, line 0) or a file's line. */
export interface NameOrigin {
  path: string;
  line: number;
}

/** One warning for a name with characters no font can print, naming them all. */
export function unprintableName(origin: NameOrigin, what: string, name: string, fontFamily: string): Problem[] {
  const found = unprintableChars(name, fontFamily);
  if (!found.length) return [];
  const chars = found.map((f) => `"${f.char}" (${f.codePoint})`).join(', ');
  const they = found.length === 1 ? 'it prints as an empty box' : 'they print as empty boxes';
  return [warning(origin.path, origin.line, `${what} "${name}": no font has a glyph for ${chars}: ${they}; ${installAdvice(found[0]!.char)}`)];
}
