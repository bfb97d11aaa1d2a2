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

/** A warning per character of a text no font can print, where it first appears. */
export function unprintableText(path: string, text: string, fontFamily: string): Problem[] {
  return unprintableChars(text, fontFamily).map((found) => warning(path, found.line, unprintableMessage(found), found.column));
}
