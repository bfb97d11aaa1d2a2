// pdfmake document → PDF bytes, with the bundled fonts and no access to
// anything else on disk or the network.
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import pdfmake from 'pdfmake';

export const FONTS_DIR = fileURLToPath(new URL('../../fonts/', import.meta.url));

const FONTS = {
  DejaVuSans: {
    normal: join(FONTS_DIR, 'DejaVuSans.ttf'),
    bold: join(FONTS_DIR, 'DejaVuSans-Bold.ttf'),
    italics: join(FONTS_DIR, 'DejaVuSans-Oblique.ttf'),
    bolditalics: join(FONTS_DIR, 'DejaVuSans-BoldOblique.ttf'),
  },
};

let configured = false;
function configure() {
  if (configured) return;
  pdfmake.setFonts(FONTS);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => resolve(path).startsWith(resolve(FONTS_DIR)));
  configured = true;
}

export interface RenderedPdf {
  bytes: Buffer;
  pages: number;
}

export async function renderPdf(document: Record<string, unknown>): Promise<RenderedPdf> {
  configure();
  let pages = 0;
  const footer = document.footer as ((page: number, count: number) => unknown) | undefined;
  const counted = {
    ...document,
    footer: (page: number, count: number) => {
      pages = count;
      return footer?.(page, count) ?? null;
    },
  };
  const bytes = await pdfmake.createPdf(counted as never).getBuffer();
  return { bytes: Buffer.from(bytes), pages };
}
