// Text widths in points, from the same font files pdfmake embeds: for the
// layout decisions made before pdfmake lays a page out (column widths that fit
// a header, whether a paragraph is short enough to keep with its heading).
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import { faceStyle, FONTS, type FontStyle } from './fonts.js';
import { fallbackFamily, needsGlyph, runChain, type FaceFile } from '../fonts/fontChain.js';

type Font = Fontkit.Font;

/** A font as pdfkit lays it out (patches/pdfkit+*.patch: `openSharedFont`). */
interface SharedFont {
  font: Font;
  /** Width in points of a text on one line, shaped word by word as pdfkit does. */
  widthOfString(text: string, size: number): number;
}

// The pdfkit that pdfmake draws with: its parsed fonts and its cache of
// shaped words, so a word measured here is shaped once in a whole run.
const requirePdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
const pdfkit = requirePdfmake('pdfkit') as { openSharedFont?: (path: string, family?: string) => SharedFont };

export interface TextStyle {
  font: string;
  fontSize: number;
  bold?: boolean;
  italics?: boolean;
}

const opened = new Map<string, SharedFont>();

const faceOf = (style: TextStyle): FontStyle => faceStyle(style.bold, style.italics);

/** The file (and a collection's face) of a style's font: a bundled family, or a fallback one (fontChain.ts). */
function fontFile(style: TextStyle): FaceFile {
  const fallback = fallbackFamily(style.font);
  if (fallback) return fallback.faces[faceOf(style)];
  return (FONTS[style.font] ?? Object.values(FONTS)[0]!)[faceOf(style)];
}

function shared(style: TextStyle): SharedFont {
  const face = fontFile(style);
  const [path, family] = typeof face === 'string' ? [face, undefined] : face;
  const key = `${path}\0${family ?? ''}`;
  let loaded = opened.get(key);
  if (!loaded) {
    if (typeof pdfkit.openSharedFont !== 'function') throw new Error("pdfkit is installed without preppack's patch (patches/pdfkit+*.patch): run `npx patch-package` in preppack's folder, or reinstall it");
    loaded = pdfkit.openSharedFont(path, family);
    opened.set(key, loaded);
  }
  return loaded;
}

/** The text in runs by the font that prints each (the theme's, or a fallback), as the document sets it. */
function runsByFont(text: string, style: TextStyle): { text: string; style: TextStyle }[] {
  if (/^[\x00-\x7e]*$/.test(text)) return [{ text, style }];
  const chain = runChain(style.font);
  const runs: { text: string; style: TextStyle }[] = [];
  for (const char of text) {
    const font = chain.familyFor(char, faceOf(style)) ?? style.font;
    const last = runs.at(-1);
    if (last && (last.style.font === font || !needsGlyph(char))) last.text += char;
    else runs.push({ text: char, style: { ...style, font } });
  }
  return runs;
}

const font = (style: TextStyle): Font => shared(style).font;

/** The advance width of a text set on one line, each run in the font that prints it. */
export function textWidth(text: string, style: TextStyle): number {
  return runsByFont(text, style).reduce((sum, run) => sum + oneFontWidth(run.text, run.style), 0);
}

function oneFontWidth(text: string, style: TextStyle): number {
  const measurer = shared(style);
  if (text.length <= 256) return measurer.widthOfString(text, style.fontSize);
  // A long text a piece at a time, cut after its spaces and every 64 characters between: pdfkit keeps every
  // run it shapes, and a megabyte with no space in it (\`a_a_a_…\`) was kept whole, a glyph object a character.
  let width = 0;
  for (const piece of text.match(/[^\s]{1,64}\s*|\s+/gu) ?? []) width += measurer.widthOfString(piece, style.fontSize);
  return width;
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
