// pdfmake document → PDF bytes, with the bundled fonts and no access to
// anything else on disk or the network.
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import { bodyCharacters, laidOutCharacters, lostText, type LaidOutPage, type LostText } from './completeness.js';
import { resolve } from 'node:path';
import { inputProblem } from '../fs/readInput.js';
import { PreppackError } from '../problems.js';
import { FONTS, FONTS_DIR } from './fonts.js';
import { fallbackFamily, isBundledFamily, runChain } from '../fonts/fontChain.js';
import { withFontRuns } from '../fonts/fontRuns.js';
import { structureOf } from './structure.js';
import { StructureWriter, type TaggablePdf } from './tagging.js';

let configured = false;
/** Font files pdfmake may read besides the bundled ones: the faces of the fallback families documents use. */
const fallbackFiles = new Set<string>();
function configure() {
  if (configured) return;
  assertPatched();
  // pdfkit reads the font files itself (and parses each once per process: patches/pdfkit+*.patch), so they are checked here as any input is.
  for (const faces of Object.values(FONTS)) for (const path of Object.values(faces)) {
    const problem = inputProblem(path, 'font');
    if (problem) throw new PreppackError([problem]);
  }
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => resolve(path).startsWith(resolve(FONTS_DIR)) || fallbackFiles.has(resolve(path)));
  configured = true;
}

/** pdfmake's font table for a document: the bundled fonts and the fallback families its text uses (their files checked as inputs). */
function fontTable(used: ReadonlySet<string>): Record<string, unknown> {
  const table: Record<string, unknown> = { ...FONTS };
  for (const name of [...used].sort()) {
    const family = fallbackFamily(name);
    if (!family) continue;
    for (const face of Object.values(family.faces)) {
      const file = typeof face === 'string' ? face : face[0];
      if (fallbackFiles.has(resolve(file))) continue;
      const problem = inputProblem(file, 'font');
      if (problem) throw new PreppackError([problem]);
      fallbackFiles.add(resolve(file));
    }
    // pdfmake replaces a face's path by the file's bytes in the table it is given: each document gets its own copy.
    table[name] = structuredClone(family.faces);
  }
  return table;
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
  /** The fallback fonts its text is set in, besides the theme's (fontChain.ts), as "Family (file)". */
  fonts?: string[];
}

/** A PDF document stream's bytes, once it is ended. */
function bytesOf(stream: NodeJS.ReadableStream & { end: () => void }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
    stream.end();
  });
}

export interface LaidOutPdf {
  pages: number;
  /** Draws the pages as laid out: the PDF's bytes. Once. */
  draw: () => Promise<Buffer>;
  /** Text of the body that pdfmake did not place on any page (completeness.ts). */
  lost?: LostText;
  /** The fallback fonts its text is set in, besides the theme's. */
  fonts?: string[];
}

/**
 * The document laid out but not yet drawn (patches/: `layoutOnly`): its
 * nodes know where they landed, and drawing (about 40 % of a render) is left
 * until the document turns out to be the one to keep.
 */
export async function layoutPdf(document: Record<string, unknown>): Promise<LaidOutPdf> {
  configure();
  // Counted before pdfmake rewrites the nodes as it lays them out.
  const body = bodyCharacters(document.content);
  // A tagged document's structure, read before the text is split into runs by font and pdfmake rewrites the nodes; written as the pages are drawn.
  const structure = document.tagged ? structureOf(document.content as unknown[]) : undefined;
  const fonts = withFontRuns(document, runChain);
  pdfmake.setFonts(fontTable(fonts.families) as never);
  let writer: StructureWriter | undefined;
  const tagging = structure && ((pdf: TaggablePdf) => (writer = new StructureWriter(pdf, structure)));
  const laidOut = (await pdfmake.createPdf(document as never, { layoutOnly: true, tagging } as never).getStream()) as unknown as {
    pages: number;
    laidOutPages: LaidOutPage[];
    draw: () => NodeJS.ReadableStream & { end: () => void };
  };
  return {
    pages: laidOut.pages,
    draw: () => {
      const drawn = laidOut.draw();
      writer?.finish();
      return bytesOf(drawn);
    },
    lost: lostText(body, laidOutCharacters(laidOut.laidOutPages)),
    // The bundled families are the theme's own, not fallbacks a reader is told about.
    fonts: [...fonts.families].filter((name) => !isBundledFamily(name)).sort().map((name) => fallbackFamily(name)?.label ?? name),
  };
}
