// Text that pdfmake would drop or push off the page reaches the page: a
// table cell taller than a page, lists nested past any width, words longer
// than any line. Each case reads the PDF back and finds every word, inside
// the page's edges.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLayout } from './layout.js';
import { preppack, scratchDir } from './helpers.js';
import { readPdf } from './pdf.js';

/** Renders one Markdown text; the PDF's text with blanks and break opportunities removed, and its layout. */
async function rendered(markdown: string) {
  const dir = scratchDir();
  const file = join(dir, 'doc.md');
  writeFileSync(file, markdown);
  const result = preppack(['render', file, '--out', join(dir, 'out')]);
  expect(result.code, result.stderr).toBe(0);
  const pdf = join(dir, 'out', 'doc.pdf');
  return { text: (await readPdf(pdf)).squashed.replaceAll('\u200b', ''), layout: await readLayout(pdf) };
}

const words = (count: number, stem = 'word') => Array.from({ length: count }, (_, i) => `${stem}${i}`);

describe('text that would not fit', () => {
  it('a table row with a cell taller than a page: every word of it, and the rows after', async () => {
    const cell = words(1500);
    const { text } = await rendered(`# Tall\n\n| A | B |\n|---|---|\n| short | ${cell.join(' ')} |\n| next | row-after-it |\n`);
    for (const word of cell) expect(text).toContain(word);
    expect(text).toContain('row-after-it');
  });

  it('a list nested 50 deep: every item', async () => {
    const items = words(50, 'level');
    const { text } = await rendered(`# Deep\n\n${items.map((item, depth) => `${'  '.repeat(depth)}- ${item}`).join('\n')}\n`);
    for (const item of items) expect(text).toContain(item);
  });

  it('a 400-character word and URL, in a paragraph, a list and a table: whole, inside the page', async () => {
    const word = 'x'.repeat(400);
    const url = `https://example.com/${'segment/'.repeat(50)}end`;
    const { text, layout } = await rendered(`# Long\n\nA ${word} here and ${url} there.\n\n- ${word}\n\n| Name | Value |\n|---|---|\n| long | ${word} |\n`);
    expect(text.split(word).length - 1).toBe(3);
    expect(text).toContain(url);
    for (const page of layout.pages) for (const run of page.texts) expect(run.x + run.width).toBeLessThanOrEqual(page.width);
  });

  it('a table of 30 columns: every header and cell, inside the page, in groups of columns led by the first', async () => {
    const columns = Array.from({ length: 30 }, (_, i) => `Column${i}`);
    const rows = [0, 1, 2].map((r) => columns.map((_, c) => `r${r}c${c}`));
    const { text, layout } = await rendered(`# Wide\n\n| ${columns.join(' | ')} |\n|${' --- |'.repeat(30)}\n${rows.map((row) => `| ${row.join(' | ')} |`).join('\n')}\n`);
    for (const word of [...columns, ...rows.flat()]) expect(text).toContain(word);
    expect(text).toContain('Columns2–10of30');
    for (const page of layout.pages) for (const run of page.texts) expect(run.x + run.width).toBeLessThanOrEqual(page.width - 30);
  });

  it('a 20,000-character token: laid out and whole', async () => {
    const token = 'ab'.repeat(10_000);
    const { text } = await rendered(`# Token\n\n${token}\n`);
    // Each page's running head is the title: without it, the token reads on from page to page.
    expect(text.replaceAll('Token', '')).toContain(token);
  }, 60_000);
});
