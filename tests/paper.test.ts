// The packets as they look on paper, Letter and A4: where the text ends on
// each page, what size things are printed at, what sits in the running head.
// Everything is read back from the PDFs with pdf.js positions.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSync, type Font } from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../src/content/load.js';
import { questionCue } from '../src/packets/cues.js';
import { preppack, ROOT, scratchDir } from './helpers.js';
import { blankBelow, lines, pageText, readLayout, type Body, type Layout, type PageLayout } from './layout.js';

const PAPERS = ['letter', 'a4'] as const;
const LEVELS = ['director', 'manager', 'staff'] as const;
const { library } = loadLibrary(join(ROOT, 'content'));
const theme = JSON.parse(readFileSync(join(ROOT, 'templates', 'theme.json'), 'utf8'));
const questionsOf = (level: string) => library.questions.filter((q) => q.level === level);

/** The space between one question's anchors and the next prompt, at most. */
const QUESTION_GAP = 14;

/** A question on a scoring-sheet page: its number, its height from prompt to anchors, and its evidence lines (the rules of the right-hand column between its prompt and its rating row). */
function questionBlocks(page: PageLayout): { number: number; height: number; evidenceLines: number }[] {
  const all = lines(page);
  const prompts = all.filter((l) => /^Q\d+\. /.test(l.text));
  return prompts.map((prompt) => {
    const rating = all.find((l) => l.y > prompt.y && /^Rating (☐ )?Definitely not/.test(l.text))!;
    const anchors = all.find((l) => l.y > rating.y)!;
    const rules = page.paths.filter((p) => p.bottom - p.top < 1 && p.right - p.left > 100 && p.left > page.width / 2 - 20 && p.top > prompt.y && p.top < rating.y);
    return { number: Number(/^Q(\d+)/.exec(prompt.text)![1]), height: anchors.y + anchors.size - prompt.y + prompt.size, evidenceLines: rules.length };
  });
}

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
});

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

  it('fills scoring-sheet pages by moving whole questions: no page leaves blank what the next page\'s first question needs', () => {
    for (const level of LEVELS) {
      const sheet = layout(paper, level, 'scorecard');
      const questionPages = sheet.pages.filter((page) => questionBlocks(page).length > 0);
      expect(questionPages.length).toBeGreaterThan(1);
      questionPages.slice(0, -1).forEach((page, i) => {
        const area = body('scorecard', page);
        const blank = blankBelow(page, area) * (area.bottom - area.top);
        const next = questionBlocks(questionPages[i + 1]!)[0]!;
        // The next question would need its own height and the space that parts two questions.
        expect(blank, `${level}: the foot of the page before Q${next.number}`).toBeLessThan(next.height + QUESTION_GAP);
      });
    }
  });

  it('gives every question of a scoring sheet the same number of evidence lines, give or take one, and at least six; take-aways at least six', () => {
    for (const level of LEVELS) {
      const counts = layout(paper, level, 'scorecard').pages.flatMap((page) => questionBlocks(page).map((q) => q.evidenceLines));
      expect(counts).toHaveLength(questionsOf(level).length);
      expect(Math.min(...counts), level).toBeGreaterThanOrEqual(6);
      expect(Math.max(...counts) - Math.min(...counts), `${level}: ${counts.join(' ')}`).toBeLessThanOrEqual(1);
      const last = layout(paper, level, 'scorecard').pages.at(-1)!;
      const heading = lines(last).find((l) => /^Key take-\s?aways$/.test(l.text));
      expect(heading, level).toBeDefined();
      expect(last.paths.filter((p) => p.bottom - p.top < 1 && p.right - p.left > 300 && p.top > heading!.y).length, level).toBeGreaterThanOrEqual(6);
    }
  });

  it('fits the staff scoring sheet (24 questions, 6 evidence lines and anchors each) in 12 pages, in body text of 9 pt or more', () => {
    const sheet = layout(paper, 'staff', 'scorecard');
    // Three questions to most pages: 1 on page 1, 23 on 8–10 more, the summary on the last.
    expect(sheet.pages.length).toBeLessThanOrEqual(12);
    // Q1's guidance lists three things to show: three boxes, in the source's words, said about the candidate.
    const printed = sheet.pages.map(pageText).join('\n').replace(/\s+/g, '');
    for (const point of ['Shows a lightweight framework (e.g., STRIDE) adapted for speed', 'Shows how they partner with product/engineering', 'Shows how they translate findings into clear, prioritized']) {
      expect(printed).toContain(`☐${point.replace(/\s+/g, '')}`);
    }
    // On the question pages, only the competency line under each prompt, the anchors under each rating row (7.5 pt) and the rating key's header are set smaller than 9 pt.
    const titles = library.competencies.map((c) => c.title);
    for (const page of sheet.pages.filter((p) => lines(p).some((l) => /^Q\d+\. /.test(l.text)))) {
      const area = body('scorecard', page);
      for (const line of lines(page).filter((l) => l.y > area.top && l.y < area.bottom)) {
        const runs = page.texts.filter((t) => Math.abs(t.y - line.y) < 1.5 && t.size < 9 && t.text.trim() !== '☐');
        if (runs.length === 0 || line.text === 'Rating What it means') continue;
        // The anchors: the line or two under a rating row.
        const above = lines(page).filter((l) => l.y < line.y).slice(-2);
        if (above.some((l) => /^Rating (☐ )?Definitely not/.test(l.text))) {
          expect(Math.min(...runs.map((r) => r.size)), line.text).toBeGreaterThanOrEqual(7.5);
          continue;
        }
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

  it('sets the competency summary with rating headers wrapped at their spaces, a wide competency column and a row per competency the questions cover', () => {
    for (const level of LEVELS) {
      const sheet = layout(paper, level, 'scorecard');
      const page = sheet.pages.find((p) => pageText(p).includes('Competency summary'))!;
      // The rating headers wrap between words, never inside one, so the competency column keeps half the width.
      const texts = lines(page).map((l) => l.text);
      const at = texts.indexOf('Competency Definitely No Yes Strong Not');
      expect(at, level).toBeGreaterThan(-1);
      expect(texts[at + 1]).toBe('not yes assessed');
      const header = lines(page)[at + 1]!;
      const firstBox = page.texts.find((t) => t.text.trim() === '☐' && t.y > header.y)!;
      expect(firstBox.x, level).toBeGreaterThan(page.width / 2 - 20);
      // The competency column: what is printed left of the first tick box, below the headers.
      const firstRating = firstBox;
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

  it('sets each cheat sheet on one page: body 8.5 pt or more, nothing under 7 pt, without "Page 1 of 1"', () => {
    for (const level of LEVELS) {
      const sheet = layout(paper, level, 'cheatsheet');
      expect(sheet.pages).toHaveLength(1);
      const page = sheet.pages[0]!;
      const area = body('cheatsheet', page);
      expect(pageText(page)).not.toMatch(/Page \d+ of/);
      for (const t of page.texts) expect(t.size, `${level} "${t.text}"`).toBeGreaterThanOrEqual(7);
      // Everything in the page's body, cues and labels included, is 8.5 pt or more; only the subtitle under the title is smaller.
      const subtitle = lines(page).find((l) => l.text.startsWith('Phrasing cheat sheet'))!;
      const small = page.texts.filter((t) => t.y > area.top && t.y < area.bottom && t.size < 8.5 && Math.abs(t.y - subtitle.y) > 1);
      expect(small.map((t) => `${t.size.toFixed(2)} pt: ${t.text}`), level).toEqual([]);
    }
  });

  it('names every question of a cheat sheet in whole words, and never parts a story reference across lines', () => {
    for (const level of LEVELS) {
      const page = layout(paper, level, 'cheatsheet').pages[0]!;
      const text = pageText(page);
      // Nothing cut: no label or cue ends in an ellipsis.
      expect(text, level).not.toContain('…');
      expect(new Set(text.match(/\bQ\d+(?= )/g)).size, level).toBe(questionsOf(level).length);
      // "(Stories 2, 1)" is one unit: every opening has its closing on the same line.
      const references = page.texts.filter((t) => t.text.includes('(Stor'));
      if (level !== 'staff') expect(references.length, level).toBeGreaterThan(5);
      for (const t of references) expect(t.text.trim(), level).toMatch(/^\(Stor(?:y|ies)\s[\d,\s]+\)$/);
    }
  });

  it('gives every question of every cheat sheet its cue, whole: the authored `cue:`, else the source\'s opening', () => {
    for (const level of LEVELS) {
      // Compared without spaces and quotes: the page sets straight quotes curly.
      const plain = (value: string) => value.replace(/[\s“”‘’"']/g, '');
      const page = layout(paper, level, 'cheatsheet').pages[0]!;
      // Column by column: a cue that wraps goes on in its own column, not across the page.
      const column = (left: boolean) => pageText({ ...page, texts: page.texts.filter((t) => t.x < page.width / 2 === left) });
      const text = plain(column(true) + column(false));
      expect(text, level).toMatch(/Acueforeachquestion|Openinglinesforeachquestion/);
      for (const q of questionsOf(level)) {
        const cue = questionCue(q)!;
        expect(cue, q.id).toBeTruthy();
        expect(text, `${level} Q${q.number}: ${cue}`).toContain(plain(cue));
      }
    }
  });

  it('uses the cheat sheet page: director and manager sheets end within 10 % of the foot', () => {
    for (const level of ['director', 'manager']) {
      const page = layout(paper, level, 'cheatsheet').pages[0]!;
      expect(blankBelow(page, body('cheatsheet', page)), level).toBeLessThanOrEqual(0.1);
    }
  });

  it('sets booklet body text at a comfortable measure: 60 to 80 characters a line (90th percentile)', () => {
    for (const level of LEVELS) {
      const booklet = layout(paper, level, 'booklet');
      const size = theme.packets.booklet.fontSize;
      // Body lines: the body's type size, after the cover and the contents.
      const lengths = booklet.pages.slice(2).flatMap((page) => lines(page).filter((l) => Math.abs(l.size - size) < 0.05).map((l) => [...l.text].length)).sort((a, b) => a - b);
      expect(lengths.length, level).toBeGreaterThan(150);
      const p90 = lengths[Math.floor(0.9 * lengths.length)]!;
      expect(p90, `${level} booklet`).toBeGreaterThanOrEqual(60);
      expect(p90, `${level} booklet`).toBeLessThanOrEqual(80);
    }
  });

  it('never opens a booklet page with the tail of a question: its stories that fit or its answer example', () => {
    for (const level of LEVELS) {
      const booklet = layout(paper, level, 'booklet');
      booklet.pages.forEach((page, index) => {
        const first = lines(page).find((l) => l.y > body('booklet', page).top);
        expect(first?.text ?? '', `${level} booklet page ${index + 1}`).not.toMatch(/^(Stories that fit|Answer example|→)/);
      });
    }
  });

  it('never leaves one word alone on the last line of a heading or of a story that fits', () => {
    let wrapped = 0;
    for (const level of LEVELS) {
      for (const page of layout(paper, level, 'booklet').pages) {
        const all = lines(page);
        const size = theme.packets.booklet.fontSize;
        all.forEach((first, i) => {
          const row = first.text.startsWith('→');
          const heading = first.size > size + 1;
          // Where a row or a heading begins: not the line under another of its kind.
          const previous = all[i - 1];
          if (!(row || (heading && !(previous && Math.abs(previous.size - first.size) < 0.05 && first.y - previous.y < 1.6 * first.size)))) return;
          // Its own lines: those right under it, in its type, up to the next row or heading.
          const own: string[] = [];
          for (let k = i + 1, above = first; k < all.length; above = all[k]!, k++) {
            const next = all[k]!;
            if (next.text.startsWith('→') || Math.abs(next.size - first.size) >= 0.05 || next.y - above.y >= 1.6 * first.size) break;
            own.push(next.text);
          }
          if (own.length === 0) return;
          wrapped += 1;
          expect(own.at(-1)!.split(/\s+/).length, `${level}: ${first.text} / ${own.join(' / ')}`).toBeGreaterThanOrEqual(2);
        });
      }
    }
    // Many headings and rows wrap at this measure: the check has lines to look at.
    expect(wrapped).toBeGreaterThan(40);
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
