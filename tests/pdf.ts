// Reads a PDF back the way a user's viewer would: text per page, metadata,
// bookmarks and page sizes, through pdf-parse.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import { AnnotationMode, getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfReadBack {
  pages: string[];
  /** All text with every blank removed: line breaks fall anywhere in a PDF. */
  squashed: string;
  info: Record<string, unknown>;
  outline: { title: string; items: { title: string }[] }[];
  sizes: { width: number; height: number }[];
}

export const squash = (text: string) => text.replace(/\s+/g, '');

/** A page's text without its running header and "Page X of Y" footer, which interrupt text that flows over a page. */
function bodyText(page: string): string {
  return page
    .split('\n')
    .filter((line) => !/^Page \d+ of \d+$/.test(line.trim()) && !/ · (Candidate prep booklet|Interviewer scoring sheet|Phrasing cheat sheet)$/.test(line.trim()))
    .join('\n')
    // pdf.js reads an ordered-list number after its line's text: drop it so that the text reads on.
    .replace(/\t\d+\.$/gm, '');
}

export async function readPdf(path: string): Promise<PdfReadBack> {
  // A Buffer, not a Uint8Array: pdf-parse empties a Uint8Array it is given.
  const parser = new PDFParse({ data: readFileSync(path) });
  try {
    const text = await parser.getText();
    const info = await parser.getInfo({ parsePageInfo: true });
    const pages = text.pages.map((p) => p.text);
    return {
      pages,
      squashed: squash(pages.map(bodyText).join('\n')),
      info: (info.info ?? {}) as Record<string, unknown>,
      outline: (info.outline ?? []) as PdfReadBack['outline'],
      sizes: info.pages.map((p) => ({ width: p.width, height: p.height })),
    };
  } finally {
    await parser.destroy();
  }
}

/** Every link annotation's target in a PDF, as a viewer would open it. */
export async function linkTargets(path: string): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  const targets: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    for (const annotation of (await (await document.getPage(n)).getAnnotations()) as { subtype: string; url?: string; unsafeUrl?: string }[]) {
      if (annotation.subtype === 'Link' && (annotation.url || annotation.unsafeUrl)) targets.push(annotation.unsafeUrl ?? annotation.url!);
    }
  }
  await document.destroy();
  return targets;
}

/** A word as poppler places it (`pdftotext -bbox`): its text and box, in points from the page's top-left corner. */
export interface PlacedWord {
  page: number;
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}

/** Every word of a PDF with where it is on its page, as `pdftotext -bbox` reads it. */
export function placedWords(path: string): PlacedWord[] {
  const html = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const words: PlacedWord[] = [];
  let page = 0;
  for (const match of html.matchAll(/<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
    if (match[0] === '<page ') page++;
    else words.push({ page, text: decodeXml(match[4]!), xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]) });
  }
  return words;
}

const decodeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** How many glyphs of a PDF (and, when asked, of its form fields' looks) are .notdef, the empty box a font prints for a character it has no glyph for (glyph 0 of every subset pdfkit embeds). */
export async function emptyBoxes(path: string, options: { annotations?: boolean } = {}): Promise<number> {
  const document = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  let boxes = 0;
  for (let number = 1; number <= document.numPages; number++) {
    // With annotations: the looks of form fields as printed, too.
    const operators = await (await document.getPage(number)).getOperatorList(options.annotations ? { intent: 'print', annotationMode: AnnotationMode.ENABLE_STORAGE } : {});
    operators.fnArray.forEach((op, i) => {
      if (op !== OPS.showText) return;
      for (const glyph of operators.argsArray[i][0] as unknown[]) if (glyph && typeof glyph === 'object' && (glyph as { originalCharCode?: number }).originalCharCode === 0) boxes++;
    });
  }
  await document.destroy();
  return boxes;
}

/**
 * Each page's text without its running head and foot, told apart by where
 * they stand (the top and bottom margins), not by what they say: a running
 * head that is a document's own first heading would otherwise be taken for
 * its text. Read with pdf.js, in its reading order.
 */
export async function pageBodies(path: string, margin = 50): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  const bodies: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const height = page.view[3]!;
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const y = item.transform[5] as number;
      if (y > height - margin || y < margin - 10) continue;
      text += item.str + (item.hasEOL ? '\n' : '');
    }
    bodies.push(text);
  }
  await document.destroy();
  return bodies;
}
