// The changes issue 17 made to pdfmake (patches/pdfmake+0.3.11.patch), each
// tested through pdfmake itself as an upstream pull request would be, on a
// bare document definition and read back from the PDF it draws.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pdfmake from 'pdfmake';
import { describe, expect, it } from 'vitest';
import { FONTS } from '../src/render/fonts.js';
import { scratchDir } from './helpers.js';
import { readLayout } from './layout.js';
import { placedWords, readPdf, squash } from './pdf.js';

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
