// pdfmake document → PDF bytes, with the bundled fonts and no access to
// anything else on disk or the network.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import pdfmake from 'pdfmake';
import { FONTS, FONTS_DIR } from './fonts.js';

let configured = false;
function configure() {
  if (configured) return;
  assertPatched();
  pdfmake.setFonts(FONTS);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => resolve(path).startsWith(resolve(FONTS_DIR)));
  configured = true;
}

/**
 * Our layout relies on patches/pdfmake+*.patch (an unbreakable block taller
 * than a page flows on instead of vanishing; widows and orphans; page
 * references on any line). Without it text would be lost: refuse to render.
 */
function assertPatched(): void {
  const require = createRequire(import.meta.url);
  const writer = require('pdfmake/js/PageElementWriter.js') as { default: { prototype: Record<string, unknown> } };
  if (typeof writer.default.prototype.rollbackUnbreakableBlock !== 'function') {
    throw new Error('pdfmake is installed without preppack\'s patch (patches/pdfmake+*.patch): run `npx patch-package` in preppack\'s folder, or reinstall it');
  }
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
