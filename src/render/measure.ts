// Text widths in points, from the same font files pdfmake embeds: for the
// layout decisions made before pdfmake lays a page out (column widths that fit
// a header, whether a paragraph is short enough to keep with its heading).
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import { FONTS, type FontStyle } from './fonts.js';

type Font = Fontkit.Font;
// The same fontkit pdfkit uses (its CommonJS build), loaded once, not twice.
const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit;

export interface TextStyle {
  font: string;
  fontSize: number;
  bold?: boolean;
  italics?: boolean;
}

const opened = new Map<string, Font>();

function fontFile(style: TextStyle): string {
  const family = FONTS[style.font] ?? Object.values(FONTS)[0]!;
  const key: FontStyle = style.bold && style.italics ? 'bolditalics' : style.bold ? 'bold' : style.italics ? 'italics' : 'normal';
  return family[key];
}

function font(style: TextStyle): Font {
  const path = fontFile(style);
  let loaded = opened.get(path);
  if (!loaded) {
    loaded = fontkit.openSync(path) as Font;
    opened.set(path, loaded);
  }
  return loaded;
}

/** Widths of words already shaped, per font file, in font units. */
const wordWidths = new Map<string, Map<string, number>>();

/** The advance width of a text set on one line: shaped word by word (as pdfkit does), each word once. */
export function textWidth(text: string, style: TextStyle): number {
  const path = fontFile(style);
  const face = font(style);
  let widths = wordWidths.get(path);
  if (!widths) {
    widths = new Map();
    wordWidths.set(path, widths);
  }
  let units = 0;
  for (const word of text.split(/(?<= )/)) {
    let width = widths.get(word);
    if (width === undefined) {
      width = face.layout(word).advanceWidth;
      widths.set(word, width);
    }
    units += width;
  }
  return (units / face.unitsPerEm) * style.fontSize;
}

/** About how many lines a text takes in a column of `width` points (word wrap wastes some of each line). */
export function estimateLines(text: string, style: TextStyle, width: number): number {
  if (!text.trim()) return 0;
  return Math.max(1, Math.ceil((textWidth(text, style) * 1.08) / width));
}

/** Where a glyph's outline sits, in points from its origin on the baseline (y up). */
export interface GlyphBox {
  left: number;
  bottom: number;
  width: number;
  height: number;
}

export function glyphBox(char: string, style: TextStyle): GlyphBox {
  const face = font(style);
  const box = face.glyphForCodePoint(char.codePointAt(0)!).bbox;
  const scale = style.fontSize / face.unitsPerEm;
  return { left: box.minX * scale, bottom: box.minY * scale, width: (box.maxX - box.minX) * scale, height: (box.maxY - box.minY) * scale };
}

/** The font's ascent at a size: where the baseline sits below a line's top. */
export function ascent(style: TextStyle): number {
  const face = font(style);
  return (face.ascent / face.unitsPerEm) * style.fontSize;
}

/** The characters of a text the font has no glyph for (they would print as empty boxes), each once. */
export function missingCharacters(text: string, style: TextStyle): string[] {
  const face = font(style);
  const missing = new Set<string>();
  for (const char of text) {
    if (char > '\u007f' && !/\s/u.test(char) && !face.hasGlyphForCodePoint(char.codePointAt(0)!)) missing.add(char);
  }
  return [...missing];
}
