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

/** The config's words that print on every sheet (organisation, rating labels), checked as names are. */
export function unprintableSettings(print: { organisation?: string; ratingLabels?: readonly string[] } | undefined, fontFamily: string): Problem[] {
  return [
    ...(print?.organisation ? unprintableName({ path: 'organisation (config)', line: 0 }, 'the organisation', print.organisation, fontFamily) : []),
    ...(print?.ratingLabels ?? []).flatMap((label) => unprintableName({ path: 'ratingLabels (config)', line: 0 }, 'the rating', label, fontFamily)),
  ];
}

/** One warning for a name with characters no font can print, naming them all. */
export function unprintableName(origin: NameOrigin, what: string, name: string, fontFamily: string): Problem[] {
  const found = unprintableChars(name, fontFamily);
  if (!found.length) return [];
  const chars = found.map((f) => `"${f.char}" (${f.codePoint})`).join(', ');
  const they = found.length === 1 ? 'it prints as an empty box' : 'they print as empty boxes';
  return [warning(origin.path, origin.line, `${what} "${name}": no font has a glyph for ${chars}: ${they}; ${installAdvice(found[0]!.char)}`)];
}
