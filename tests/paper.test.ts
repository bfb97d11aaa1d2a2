// The packets as they look on paper, Letter and A4: where the text ends on
// each page, what size things are printed at, what sits in the running head.
// Everything is read back from the PDFs with pdf.js positions.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSync, type Font } from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../src/content/load.js';
import { preppack, ROOT, scratchDir } from './helpers.js';
import { blankBelow, lines, pageText, readLayout, type Body, type Layout, type PageLayout } from './layout.js';

const PAPERS = ['letter', 'a4'] as const;
const LEVELS = ['director', 'manager', 'staff'] as const;
const { library } = loadLibrary(join(ROOT, 'content'));
const theme = JSON.parse(readFileSync(join(ROOT, 'templates', 'theme.json'), 'utf8'));
const questionsOf = (level: string) => library.questions.filter((q) => q.level === level);

/** The text area of a packet's pages, from the theme's margins. */
function body(packet: string, page: PageLayout): Body {
  const [, top, , bottom] = theme.packets[packet]?.pageMargins ?? theme.pageMargins;
  return { top, bottom: page.height - bottom };
}

const layouts = new Map<string, Layout>();
const layout = (paper: string, level: string, packet: string) => layouts.get(`${paper}/${level}-${packet}`)!;

beforeAll(async () => {
  for (const paper of PAPERS) {
    const out = join(scratchDir(), paper);
    const result = preppack(['build', '--paper', paper, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    for (const level of LEVELS) for (const packet of ['booklet', 'scorecard', 'cheatsheet']) layouts.set(`${paper}/${level}-${packet}`, await readLayout(join(out, level, `${level}-${packet}.pdf`)));
  }
}, 120_000);

describe.each(PAPERS)('on %s', (paper) => {
  it('leaves no booklet page more than half blank, but the cover, the last page and a page that ends a part', () => {
    for (const level of LEVELS) {
      const booklet = layout(paper, level, 'booklet');
      // A part that starts a page ends the part before it on the page before.
      const partEnds = new Set(booklet.parts.map((part) => part.page - 1));
      booklet.pages.forEach((page, index) => {
        const number = index + 1;
        if (number === 1 || number === booklet.pages.length || partEnds.has(number)) return;
        expect(blankBelow(page, body('booklet', page)), `${level} booklet page ${number}`).toBeLessThanOrEqual(0.5);
      });
    }
  });

  it('fills every question page of the scoring sheet to within 15 % of its foot', () => {
    for (const level of LEVELS) {
      const sheet = layout(paper, level, 'scorecard');
      const questionPages = sheet.pages.filter((page) => lines(page).some((l) => /^Q\d+\. /.test(l.text)));
      expect(questionPages.length).toBeGreaterThan(1);
      questionPages.forEach((page) => expect(blankBelow(page, body('scorecard', page)), `${level} ${pageText(page).slice(0, 60)}`).toBeLessThanOrEqual(0.15));
    }
  });

  it('fits the staff scoring sheet (24 questions) in clearly fewer pages than the 14 it took, in body text of 9 pt or more', () => {
    const sheet = layout(paper, 'staff', 'scorecard');
    expect(sheet.pages.length).toBeLessThanOrEqual(11);
    // Q1's guidance lists three things to show: three boxes, in the source's words.
    const printed = sheet.pages.map(pageText).join('\n').replace(/\s+/g, '');
    for (const point of ['Show a lightweight framework (e.g., STRIDE) adapted for speed', 'How you partner with product/engineering', 'How you translate findings into clear, prioritized']) {
      expect(printed).toContain(`☐${point.replace(/\s+/g, '')}`);
    }
    // On the question pages, only the competency line under each prompt (and the rating key's header) is set smaller than 9 pt.
    const titles = library.competencies.map((c) => c.title);
    for (const page of sheet.pages.filter((p) => lines(p).some((l) => /^Q\d+\. /.test(l.text)))) {
      const area = body('scorecard', page);
      for (const line of lines(page).filter((l) => l.y > area.top && l.y < area.bottom)) {
        const runs = page.texts.filter((t) => Math.abs(t.y - line.y) < 1.5 && t.size < 9 && t.text.trim() !== '☐');
        if (runs.length === 0 || line.text === 'Rating What it means') continue;
        // pdf.js reads a hyphenated word as two runs ("trade-" "offs").
        const parts = line.text.replace(/- /g, '-').split(' · ');
        expect(parts.every((part) => titles.includes(part)), `${line.size} pt: ${line.text}`).toBe(true);
      }
    }
  });

  it('keeps each question on one page: every page has as many rating rows as it has prompts', () => {
    for (const level of LEVELS) {
      const sheet = layout(paper, level, 'scorecard');
      let prompts = 0;
      sheet.pages.forEach((page, index) => {
        const here = lines(page).filter((l) => /^Q\d+\. /.test(l.text)).length;
        const ratings = lines(page).filter((l) => /^Rating (☐ )?Definitely not/.test(l.text)).length;
        expect(ratings, `${level} page ${index + 1}`).toBe(here);
        prompts += here;
      });
      expect(prompts).toBe(questionsOf(level).length);
    }
  });

  it('gives every question at least five evidence lines', () => {
    for (const level of LEVELS) {
      const sheet = layout(paper, level, 'scorecard');
      for (const page of sheet.pages) {
        const questions = lines(page).filter((l) => /^Q\d+\. /.test(l.text)).length;
        if (!questions) continue;
        // Evidence lines: the horizontal rules of the column right of the listen-for points.
        const rules = page.paths.filter((p) => p.bottom - p.top < 1 && p.right - p.left > 150 && p.left > page.width / 2 - 20);
        expect(rules.length, `${level}: ${questions} questions on a page`).toBeGreaterThanOrEqual(5 * questions);
      }
    }
  });

  it('prints the candidate and interviewer fields in the running head of every scoring-sheet page', () => {
    for (const level of LEVELS) {
      for (const page of layout(paper, level, 'scorecard').pages) {
        const head = page.texts.filter((t) => t.y < body('scorecard', page).top);
        const text = head.map((t) => t.text).join(' ');
        expect(text, level).toMatch(/Candidate:.*Interviewer:/);
        expect(text).toContain(`${library.levels.find((l) => l.id === level)!.title} · Interviewer scoring sheet`);
      }
    }
  });

  it('gives every question one rating row of tick boxes at least 10 pt, with Not assessed', () => {
    const box = glyphHeight('☐');
    for (const level of LEVELS) {
      const sheet = layout(paper, level, 'scorecard');
      const ratingBoxes = sheet.pages.flatMap((page) => page.texts.filter((t) => t.text.trim() === '☐' && t.size * box >= 10));
      // Five per question (Definitely not, No, Yes, Strong yes, Not assessed), five for the overall recommendation.
      expect(ratingBoxes.length, level).toBe(5 * questionsOf(level).length + 5);
      const text = sheet.pages.map(pageText).join(' ');
      expect(text.match(/Not assessed/g)?.length).toBeGreaterThanOrEqual(questionsOf(level).length);
    }
  });

  it('sets the competency summary with one line of headers and a row per competency the questions cover', () => {
    for (const level of LEVELS) {
      const sheet = layout(paper, level, 'scorecard');
      const page = sheet.pages.find((p) => pageText(p).includes('Competency summary'))!;
      // The header row is one printed line: no header wraps.
      expect(lines(page).map((l) => l.text), level).toContain('Competency Definitely not No Yes Strong yes Not assessed');
      // The competency column: what is printed left of the first tick box, below the headers.
      const header = lines(page).find((l) => l.text.startsWith('Competency Definitely not'))!;
      const firstRating = page.texts.find((t) => t.text.startsWith('Definitely') && Math.abs(t.y - header.y) < 1.5)!;
      const tableEnd = lines(page).find((l) => l.text.startsWith('Overall recommendation'))!.y;
      const column = page.texts.filter((t) => t.x < firstRating.x && t.y > header.y + 1 && t.y < tableEnd).map((t) => t.text).join('').replace(/\s+/g, '');
      const covered = library.competencies.filter((c) => questionsOf(level).some((q) => q.competencies.includes(c.id)));
      for (const c of covered) expect(column, `${level} row for ${c.title}`).toContain(c.title.replace(/\s+/g, ''));
      // Rows: one tick-box line of five per competency (a long title may wrap its cell, not the boxes).
      const boxRows = lines(page).filter((l) => (l.text.match(/☐/g) ?? []).length === 5 && !/Definitely not/.test(l.text));
      expect(boxRows.length, level).toBe(covered.length);
    }
  });

  it('prints no unresolved page reference in any packet', () => {
    for (const key of layouts.keys()) if (key.startsWith(paper)) expect(layouts.get(key)!.pages.map(pageText).join(' '), key).not.toContain('00000');
  });

  it('sets each cheat sheet on one page, cues at 8 pt or more, head and foot at 7 pt or more, without "Page 1 of 1"', () => {
    for (const level of LEVELS) {
      const sheet = layout(paper, level, 'cheatsheet');
      expect(sheet.pages).toHaveLength(1);
      const page = sheet.pages[0]!;
      const area = body('cheatsheet', page);
      expect(pageText(page)).not.toMatch(/Page \d+ of/);
      for (const t of page.texts.filter((r) => r.y < area.top || r.y > area.bottom)) expect(t.size, `${level} head/foot "${t.text}"`).toBeGreaterThanOrEqual(7);
      // Everything in the page's body, cues and labels included, is 8 pt or more; only the subtitle under the title is smaller.
      const subtitle = lines(page).find((l) => l.text.startsWith('Phrasing cheat sheet'))!;
      const small = page.texts.filter((t) => t.y > area.top && t.y < area.bottom && t.size < 8 && Math.abs(t.y - subtitle.y) > 1);
      expect(small.map((t) => `${t.size.toFixed(2)} pt: ${t.text}`), level).toEqual([]);
    }
  });

  it('uses the cheat sheet page: director and manager sheets end within 10 % of the foot', () => {
    for (const level of ['director', 'manager']) {
      const page = layout(paper, level, 'cheatsheet').pages[0]!;
      expect(blankBelow(page, body('cheatsheet', page)), level).toBeLessThanOrEqual(0.1);
    }
  });

  it('fits each booklet contents on one page', () => {
    for (const level of LEVELS) {
      const booklet = layout(paper, level, 'booklet');
      const contents = pageText(booklet.pages[1]!).replace(/\s+/g, '');
      expect(contents).toMatch(/^.*Contents/);
      // The last entry of the contents is on the contents page.
      expect(contents).toMatch(/Self-assessment\d+Page2of\d+$/);
      expect(booklet.parts[0]).toEqual({ title: 'What interviewers listen for', page: 3 });
    }
  });
});

describe('the running head filled in', () => {
  it('keeps the candidate and interviewer blanks where they are, whatever the length of the names', async () => {
    const templates = scratchDir();
    const bundled = readFileSync(join(ROOT, 'templates', 'scorecard.md.hbs'), 'utf8');
    const long = 'Maximiliana Alexandrova-Oyelaran de la Cruz y Montenegro';
    writeFileSync(join(templates, 'scorecard.md.hbs'), bundled.replace(/^::header .*$/m, `::header Candidate = ${long} | Interviewer = Bo`));
    const out = join(scratchDir(), 'out');
    expect(preppack(['build', '--level', 'manager', '--packet', 'scorecard', '--templates', templates, '--out', out]).code).toBe(0);
    const filled = await readLayout(join(out, 'manager', 'manager-scorecard.pdf'));
    const blank = layout('letter', 'manager', 'scorecard');
    const blanks = (page: PageLayout) => page.paths.filter((p) => p.bottom < body('scorecard', page).top && p.bottom - p.top < 1).map((p) => [Math.round(p.left), Math.round(p.right)]);
    filled.pages.forEach((page, index) => {
      expect(blanks(page), `page ${index + 1}`).toEqual(blanks(blank.pages[0]!));
      const [left, right] = blanks(page)[0]!;
      const name = page.texts.filter((t) => t.y < body('scorecard', page).top && t.x >= left! - 1 && t.x < right!);
      expect(name.map((t) => t.text).join(' ')).toContain('Maximiliana');
      for (const run of name) expect(run.x + run.width, run.text).toBeLessThanOrEqual(right! + 0.5);
    });
  });
});

let dejavu: Font | undefined;
/** The height of a glyph's outline in the bundled font, per point of type size. */
function glyphHeight(char: string): number {
  dejavu ??= openSync(join(ROOT, 'fonts', 'DejaVuSans.ttf')) as Font;
  const glyph = dejavu.glyphForCodePoint(char.codePointAt(0)!);
  return (glyph.bbox.maxY - glyph.bbox.minY) / dejavu.unitsPerEm;
}
