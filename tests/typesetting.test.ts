// Page breaks as a reader sees them, forced where they hurt: a template puts
// paragraphs, headings and list items at every height near the foot of a page,
// and the PDF is read back line by line.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { preppack, scratchDir } from './helpers.js';
import { blankBelow, readLayout, type Layout, type PageLayout } from './layout.js';
import { evenLayout } from '../src/render/typeset.js';

/** Text-area height of a Letter booklet page (theme margins 62 and 58). */
const BODY = 792 - 62 - 58;
const CASES = 22;
/** Where each case starts: from 150 points above the foot down to the foot, in steps. */
const spacer = (k: number) => (BODY - 150 + (k * 150) / CASES).toFixed(1);
const words = (tag: string, count: number) => Array.from({ length: count }, (_, j) => `${tag}w${j}`).join(' ');

function template(): string {
  const parts = ['# Page breaks {#top}'];
  for (let k = 0; k < CASES; k++) parts.push(`::pagebreak\n\n::spacer ${spacer(k)}\n\n${words(`p${k}x`, 95)}`);
  for (let k = 0; k < CASES; k++) parts.push(`::pagebreak\n\n::spacer ${spacer(k)}\n\n### Heading h${k}x\n\n${words(`h${k}x`, 95)}`);
  for (let k = 0; k < CASES; k++) {
    const items = [0, 1, 2].map((i) => `- [ ] ${words(`l${k}i${i}x`, 30)}`).join('\n');
    parts.push(`::pagebreak\n\n::spacer ${spacer(k)}\n\n${items}`);
  }
  return parts.join('\n\n') + '\n';
}

/** For each word tag (e.g. "p3x"), the distinct lines it has on each page. */
function linesByTag(layout: Layout, pattern: RegExp): Map<string, Map<number, Set<number>>> {
  const tags = new Map<string, Map<number, Set<number>>>();
  layout.pages.forEach((page, index) => {
    for (const run of page.texts) {
      for (const word of run.text.split(/\s+/)) {
        const tag = pattern.exec(word)?.[1];
        if (!tag) continue;
        if (!tags.has(tag)) tags.set(tag, new Map());
        const pages = tags.get(tag)!;
        if (!pages.has(index + 1)) pages.set(index + 1, new Set());
        pages.get(index + 1)!.add(Math.round(run.y));
      }
    }
  });
  return tags;
}

let layout: Layout;
beforeAll(async () => {
  const templates = scratchDir();
  writeFileSync(join(templates, 'booklet.md.hbs'), template());
  const out = join(scratchDir(), 'out');
  const result = preppack(['build', '--level', 'staff', '--packet', 'booklet', '--templates', templates, '--out', out]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  layout = await readLayout(join(out, 'staff', 'staff-booklet.pdf'));
});

describe('page breaks', () => {
  it('never leaves one line of a paragraph alone at the foot or the head of a page', () => {
    const paragraphs = linesByTag(layout, /^(p\d+x)w\d+$/);
    expect(paragraphs.size).toBe(CASES);
    let splits = 0;
    for (const [tag, pages] of paragraphs) {
      const counts = [...pages.values()].map((lines) => lines.size);
      for (const count of counts) expect(count, `${tag}: ${counts.join(' + ')} lines`).toBeGreaterThanOrEqual(2);
      if (counts.length > 1) splits++;
    }
    // The sweep did put paragraphs across a page break, not only whole on the next page.
    expect(splits).toBeGreaterThan(3);
  });

  it('keeps every heading with at least two lines of its text on its page', () => {
    const paragraphs = linesByTag(layout, /^(h\d+x)w\d+$/);
    // The heading's own words are set larger than the paragraph's.
    const isHeading = (k: number) => (t: { text: string; size: number }) => t.text.trim().endsWith(`h${k}x`) && t.size > 10;
    for (let k = 0; k < CASES; k++) {
      const page = layout.pages.findIndex((p) => p.texts.some(isHeading(k))) + 1;
      expect(page, `heading ${k}`).toBeGreaterThan(0);
      const heading = layout.pages[page - 1]!.texts.find(isHeading(k))!;
      const below = [...(paragraphs.get(`h${k}x`)?.get(page) ?? [])].filter((y) => y > heading.y);
      expect(below.length, `heading ${k} on page ${page}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('never splits a list item across pages, and loses none', () => {
    const items = linesByTag(layout, /^(l\d+i\d+x)w\d+$/);
    expect(items.size).toBe(CASES * 3);
    for (const [tag, pages] of items) expect([...pages.keys()], tag).toHaveLength(1);
  });
});

describe('the search for the lines `::lines N even` areas gain', () => {
  it('finds the most lines that add no page from any first try, lays no number out twice, and needs two layouts when the first try is right', async () => {
    type Sheet = Parameters<typeof evenLayout>[0];
    const sheet = (pages: number) => ({ pdf: { pages }, content: { evenAreas: [] } }) as unknown as Sheet;
    for (let fit = 0; fit <= 12; fit++) {
      for (let first = 1; first <= 12; first++) {
        const tried: number[] = [];
        // A sheet of two pages that takes a third once its areas grow by more than `fit` lines.
        const found = await evenLayout(sheet(2), async (even) => (tried.push(even), sheet(even <= fit ? 2 : 3)), first);
        expect(found.even, `fit ${fit}, first ${first}: tried ${tried}`).toBe(fit);
        expect(new Set(tried).size, `tried ${tried}`).toBe(tried.length);
        if (first === fit || first === fit + 1) expect(tried.length, `fit ${fit}, first ${first}: tried ${tried}`).toBeLessThanOrEqual(2);
        // Far from the first try, at most three steps and a halving search: eight layouts.
        expect(tried.length).toBeLessThanOrEqual(8);
      }
    }
  });
});

describe('`::lines 0 fill`: room for notes only where a page has it', () => {
  /** The ruled lines of a page: wide strokes, no taller than a line's width. */
  const rules = (page: PageLayout) => page.paths.filter((p) => p.bottom - p.top < 1 && p.right - p.left > 300);
  const render = async (markdown: string) => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'notes.md'), markdown);
    const result = preppack(['render', 'notes.md', '--out', 'out'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return readLayout(join(dir, 'out', 'notes.pdf'));
  };

  it('fills a page\'s spare space with lines: shared where there is room for three each, else at the foot, and none where fewer than three fit', async () => {
    const GAP = 22;
    // Two paragraphs, each followed by an area; the spacer leaves the page more or less room.
    const page = (k: number, spacer: number) => `::spacer ${spacer}\n\n${words(`x${k}x`, 20)}\n\n::lines 0 fill\n\n${words(`y${k}x`, 20)}\n\n::lines 0 fill`;
    const spacers = [10, BODY - 240, BODY - 200, BODY - 170, BODY - 150, BODY - 130, BODY - 110];
    const layout = await render(`# Notes\n\n${spacers.map((spacer, k) => page(k, spacer)).join('\n\n::pagebreak\n\n')}\n`);
    expect(layout.pages).toHaveLength(spacers.length);
    const body = { top: 62, bottom: 792 - 58 };
    const seen = { shared: 0, foot: 0, none: 0 };
    layout.pages.forEach((page, k) => {
      const second = page.texts.find((t) => t.text.includes(`y${k}xw0`))!;
      const lastText = page.texts.find((t) => t.text.includes(`y${k}xw19`))!;
      const above = rules(page).filter((r) => r.top < second.y).length;
      const below = rules(page).filter((r) => r.top > second.y).length;
      const room = body.bottom - (lastText.y + lastText.size) - (above + below) * GAP;
      if (above + below === 0) {
        // Nothing drawn: the page had no room for three lines.
        expect(room, `page ${k + 1}`).toBeLessThan(3 * GAP + 12);
        seen.none += 1;
      } else if (above === 0) {
        // Room for fewer than six: all of it at the foot, three lines or more.
        expect(below, `page ${k + 1}`).toBeGreaterThanOrEqual(3);
        expect(below, `page ${k + 1}`).toBeLessThan(6 + 1);
        seen.foot += 1;
      } else {
        expect(Math.min(above, below), `page ${k + 1}`).toBeGreaterThanOrEqual(3);
        seen.shared += 1;
      }
      // What is drawn uses the page: less than a line left below it.
      if (above + below > 0) expect(blankBelow(page, body) * (body.bottom - body.top), `page ${k + 1}`).toBeLessThan(GAP + 2);
    });
    // The spacers give pages of each kind.
    expect(seen.shared).toBeGreaterThan(0);
    expect(seen.foot).toBeGreaterThan(0);
    expect(seen.none).toBeGreaterThan(0);
});
});
