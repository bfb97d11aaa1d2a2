// Which characters no font can print: not the theme's, not any fallback
// (src/fonts/fontChain.ts). Such a character prints as an empty box, so
// every stage that takes text from a user says so instead, with what to
// install (check, build, panel, render, the theme, names).
import { BUNDLED_FONT, FONTS, inBundledRanges, type FontStyle } from './fonts.js';

export { BUNDLED_FONT_RANGES } from './fonts.js';
import { needsGlyph, runChain } from '../fonts/fontChain.js';
import { installAdvice } from '../fonts/installAdvice.js';
import { referenceAt } from '../text/entities.js';
import { warning, type Problem } from '../problems.js';


/** Whether `family` is one of the bundled fonts. */
export const isBundledFont = (family: string) => Object.hasOwn(FONTS, family);

/**
 * The faces of a font family that print a character neither themselves nor
 * through a fallback font (fontChain.ts); none for white space and controls,
 * which print nothing anyway.
 */
export function facesLacking(char: string, family: string, styles: readonly FontStyle[] = ['normal', 'bold', 'italics', 'bolditalics']): FontStyle[] {
  const code = char.codePointAt(0)!;
  if (!needsGlyph(char)) return [];
  if (family === BUNDLED_FONT && inBundledRanges(code)) return [];
  const chain = runChain(family);
  return styles.filter((style) => chain.familyFor(char, style) === undefined);
}

/** Whether the theme's own font (not a fallback) has the character in every face: a tick box must be drawn by it. */
export const themeFontHas = (char: string, family: string) =>
  (family === BUNDLED_FONT && inBundledRanges(char.codePointAt(0)!)) || (['normal', 'bold', 'italics', 'bolditalics'] as const).every((style) => runChain(family).familyFor(char, style) === family);

/** A character the fonts lack, where it first appears in a text (1-based line and column). */
export interface UnprintableChar {
  char: string;
  /** "U+4E2D" */
  codePoint: string;
  faces: FontStyle[];
  line: number;
  column: number;
  /** How many times it appears in the text. */
  count: number;
  /** The character reference it first appears as (`&#3334;`), when it is one. */
  written?: string;
}

/** Every character of `text` some face of `family` cannot print, each once, at its first place. */
export function unprintableChars(text: string, family: string): UnprintableChar[] {
  const found = new Map<string, UnprintableChar>();
  const checked = new Map<string, boolean>();
  let line = 1;
  let column = 0;
  const consider = (char: string, written?: string) => {
    const known = found.get(char);
    if (known) {
      known.count++;
      return;
    }
    if (checked.get(char) === false) return;
    const faces = facesLacking(char, family);
    checked.set(char, faces.length > 0);
    if (faces.length) found.set(char, { char, codePoint: `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, faces, line, column, count: 1, ...(written ? { written } : {}) });
  };
  let index = 0;
  for (const char of text) {
    const at = index;
    index += char.length;
    if (char === '\n') {
      line++;
      column = 0;
      continue;
    }
    column++;
    // A character reference prints as the character it stands for.
    if (char === '&') {
      const reference = referenceAt(text, at);
      if (reference) for (const printed of reference.chars) consider(printed, reference.written);
    }
    if (char >= '\u007f') consider(char);
  }
  return [...found.values()];
}

/** What a user is told of such a character: that it prints as a box, and what to install. */
export function unprintableMessage(found: UnprintableChar): string {
  const faces = found.faces.length === 4 ? '' : ` in ${found.faces.map((f) => FACE_NAMES[f]).join(' and ')} type`;
  const more = found.count > 1 ? ` (${found.count} times in this file)` : '';
  return `no font has a glyph for "${found.char}" (${found.codePoint}${found.written ? `, written "${found.written}"` : ''})${faces}${more}: it prints as an empty box; ${installAdvice(found.char)}`;
}

const FACE_NAMES: Record<FontStyle, string> = { normal: 'regular', bold: 'bold', italics: 'italic', bolditalics: 'bold italic' };

/** More different characters than this a file cannot print, and it gets one warning for them all. */
export const SUMMARY_AFTER = 3;

const SCRIPTS = ['Han', 'Hiragana', 'Katakana', 'Hangul', 'Thai', 'Lao', 'Khmer', 'Myanmar', 'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Tibetan', 'Ethiopic', 'Arabic', 'Hebrew', 'Syriac', 'Thaana', 'Armenian', 'Georgian', 'Cyrillic', 'Greek', 'Latin', 'Mongolian', 'Cherokee'].map((name) => ({ name, pattern: new RegExp(`\\p{Script=${name}}`, 'u') }));

/** The script a character is written in, by name ("Han"), or what it is when it has none (an emoji, a symbol). */
export function scriptOf(char: string): string {
  const script = SCRIPTS.find((s) => s.pattern.test(char));
  if (script) return script.name;
  return /\p{Extended_Pictographic}/u.test(char) ? 'emoji' : /\p{P}/u.test(char) ? 'punctuation' : 'symbols';
}

/** One warning for many characters of a file: how many, in which scripts, the first of them and where, and what to install. */
export function unprintableSummary(found: readonly UnprintableChar[]): string {
  const total = found.reduce((sum, f) => sum + f.count, 0);
  const scripts = [...new Set(found.map((f) => scriptOf(f.char)))];
  const advice = [...new Set(found.map((f) => installAdvice(f.char)))];
  const [first, ...others] = found;
  return `no font has a glyph for "${first!.char}" (${first!.codePoint}) and ${others.length} other characters: ${total} characters (${scripts.join(', ')}) print as empty boxes; ${advice.join('; or ')}`;
}

/** Warnings for the characters of a text no font can print: one per character where it first appears, or one for them all when they are many. */
export function unprintableText(path: string, text: string, fontFamily: string): Problem[] {
  const found = unprintableChars(text, fontFamily);
  if (found.length > SUMMARY_AFTER) return [warning(path, found[0]!.line, unprintableSummary(found), found[0]!.column)];
  return found.map((f) => warning(path, f.line, unprintableMessage(f), f.column));
}
