// The bundled fonts: where their files are, for pdfmake and for measuring.
import { join } from 'node:path';
import { FONTS_DIR } from '../packagePaths.js';

export { FONTS_DIR };

export type FontStyle = 'normal' | 'bold' | 'italics' | 'bolditalics';

/** pdfmake's font table: family name → file per style. */
export const FONTS: Record<string, Record<FontStyle, string>> = {
  DejaVuSans: {
    normal: join(FONTS_DIR, 'DejaVuSans.ttf'),
    bold: join(FONTS_DIR, 'DejaVuSans-Bold.ttf'),
    italics: join(FONTS_DIR, 'DejaVuSans-Oblique.ttf'),
    bolditalics: join(FONTS_DIR, 'DejaVuSans-BoldOblique.ttf'),
  },
  DejaVuSansMono: {
    normal: join(FONTS_DIR, 'DejaVuSansMono.ttf'),
    bold: join(FONTS_DIR, 'DejaVuSansMono-Bold.ttf'),
    italics: join(FONTS_DIR, 'DejaVuSansMono-Oblique.ttf'),
    bolditalics: join(FONTS_DIR, 'DejaVuSansMono-BoldOblique.ttf'),
  },
};

/** The face of a family that bold and italics ask for. */
export const faceStyle = (bold?: boolean, italics?: boolean): FontStyle => (bold ? (italics ? 'bolditalics' : 'bold') : italics ? 'italics' : 'normal');

/** The family the bundled theme sets text in. */
export const BUNDLED_FONT = 'DejaVuSans';

/** The family code is set in: every character one width, so columns and box drawings line up. */
export const CODE_FONT = 'DejaVuSansMono';

/** Ranges every face of DejaVu Sans Mono has whole (a test checks them against the files): ASCII, Latin-1, box drawing and blocks. */
export const CODE_FONT_RANGES: readonly (readonly [number, number])[] = [[0x20, 0x7e], [0xa0, 0xff], [0x2500, 0x259f]];

/**
 * Ranges every face of the bundled DejaVu Sans has whole (Latin, Greek,
 * Cyrillic, punctuation, currency, arrows, boxes…; a test checks each code
 * point against the font files): text within them is known to print without
 * opening a font, so a build of Western text never loads fontkit or looks
 * for fallback fonts.
 */
export const BUNDLED_FONT_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], [0xa0, 0x2e9], [0x300, 0x34f], [0x38e, 0x3a1], [0x3a3, 0x525], [0x1e00, 0x1efb],
  [0x2000, 0x2064], [0x20a0, 0x20b5], [0x2190, 0x2311], [0x2500, 0x269c],
];

export const inBundledRanges = (code: number) => BUNDLED_FONT_RANGES.some(([from, to]) => code >= from && code <= to);

/** Whether a bundled family is known to have a character without opening its file. */
export const inWholeRanges = (family: string, code: number) =>
  family === BUNDLED_FONT ? inBundledRanges(code) : family === CODE_FONT && CODE_FONT_RANGES.some(([from, to]) => code >= from && code <= to);
