// The bundled fonts: where their files are, for pdfmake and for measuring.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FONTS_DIR = fileURLToPath(new URL('../../fonts/', import.meta.url));

export type FontStyle = 'normal' | 'bold' | 'italics' | 'bolditalics';

/** pdfmake's font table: family name → file per style. */
export const FONTS: Record<string, Record<FontStyle, string>> = {
  DejaVuSans: {
    normal: join(FONTS_DIR, 'DejaVuSans.ttf'),
    bold: join(FONTS_DIR, 'DejaVuSans-Bold.ttf'),
    italics: join(FONTS_DIR, 'DejaVuSans-Oblique.ttf'),
    bolditalics: join(FONTS_DIR, 'DejaVuSans-BoldOblique.ttf'),
  },
};

/** The family the bundled theme sets text in. */
export const BUNDLED_FONT = 'DejaVuSans';
