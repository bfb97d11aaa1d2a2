// Which font prints a character: the theme's font where it has the glyph,
// else the first fallback that does — fonts named in the config (`fonts:`)
// and the theme (`fallbackFonts`), then the fonts installed on the machine in
// fontconfig's (or the system folders') order, sans-serif faces first. As
// Typst and browsers do; pdfkit and pdfmake do not (pdfkit #201, pdfmake
// #1142), so each run of text is given its font before layout (fontRuns.ts).
import { createRequire } from 'node:module';
import { basename, extname } from 'node:path';
import type * as Fontkit from 'fontkit';
import { inputBytes, inputProblem } from '../fs/readInput.js';
import { fileStamp, installedFonts, parseCharset, type SystemFace } from './systemFonts.js';
import { createHash } from 'node:crypto';
import { BUNDLED_FONT, CODE_FONT, FONTS, inWholeRanges, type FontStyle } from '../render/fonts.js';

/** A face as pdfmake takes it: a file, or a collection's file and the face's PostScript name. */
export type FaceFile = string | [string, string];

/** A font family pdfmake can set text in, and how to ask whether it has a character. */
export interface FallbackFont {
  /** Its name in pdfmake's font table; unique in a process. */
  family: string;
  /** What a user is told it is, and what the manifest records: "Noto Sans CJK JP (/usr/share/…/NotoSansCJK-Regular.ttc)". */
  label: string;
  faces: Record<FontStyle, FaceFile>;
  /** Whether the face a style is set in has the character (an italic face may lack a script its regular face has). */
  has: (code: number, style?: FontStyle) => boolean;
  /** A font the config or theme named: what configuredFont was given, so a render worker opens the same one. */
  named?: string;
}


const fontkit = () => createRequire(import.meta.url)('fontkit') as typeof Fontkit;

const within = (ranges: readonly [number, number][], code: number) => {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [from, to] = ranges[mid]!;
    if (code < from) high = mid - 1;
    else if (code > to) low = mid + 1;
    else return true;
  }
  return false;
};

const collection = (file: string) => /\.(ttc|otc)$/i.test(file);
const faceFile = (file: string, postscriptName: string): FaceFile => (collection(file) && postscriptName ? [file, postscriptName] : file);

/** A font opened with fontkit, once per file and face. */
const opened = new Map<string, Fontkit.Font | undefined>();
function openFace(file: string, postscriptName?: string): Fontkit.Font | undefined {
  const key = `${file}\0${postscriptName ?? ''}`;
  if (!opened.has(key)) {
    let font: Fontkit.Font | undefined;
    try {
      const made = fontkit().create(inputBytes(file, 'font'));
      font = 'fonts' in made ? ((postscriptName ? made.fonts.find((f) => f.postscriptName === postscriptName) : made.fonts[0]) as Fontkit.Font | undefined) : (made as Fontkit.Font);
    } catch {
      font = undefined;
    }
    opened.set(key, font);
  }
  return opened.get(key);
}

/** A family from installed faces: the regular face, and the bold and italic ones of the same family where there are. */
function familyOf(face: SystemFace, all: readonly SystemFace[]): FallbackFont {
  const same = all.filter((f) => f.family === face.family);
  const pick = (bold: boolean, italic: boolean) =>
    same.find((f) => f.weight >= 180 === bold && f.slant > 0 === italic && (bold ? f.weight <= 210 : f.weight >= 50 && f.weight <= 105));
  const regular = faceFile(face.file, face.postscriptName);
  const bold = pick(true, false);
  const italic = pick(false, true);
  const boldItalic = pick(true, true);
  // Each style is set in its own face where the family has one (else the regular face, or bold for bold italics): each is asked for its own characters.
  const chosen: Record<FontStyle, SystemFace> = { normal: face, bold: bold ?? face, italics: italic ?? face, bolditalics: boldItalic ?? bold ?? face };
  const ranges = new Map<SystemFace, [number, number][]>();
  const hasIn = (f: SystemFace, code: number) => {
    if (f.charset === undefined) return openFace(f.file, f.postscriptName)?.hasGlyphForCodePoint(code) ?? false;
    if (!ranges.has(f)) ranges.set(f, parseCharset(f.charset));
    return within(ranges.get(f)!, code);
  };
  const file = (f: SystemFace) => faceFile(f.file, f.postscriptName);
  return {
    family: `fallback:${face.family}`,
    label: `${face.family} (${face.file})`,
    faces: { normal: regular, bold: file(chosen.bold), italics: file(chosen.italics), bolditalics: file(chosen.bolditalics) },
    has: (code, style = 'normal') => hasIn(chosen[style], code),
  };
}

/** A font file named in the config or the theme: every face of it is the one file (or the first face of a collection). */
function familyOfFile(file: string): FallbackFont | undefined {
  const font = openFace(file);
  if (!font) return undefined;
  const face = faceFile(file, font.postscriptName);
  return { family: `fallback:${file}`, label: `${font.familyName || basename(file, extname(file))} (${file})`, faces: { normal: face, bold: face, italics: face, bolditalics: face }, has: (code) => font.hasGlyphForCodePoint(code) };
}

/**
 * A font file of a system folder (macOS, Windows), opened only when a
 * character is looked for in it: there are hundreds, some of tens of MB.
 */
function lazyFamilyOfFile(file: string): FallbackFont {
  let opened: FallbackFont | null | undefined;
  const open = () => (opened === undefined ? (opened = familyOfFile(file) ?? null) : opened);
  return {
    family: `fallback:${file}`,
    get label() {
      return open()?.label ?? file;
    },
    get faces() {
      return open()?.faces ?? { normal: file, bold: file, italics: file, bolditalics: file };
    },
    has: (code, style) => open()?.has(code, style) ?? false,
  };
}

/** Installed fonts that may serve as fallbacks: upright regular faces, sans-serif first, not monospaced, not colour emoji (pdfkit draws no colour glyphs). */
function installedFallbacks(): FallbackFont[] {
  const installed = installedFonts();
  if ('files' in installed) {
    // Without fontconfig's preferences: regular faces before bold, italic, light or condensed ones, sans-serif before the rest, then by name.
    const rank = (file: string) => {
      const name = basename(file);
      return (/bold|italic|oblique|light|thin|black|heavy|medium|semi|demi|extra|condensed|narrow|looped|display|ui/i.test(name) ? 2 : 0) + (/sans|gothic|hei|arial|helvetica|segoe/i.test(name) ? 0 : 1);
    };
    const usable = installed.files.filter((file) => !/emoji|mono/i.test(basename(file)));
    return usable.map((file, i) => ({ file, i, rank: rank(file) })).sort((a, b) => a.rank - b.rank || a.i - b.i).map(({ file }) => lazyFamilyOfFile(file));
  }
  const faces = installed.faces;
  const usable = faces.filter((f) => f.slant === 0 && f.weight >= 50 && f.weight <= 105 && !/\bMono\b|Emoji/i.test(f.family));
  const seen = new Set<string>();
  const families = usable.filter((f) => !seen.has(f.family) && seen.add(f.family));
  const sans = (f: SystemFace) => /\bSans\b/i.test(f.family);
  return [...families.filter(sans), ...families.filter((f) => !sans(f))].map((face) => familyOf(face, faces));
}

/** Whether a configured font names a file (a path, or a name ending in a font's extension) rather than an installed family. */
export const isFontFile = (font: string) => /[\\/]|\.(ttf|otf|ttc|otc)$/i.test(font);

/** A configured font: a file (checked as any input is), or the family name of an installed font; a message when it is neither. */
export function configuredFont(font: string, written = font): FallbackFont | string {
  if (isFontFile(font)) {
    const problem = inputProblem(font, 'font', written);
    if (problem) return problem.message;
    const family = familyOfFile(font);
    return family ? { ...family, named: font } : `"${written}" is not a font file preppack can read (TrueType, OpenType or a collection of them)`;
  }
  const installed = installedFonts();
  const faces = 'faces' in installed ? installed.faces : [];
  const face = faces.find((f) => f.family.toLowerCase() === font.toLowerCase() && f.slant === 0 && f.weight <= 105);
  if (face) return { ...familyOf(face, faces), named: font };
  return `no installed font is called "${font}"${'faces' in installed ? ' (`fc-list : family` lists them)' : ''}: name an installed family or a font file`;
}

/** The fonts a document's text can be set in: its own family first, then each fallback in order. */
export interface FontChain {
  primary: string;
  fallbacks: readonly FallbackFont[];
  /** The family that prints a character in a style: the primary where it has it, else the first fallback; undefined when none has it. */
  familyFor: (char: string, style: FontStyle) => string | undefined;
  /** Whether a family of the chain has the character (so a space or a comma stays in the run it is in). */
  familyHas: (family: string, char: string, style: FontStyle) => boolean;
}

const primaryFaces = new Map<string, Fontkit.Font | undefined>();
function primaryHas(family: string, style: FontStyle, code: number): boolean {
  const file = FONTS[family]?.[style];
  if (!file) return false;
  const key = `${family}/${style}`;
  if (!primaryFaces.has(key)) primaryFaces.set(key, openFace(file));
  return primaryFaces.get(key)?.hasGlyphForCodePoint(code) ?? false;
}

/** Does the character need a glyph at all? White space and controls print nothing. */
export const needsGlyph = (char: string) => {
  const code = char.codePointAt(0)!;
  return !(code < 0x20 || (code >= 0x7f && code < 0xa0) || /[\s\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u.test(char));
};

const chains = new Map<string, FontChain>();

/** Every fallback family met so far, by its pdfmake name: the font table of a document is made from those it uses. */
const families = new Map<string, FallbackFont>();
export const fallbackFamily = (family: string) => families.get(family);

/** Fallbacks named in the config (`fonts:`) and in the theme (`fallbackFonts`): the run's setting, made as each is read. */
let configuredFallbacks: FallbackFont[] = [];
let themeFallbacks: FallbackFont[] = [];
export function useFallbackFonts(configured: readonly FallbackFont[]): void {
  configuredFallbacks = [...configured];
}
/** The config's fallback fonts as named, for a render worker to open (renderPool.ts). */
export const configuredFallbackNames = () => configuredFallbacks.map((font) => font.named!);
export function useThemeFallbackFonts(fonts: readonly FallbackFont[]): void {
  themeFallbacks = [...fonts];
}

/**
 * What the run's fallback fonts are, for the incremental build (cache.ts): the
 * named fonts' files (size and time) and the installed fonts as fontconfig
 * lists them (file, version, charset) or the system folders' files. Empty
 * when no text of the run needed a fallback: every character was in the
 * ranges the bundled font has whole (content, templates and names are all
 * checked before anything is made), so no fallback font can change a PDF.
 */
export function fallbackFontsFingerprint(): string {
  if (!fallbacksLooked) return '';
  const named = [...configuredFallbacks, ...themeFallbacks].flatMap((font) => [font.label, ...Object.values(font.faces).map((face) => fileStamp(typeof face === 'string' ? face : face[0]))]);
  return createHash('sha256').update([...named, installedFonts().fingerprint()].join('\n')).digest('hex');
}

/** Whether any text of this run has asked for a fallback font. */
let fallbacksLooked = false;
/** Whether this thread's text asked for one: a render worker tells the run (renderPool.ts). */
export const fallbacksWereLooked = () => fallbacksLooked;
export function noteFallbacksLooked(): void {
  fallbacksLooked = true;
}

/** The bundled DejaVu Sans as a fallback: code (in DejaVu Sans Mono) takes from it what the code font lacks (arrows, Greek, Cyrillic…) before any installed font. */
const bundledFallback: FallbackFont = {
  family: BUNDLED_FONT,
  label: 'DejaVu Sans (bundled)',
  faces: FONTS[BUNDLED_FONT]!,
  has: (code, style = 'normal') => inWholeRanges(BUNDLED_FONT, code) || primaryHas(BUNDLED_FONT, style, code),
};

const UPRIGHT = ':upright';

/**
 * A bundled family's upright faces standing in for its slanted ones: DejaVu
 * Sans Oblique lacks the Arabic (and more) of the upright face, so an italic
 * run of Arabic is set upright, as browsers set it, rather than as boxes.
 */
function uprightOf(family: string): FallbackFont {
  const faces = FONTS[family]!;
  const upright = (style: FontStyle): FontStyle => (style === 'bold' || style === 'bolditalics' ? 'bold' : 'normal');
  return { family: `${family}${UPRIGHT}`, label: `${family} (bundled, upright)`, faces: { normal: faces.normal, bold: faces.bold, italics: faces.normal, bolditalics: faces.bold }, has: (code, style = 'normal') => primaryHas(family, upright(style), code) };
}

/** Whether a family of a document's font table is one of the bundled files (not a fallback a reader is told about). */
export const isBundledFamily = (family: string) => family in FONTS || (family.endsWith(UPRIGHT) && family.slice(0, -UPRIGHT.length) in FONTS);

/** The bundled fallbacks of a primary family, asked before any configured or installed font. */
const bundledFallbacks = (primary: string): FallbackFont[] =>
  primary === CODE_FONT ? [bundledFallback, uprightOf(CODE_FONT), uprightOf(BUNDLED_FONT)] : primary in FONTS ? [uprightOf(primary)] : [];

/** The run's chain for a primary family: its bundled fallbacks, the config's, the theme's, then the installed fonts. */
export const runChain = (primary: string) => fontChain(primary, [...bundledFallbacks(primary), ...configuredFallbacks, ...themeFallbacks]);

/** The chain for a primary family and the configured fallbacks (already opened), then the installed fonts unless `installed` is false. */
export function fontChain(primary: string, configured: readonly FallbackFont[] = [], installed = true): FontChain {
  const key = [primary, installed, ...configured.map((f) => f.family)].join('\n');
  const known = chains.get(key);
  if (known) return known;
  let fallbacks: FallbackFont[] | undefined;
  const all = () => {
    fallbacksLooked = true;
    if (!fallbacks) {
      fallbacks = [...configured, ...(installed ? installedFallbacks() : [])];
      for (const font of fallbacks) families.set(font.family, font);
    }
    return fallbacks;
  };
  const bundled = configured.filter((font) => isBundledFamily(font.family));
  for (const font of bundled) families.set(font.family, font);
  let byFamily: Map<string, FallbackFont> | undefined;
  const chosen = new Map<string, string | undefined>();
  const chain: FontChain = {
    primary,
    get fallbacks() {
      return all();
    },
    familyFor(char, style) {
      const key = style + char;
      if (chosen.has(key)) return chosen.get(key);
      const code = char.codePointAt(0)!;
      // The bundled font's whole ranges need no font opened; a line break or tab is never drawn.
      if (inWholeRanges(primary, code) || code < 0x20 || primaryHas(primary, style, code)) {
        chosen.set(key, primary);
        return primary;
      }
      // The bundled fallbacks are asked first without looking at what is installed, so a build that needs no more stays independent of the machine's fonts.
      const own = bundled.find((font) => font.has(code, style));
      if (own) {
        chosen.set(key, own.family);
        return own.family;
      }
      // An invisible character (a zero-width space, a joiner) is set in a font that has it too, else it is drawn as a box; if none has it, it still needs none.
      const family = all().find((font) => font.has(code, style))?.family ?? (needsGlyph(char) ? undefined : primary);
      chosen.set(key, family);
      return family;
    },
    familyHas(family, char, style) {
      const code = char.codePointAt(0)!;
      if (code < 0x20) return true;
      if (family === primary) return inWholeRanges(primary, code) || primaryHas(primary, style, code);
      const own = bundled.find((font) => font.family === family);
      if (own) return own.has(code, style);
      byFamily ??= new Map(all().map((font) => [font.family, font]));
      return byFamily.get(family)?.has(code, style) ?? false;
    },
  };
  chains.set(key, chain);
  return chain;
}
