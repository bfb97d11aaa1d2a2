// The changes issues 17, 20 and 21 made to pdfmake and pdfkit (patches/), each
// tested through pdfmake itself as an upstream pull request would be, on a
// bare document definition and read back from the PDF it draws.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pdfmake from 'pdfmake';
import { describe, expect, it } from 'vitest';
import { FONTS } from '../src/render/fonts.js';
import { scratchDir } from './helpers.js';
import { readLayout } from './layout.js';
import { linkTargets, placedWords, readPdf, squash } from './pdf.js';
import { pageContents } from './accessibility.js';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDocument } from 'pdf-lib';

type Definition = Record<string, unknown>;

/** Draws a definition with pdfmake alone (our fonts, nothing of preppack's), writes it, and says where. */
async function drawn(definition: Definition): Promise<string> {
  pdfmake.setFonts(FONTS);
  pdfmake.setUrlAccessPolicy(() => false);
  const bytes = Buffer.from(await pdfmake.createPdf({ defaultStyle: { font: 'DejaVuSans', fontSize: 10 }, info: { creationDate: new Date(Date.UTC(2026, 0, 1)) }, ...definition } as never).getBuffer());
  const path = join(scratchDir(), 'patched.pdf');
  writeFileSync(path, bytes);
  return path;
}

const sentence = (n: number) => `Sentence ${n} of a paragraph that is long enough to wrap over several lines of a page.`;

describe('pdfmake, as patched for issue 17', () => {
  it('lays out again an unbreakable block taller than a page that holds a canvas (its vectors were moved twice: "otherArray.forEach is not a function")', async () => {
    const tall = Array.from({ length: 80 }, (_, n) => sentence(n)).join(' ');
    const path = await drawn({ content: [{ stack: [{ text: tall }, { canvas: [{ type: 'line', x1: 0, y1: 20, x2: 200, y2: 20, lineWidth: 1 }] }, { text: 'After the line.' }], unbreakable: true }] });
    const { squashed } = await readPdf(path);
    expect(squashed).toContain(squash(`${sentence(79)} After the line.`));
    const layout = await readLayout(path);
    // The ruled line lands on a page, inside it.
    const lines = layout.pages.flatMap((page) => page.paths.filter((p) => p.right - p.left > 150).map((p) => ({ ...p, height: page.height })));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.bottom).toBeLessThanOrEqual(lines[0]!.height);
  });

  it('breaks a run of pieces with no break opportunity between them when it is longer than a line, instead of running off the page', async () => {
    // 3000 one-character pieces in two styles, glued together: `a`b`c`… in Markdown.
    const pieces = Array.from({ length: 3000 }, (_, n) => ({ text: String.fromCharCode(97 + (n % 26)), ...(n % 2 ? { bold: true } : {}) }));
    const path = await drawn({ content: [{ text: pieces }] });
    const layout = await readLayout(path);
    const runs = layout.pages.flatMap((page) => page.texts.map((t) => ({ ...t, pageWidth: page.width })));
    expect(runs.every((t) => t.x + t.width <= t.pageWidth - 30)).toBe(true);
    expect(new Set(runs.map((t) => `${t.y}`)).size).toBeGreaterThan(20);
    expect(squash(runs.map((t) => t.text).join(''))).toBe(pieces.map((p) => p.text).join(''));
  });

  it('keeps every word when pageBreakBefore makes it lay the document out again (a paragraph taken part-way starts over)', async () => {
    const paragraphs = Array.from({ length: 60 }, (_, n) => ({ text: sentence(n), margin: [0, 0, 0, 6] }));
    let asked = 0;
    const path = await drawn({
      content: [...paragraphs.slice(0, 30), { text: 'A heading', fontSize: 16, headlineLevel: 1 }, ...paragraphs.slice(30)],
      // Once, for the heading: a second layout of the whole document.
      pageBreakBefore: (node: { headlineLevel?: number }) => Boolean(node.headlineLevel) && asked++ === 0,
    });
    expect(asked).toBe(1);
    const text = (await readPdf(path)).squashed;
    for (let n = 0; n < 60; n++) expect(text.split(squash(sentence(n))).length - 1).toBe(1);
  });

  it("answers pageBreakBefore's questions about pages as reading the whole document would", async () => {
    type Info = { text?: unknown; pageNumbers: number[] };
    const asked: { node: Info; following: Info[]; nextPage: Info[]; previous: Info[] }[] = [];
    await drawn({
      content: Array.from({ length: 300 }, (_, n) => ({ text: sentence(n) })),
      pageBreakBefore: (node: Info, nodes: { getFollowingNodesOnPage(): Info[]; getNodesOnNextPage(): Info[]; getPreviousNodesOnPage(): Info[] }) => {
        asked.push({ node, following: nodes.getFollowingNodesOnPage(), nextPage: nodes.getNodesOnNextPage(), previous: nodes.getPreviousNodesOnPage() });
        return false;
      },
    });
    const all = asked.map((a) => a.node);
    expect(new Set(all.flatMap((n) => n.pageNumbers)).size).toBeGreaterThan(2);
    asked.forEach(({ node, following, nextPage, previous }, index) => {
      const page = node.pageNumbers[0]!;
      expect(following).toEqual(all.slice(index + 1).filter((n) => n.pageNumbers.includes(page)));
      expect(nextPage).toEqual(all.slice(index + 1).filter((n) => n.pageNumbers.includes(page + 1)));
      expect(previous).toEqual(all.slice(0, index).filter((n) => n.pageNumbers.includes(page)));
    });
  });

  it('flattens nested text arrays in order', async () => {
    const path = await drawn({ content: [{ text: ['one ', { text: ['two ', { text: ['three ', 'four '] }, 'five '] }, 'six'] }] });
    expect((await readPdf(path)).squashed).toContain('onetwothreefourfivesix');
  });

  it('nests lists twenty deep without a MaxListenersExceededWarning', async () => {
    const warnings: string[] = [];
    const listen = (warning: Error) => warnings.push(warning.name);
    process.on('warning', listen);
    try {
      let list: Definition = { ul: ['innermost'] };
      for (let depth = 0; depth < 20; depth++) list = { ul: [`level ${depth}`, list] };
      const path = await drawn({ content: [list] });
      expect((await readPdf(path)).squashed).toContain('innermost');
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listen);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });

  it('puts the words of a line in reading order by their bidirectional levels (Line.reorderByBidiLevel): Hebrew reads from the right, Latin within it from the left', async () => {
    // Logical order: שלום (level 1), עולם (1), ABC (2), and a Latin word before them all (0).
    const path = await drawn({ content: [{ text: [{ text: 'Start ' }, { text: 'שלום עולם ', bidiLevel: 1 }, { text: 'ABC DEF', bidiLevel: 2 }] }] });
    const words = placedWords(path);
    const at = (letter: string) => {
      const word = words.find((w) => w.text.includes(letter));
      expect(word, letter).toBeDefined();
      return word!.xMin;
    };
    // Visual order, left to right: Start, ABC DEF, עולם, שלום.
    expect(at('Start')).toBeLessThan(at('ABC'));
    expect(at('ABC')).toBeLessThan(at('DEF'));
    expect(at('DEF')).toBeLessThan(at('ע'));
    expect(at('ע')).toBeLessThan(at('ש'));
  });

  it('leaves a line without levels as it was', async () => {
    const plain = await drawn({ content: [{ text: 'one two three' }] });
    const runs = (await readLayout(plain)).pages[0]!.texts;
    expect(runs.map((t) => t.text).join('')).toMatch(/^one\s*two\s*three$/);
  });
});

describe('pdfmake, as patched for issue 20: keepLastRows', () => {
  /** A page of filler lines, then a table of 12 rows with a repeated header: where it breaks depends on `filler`. */
  const definition = (filler: number, keepLastRows?: number) => ({
    content: [
      ...Array.from({ length: filler }, (_, n) => ({ text: `Filler line ${n}.`, margin: [0, 0, 0, 4] })),
      { table: { headerRows: 1, dontBreakRows: true, ...(keepLastRows ? { keepLastRows } : {}), widths: ['*', '*'], body: [['Name', 'Value'], ...Array.from({ length: 12 }, (_, n) => [`row ${n}`, `value ${n}`])] } },
    ],
  });
  /** How many of the table's rows each page holds. */
  const rowsPerPage = async (path: string) => {
    const words = placedWords(path).filter((w) => w.text === 'row');
    return [...new Set(words.map((w) => w.page))].map((page) => words.filter((w) => w.page === page).length);
  };

  it('takes the last two rows over a page together: never one row alone under the repeated header, and every row printed once', async () => {
    let alone = 0;
    for (let filler = 30; filler <= 44; filler++) {
      const without = await rowsPerPage(await drawn(definition(filler)));
      if (without.at(-1) === 1 && without.length > 1) alone++;
      const kept = await rowsPerPage(await drawn(definition(filler, 2)));
      expect(kept.reduce((sum, n) => sum + n, 0), `filler ${filler}`).toBe(12);
      if (kept.length > 1) expect(kept.at(-1), `filler ${filler}: ${kept.join(' + ')}`).toBeGreaterThanOrEqual(2);
    }
    // Without it, some of these tables end with one row alone on a page.
    expect(alone).toBeGreaterThan(0);
  });
});

describe('pdfmake and pdfkit, as patched for issue 21: tags and object streams', () => {
  /** Draws a definition as `drawn` does, with pdfmake's `tagging` option: each thing drawn marked with its tag's type, or as an artifact. */
  async function drawnTagged(definition: Definition): Promise<{ path: string; marks: (string | undefined)[] }> {
    pdfmake.setFonts(FONTS);
    pdfmake.setUrlAccessPolicy(() => false);
    const marks: (string | undefined)[] = [];
    const tagging = (pdf: { markContent: (tag: string) => void; endMarkedContent: () => void }) => ({
      begin(tag?: { type: string }) {
        marks.push(tag?.type);
        pdf.markContent(tag?.type ?? 'Artifact');
      },
      end() {
        pdf.endMarkedContent();
      },
    });
    const bytes = Buffer.from(await pdfmake.createPdf({ defaultStyle: { font: 'DejaVuSans', fontSize: 10 }, info: { creationDate: new Date(Date.UTC(2026, 0, 1)) }, ...definition } as never, { tagging } as never).getBuffer());
    const path = join(scratchDir(), 'tagged.pdf');
    writeFileSync(path, bytes);
    return { path, marks };
  }

  /** Each piece of text with the marked content it is in, innermost last, read back by pdf.js. */
  const markedText = async (path: string) => (await pageContents(path)).flatMap((page) => page.content.pieces);

  it('marks the text of a node with a `tag` as its content, a run with its own tag (a link) as that, and a node\'s colour without painting outside the marks', async () => {
    const { path } = await drawnTagged({ content: [{ text: ['Read ', { text: 'the guide', link: 'https://example.com', tag: { type: 'Link' } }, ' first.'], color: '#1f4e79', tag: { type: 'P' } }] });
    expect((await markedText(path)).map((piece) => `${piece.in.join('>')}:${piece.text.trim()}`)).toEqual(['P:Read', 'Link:the guide', 'P:first.']);
    // Every painting operator is inside a mark: pdfmake set a run's colour with fill(), which painted an empty path.
    expect((await pageContents(path)).map((page) => page.content.unmarked)).toEqual([0]);
  });

  it('draws a table header repeated on a new page as an artifact: read once, where the table starts', async () => {
    const body = [[{ text: 'Header', tag: { type: 'TH' } }], ...Array.from({ length: 90 }, (_, n) => [{ text: `row ${n}`, tag: { type: 'TD' } }])];
    const { path } = await drawnTagged({ content: [{ table: { headerRows: 1, widths: ['*'], body } }] });
    const headers = (await markedText(path)).filter((piece) => piece.text === 'Header');
    expect(headers.length).toBeGreaterThan(1);
    expect(headers.map((piece) => piece.in.at(-1))).toEqual(['TH', ...headers.slice(1).map(() => 'Artifact')]);
  });

  it('draws the words of one link in one run: one annotation, not one per word', async () => {
    const { path } = await drawnTagged({ content: [{ text: 'Seven words that all go to one place', linkToDestination: 'there', tag: { type: 'Link' } }, { text: 'There', id: 'there', pageBreak: 'before' }] });
    const document = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
    const links = ((await (await document.getPage(1)).getAnnotations()) as { subtype: string }[]).filter((a) => a.subtype === 'Link');
    await document.destroy();
    expect(links).toHaveLength(1);
  });

  it('escapes the title in the XMP metadata: "Risk & trade-offs <draft>" stays readable XML', async () => {
    const path = await drawn({ version: '1.7', info: { title: 'Risk & trade-offs <draft>', creationDate: new Date(Date.UTC(2026, 0, 1)) }, content: ['x'] });
    const xmp = execFileSync('pdfinfo', ['-meta', path], { encoding: 'utf8' });
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Risk &amp; trade-offs &lt;draft&gt;</rdf:li>');
  });

  it('packs objects into compressed object streams when asked (objectStreams, PDF 1.7): smaller, the same bytes every time, and every reader reads it', async () => {
    const content = Array.from({ length: 40 }, (_, n) => ({ text: [`Paragraph ${n} with `, { text: 'a link', link: `https://example.com/${n}` }, '.'] }));
    const plain = await drawn({ version: '1.7', content });
    const packed = await drawn({ version: '1.7', objectStreams: true, content });
    const again = await drawn({ version: '1.7', objectStreams: true, content });
    expect(readFileSync(again)).toEqual(readFileSync(packed));
    expect(statSync(packed).size).toBeLessThan(statSync(plain).size * 0.8);
    expect(execFileSync('qpdf', ['--check', packed], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    expect(execFileSync('qpdf', ['--show-xref', packed], { encoding: 'utf8' })).toMatch(/compressed; stream = \d+, index = \d+/);
    expect((await readPdf(packed)).squashed).toBe((await readPdf(plain)).squashed);
    expect(await linkTargets(packed)).toEqual(await linkTargets(plain));
    const loaded = await PDFDocument.load(readFileSync(packed));
    expect(loaded.getPageCount()).toBe(1);
  });
});
