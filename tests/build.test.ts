// `preppack build`: the nine PDFs of the bundled library, read back with pdf-parse.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../src/content/load.js';
import { firstSentence } from '../src/packets/common.js';
import { derivedAnchors } from '../src/packets/anchors.js';
import { questionGuide } from '../src/packets/scorecard.js';
import { aboutTheCandidate, strongListPoints } from '../src/packets/listenFor.js';
import { preppack, ROOT, scratchDir, type CliResult } from './helpers.js';
import { readPdf, squash, type PdfReadBack } from './pdf.js';

const { library } = loadLibrary(join(ROOT, 'content'));
const LEVELS = ['director', 'manager', 'staff'] as const;
const PACKETS = ['booklet', 'scorecard', 'cheatsheet'] as const;
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const questionsOf = (level: string) => library.questions.filter((q) => q.level === level);
const storiesOf = (level: string) => library.stories.filter((s) => s.level === level);
/** Drops Markdown escapes from a content line, leaving what prints. */
const printed = (markdown: string) => markdown.replace(/\\([\\`*_<[\]#>.+-])/g, '$1');
/** Text to compare with what a PDF prints: no blanks, and one form of each quote (print makes straight quotes curly). */
const comparable = (text: string) => squash(text).replace(/[“”"]/g, '"').replace(/[‘’']/g, "'");
/** A content line's sentences, which packets may print apart (a weak-answer remark becomes a note). */
const sentencesOf = (line: string) => line.split(/(?<=[.!?][”"’]?)\s+(?=[A-Z“"‘(])/).filter((s) => s.trim());

let out: string;
let build: CliResult;
const pdfs = new Map<string, PdfReadBack>();

beforeAll(async () => {
  out = join(scratchDir(), 'out');
  build = preppack(['build', '--out', out]);
  for (const level of LEVELS) for (const packet of PACKETS) pdfs.set(`${level}-${packet}`, await readPdf(join(out, level, `${level}-${packet}.pdf`)));
});
const pdf = (level: string, packet: string) => pdfs.get(`${level}-${packet}`)!;

describe('preppack build with no options', () => {
  it('writes the 9 PDFs and the manifest, one printed line each, and exits 0', () => {
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    const lines = build.stdout.trim().split('\n');
    expect(lines).toHaveLength(10);
    for (const level of LEVELS) {
      for (const packet of PACKETS) {
        const path = join(out, level, `${level}-${packet}.pdf`);
        const pages = pdf(level, packet).pages.length;
        expect(lines.some((l) => l.startsWith(path) && new RegExp(`\\s${pages} pages?\\s`).test(l))).toBe(true);
      }
    }
    expect(lines.at(-1)).toMatch(/^9 PDFs, \d+ pages, [\d.]+ KB; manifest /);
    expect(readdirSync(out).sort()).toEqual(['.preppack-run.json', 'director', 'manager', 'manifest.json', 'staff']);
  });

  it('writes a manifest whose pages, bytes and sha256 match the files', () => {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.tool).toEqual({ name: 'preppack', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(manifest.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.paper).toBe('letter');
    expect(manifest.files).toHaveLength(9);
    for (const file of manifest.files) {
      const path = join(out, file.path);
      expect(file.sha256).toBe(sha(path));
      expect(file.bytes).toBe(statSync(path).size);
      expect(file.pages).toBe(pdf(file.level, file.packet).pages.length);
    }
  });

  it('fits every cheat sheet on exactly one page', () => {
    for (const level of LEVELS) expect(pdf(level, 'cheatsheet').pages).toHaveLength(1);
  });

  it('is Letter by default and numbers every page "Page X of Y" but a cover and a one-page sheet', () => {
    for (const [name, document] of pdfs) {
      expect(document.sizes.every((s) => Math.round(s.width) === 612 && Math.round(s.height) === 792)).toBe(true);
      const total = document.pages.length;
      document.pages.forEach((text, index) => {
        if (name.endsWith('booklet') && index === 0) expect(text, `${name} cover`).not.toMatch(/Page \d+ of/);
        else if (total === 1) expect(text, name).not.toMatch(/Page \d+ of/);
        else expect(text, `${name} page ${index + 1}`).toContain(`Page ${index + 1} of ${total}`);
      });
    }
  });

  it('puts the level in the running header and the metadata', () => {
    for (const level of library.levels) {
      for (const packet of PACKETS) {
        const document = pdf(level.id, packet);
        const firstContentPage = packet === 'booklet' ? 1 : 0;
        expect(document.pages[firstContentPage]).toContain(level.title);
        expect(document.info.Title).toContain(level.title);
        expect(document.info.Author).toBe('preppack');
        expect(document.info.Subject).toContain(level.title);
        expect(document.info.Keywords).toContain(`level:${level.id}`);
        expect(document.info.Keywords).toContain(`packet:${packet}`);
      }
    }
  });
});

describe('nothing lost, and only what belongs', () => {
  it('puts every question prompt and story title of the level in its booklet, each with every sentence of its sections', () => {
    for (const level of LEVELS) {
      const booklet = comparable(pdf(level, 'booklet').squashed);
      for (const q of questionsOf(level)) {
        expect(booklet, q.id).toContain(comparable(q.prompt));
        for (const section of Object.values(q.sections)) {
          for (const line of section.markdown.split('\n')) {
            for (const sentence of sentencesOf(printed(line.replace(/^- /, '')))) expect(booklet, `${q.id}: ${sentence}`).toContain(comparable(sentence));
          }
        }
      }
      for (const s of storiesOf(level)) {
        expect(booklet, s.id).toContain(comparable(s.title));
        for (const quote of s.quotes) expect(booklet, quote).toContain(comparable(quote));
        for (const section of Object.values(s.sections)) {
          for (const line of section.markdown.split('\n')) expect(booklet, `${s.id}: ${line}`).toContain(comparable(printed(line.replace(/^(- |\d+\. )/, ''))));
        }
      }
    }
  });

  it('puts every question prompt and every sentence of its strong-answer points on the scoring sheet, said about the candidate', () => {
    for (const level of LEVELS) {
      const sheet = comparable(pdf(level, 'scorecard').squashed);
      for (const q of questionsOf(level)) {
        expect(sheet, q.id).toContain(comparable(q.prompt));
        const points = q.sections.cover ? q.sections.cover.markdown.split('\n').map((l) => l.replace(/^- /, '')) : [];
        for (const point of points) {
          for (const sentence of sentencesOf(printed(point))) {
            // Whole, said about the candidate; or, a sentence listing what good answers include, as those things, one tick box each.
            const whole = sheet.includes(comparable(aboutTheCandidate(sentence)));
            if (!whole) for (const part of strongListPoints(sentence) ?? [aboutTheCandidate(sentence)]) expect(sheet, sentence).toContain(comparable(part));
          }
        }
      }
    }
  });

  it('puts every quote of the level on its cheat sheet, and for the staff level every answer opening', () => {
    for (const level of ['director', 'manager']) {
      const sheet = comparable(pdf(level, 'cheatsheet').squashed);
      for (const s of storiesOf(level)) for (const quote of s.quotes) expect(sheet, quote).toContain(comparable(quote));
    }
    const staff = comparable(pdf('staff', 'cheatsheet').squashed);
    for (const q of questionsOf('staff')) expect(staff, q.id).toContain(comparable(printed(firstSentence(q.sections.example!.markdown))));
  });

  it('puts the calibration line on every level\'s cheat sheet', () => {
    expect(pdf('director', 'cheatsheet').squashed).toContain(squash('If your story sounds like “I supported the security team,” it is too weak.'));
    expect(pdf('manager', 'cheatsheet').squashed).toContain(squash('If your story sounds like “I managed the backlog,” it is probably too thin.'));
    // The staff source has none: content/levels/staff.md carries one written for the level.
    expect(pdf('staff', 'cheatsheet').squashed).toContain(squash('If your answer sounds like “I found the vulnerabilities and filed tickets,” it is too thin.'));
  });

  it('holds nothing of another level', () => {
    for (const level of LEVELS) {
      for (const packet of PACKETS) {
        const text = pdf(level, packet).squashed;
        for (const other of LEVELS.filter((l) => l !== level)) {
          for (const q of questionsOf(other)) expect(text, `${level}-${packet} has ${q.id}`).not.toContain(squash(q.prompt));
          for (const s of storiesOf(other)) for (const quote of s.quotes) expect(text, `${level}-${packet} has a ${other} quote`).not.toContain(squash(quote));
        }
      }
    }
  });

  it('shows no mojibake and no missing-glyph boxes in any PDF', () => {
    for (const document of pdfs.values()) {
      expect(document.squashed).not.toMatch(/โ|€|œ|™|\uFFFD/);
    }
  });
});

describe('the packets on paper', () => {
  it('gives the booklet a cover, contents with page numbers, and bookmarks that mirror the contents', () => {
    const booklet = pdf('manager', 'booklet');
    expect(booklet.pages[0]).toContain('Candidate prep booklet');
    // The edition, labelled: the date of the content's last commit and its short hash.
    expect(booklet.pages[0]).toMatch(/Edition: \d{1,2} [A-Z][a-z]+ 20\d\d · Content version: [0-9a-f]{12}\s·\s+preppack\s+\d+\.\d+\.\d+/);
    expect(booklet.pages[0]).toContain('18 questions · 4 STAR stories · 11 competencies');
    expect(booklet.pages[1]).toContain('Contents');
    expect(booklet.pages[1]).toMatch(/What interviewers listen for\s+3/);
    const top = booklet.outline.map((o) => o.title);
    expect(top).toEqual(['What interviewers listen for', 'Questions', 'STAR stories', 'Calibration note', 'Self-assessment']);
    const questions = booklet.outline.find((o) => o.title === 'Questions')!.items.map((i) => i.title);
    expect(questions).toEqual(questionsOf('manager').map((q) => `${q.number}. ${q.prompt}`));
    const stories = booklet.outline.find((o) => o.title === 'STAR stories')!.items.map((i) => i.title);
    expect(stories).toEqual(storiesOf('manager').map((s) => `Story ${s.number}: ${s.title}`));
  });

  it('pairs each booklet question with at most two stories, the best marked, and says on each story which questions it serves', () => {
    const booklet = pdf('manager', 'booklet');
    const text = booklet.squashed;
    // Q1 (intake and prioritization) has one story sharing its competency.
    expect(text).toMatch(new RegExp(`${squash('Stories that fit→ Best fit: Story 1: Rebuild intake and prioritization after the team became a ticket sink')}\\(${squash('intake and prioritization')}\\)page\\d+2\\.`));
    const refs = text.match(/→(Bestfit:)?Story\d/g) ?? [];
    const questions = questionsOf('manager');
    expect(refs.length).toBeLessThanOrEqual(2 * questions.length);
    // One best fit under each "Stories that fit", and only a story that shares a competency with the question.
    expect(text.match(/→Bestfit:Story\d/g)?.length).toBe(text.match(/Storiesthatfit/g)?.length);
    expect(text.match(/→Bestfit:Story\d/g)?.length).toBeLessThanOrEqual(questions.filter((q) => storiesOf('manager').some((s) => s.competencies.some((c) => q.competencies.includes(c)))).length);
    // Story 1 of the manager level is the best fit for Q1, so it says it serves Q1.
    expect(text).toMatch(/Story1:Rebuildintakeandprioritizationaftertheteambecameaticketsink[^→]*?Usefor:Q1,/);
    // Every page reference was resolved.
    expect(text).not.toContain('00000');
  });

  it('gives the booklet a self-assessment tick box per competency of the level', () => {
    const booklet = pdf('director', 'booklet');
    const last = booklet.pages.at(-1)!;
    expect(last).toContain('Self-assessment');
    const tagged = new Set([...questionsOf('director'), ...storiesOf('director')].flatMap((i) => i.competencies));
    const titles = library.competencies.filter((c) => tagged.has(c.id)).map((c) => c.title);
    for (const title of titles) expect(squash(last)).toContain(squash(`☐ ${title}`));
    expect(last.match(/☐/g)).toHaveLength(titles.length);
  });

  it('gives the scoring sheet its header fields, rating key, rating rows, summary and recommendation', () => {
    const sheet = pdf('manager', 'scorecard');
    const first = squash(sheet.pages[0]!);
    for (const field of ['Candidate:', 'Interviewer:', 'Date:', 'Level:ProductSecurityManager', 'Focus:']) expect(first).toContain(field);
    for (const rating of ['Definitely not', 'No', 'Yes', 'Strong yes']) expect(first).toContain(squash(rating));
    const ratingRows = sheet.squashed.split(squash('☐ Definitely not ☐ No ☐ Yes ☐ Strong yes')).length - 1;
    expect(ratingRows).toBe(questionsOf('manager').length + 1);
    expect(sheet.squashed).toContain(squash('Competency summary'));
    expect(sheet.squashed).toContain(squash('☐ Strong yes ☐ No decision'));
    expect(sheet.squashed).toContain(squash('Key take-aways'));
  });

  it('never splits a question from its rating row on the scoring sheet', () => {
    for (const level of LEVELS) {
      for (const q of questionsOf(level)) {
        const page = pdf(level, 'scorecard').pages.find((p) => squash(p).includes(squash(q.prompt)))!;
        const after = squash(page).slice(squash(page).indexOf(squash(q.prompt)));
        expect(after, `${level} Q${q.number}`).toContain(squash('☐ Definitely not ☐ No ☐ Yes ☐ Strong yes'));
      }
    }
  });
});

describe('what each packet makes of the guidance', () => {
  it('prints weak-answer remarks as a note to avoid in the booklet and a red flag on the scoring sheet, never as a tick box', () => {
    const booklet = pdf('director', 'booklet').squashed;
    expect(booklet).toContain(squash('Avoid A weak answer claims ownership of everything.'));
    expect(booklet).not.toContain(squash('☐ A weak answer'));
    expect(booklet).toContain(squash('☐ Mature leaders design shared ownership deliberately.'));
    const sheet = pdf('director', 'scorecard').squashed;
    expect(sheet).toContain(squash('Red flag A weak answer claims ownership of everything.'));
    expect(sheet).not.toContain(squash('☐ A weak answer'));
    // Interview context is a note, not a box.
    expect(sheet).toContain(squash('Context Interviewers often ask this to probe judgment and self-awareness.'));
    expect(sheet).not.toContain(squash('☐ Interviewers often ask'));
  });

  it('anchors every rating of every question of every level from its listen-for points, never repeating a red flag, on Letter and A4', async () => {
    const a4 = join(scratchDir(), 'a4');
    expect(preppack(['build', '--packet', 'scorecard', '--paper', 'a4', '--out', a4]).code).toBe(0);
    const sheets = [...LEVELS.map((level) => ({ level, sheet: pdf(level, 'scorecard').squashed })), ...(await Promise.all(LEVELS.map(async (level) => ({ level, sheet: (await readPdf(join(a4, level, `${level}-scorecard.pdf`))).squashed }))))];
    for (const { level, sheet } of sheets) {
      const questions = library.questions.filter((q) => q.level === level).sort((a, b) => a.number - b.number);
      questions.forEach((q, i) => {
        const start = sheet.indexOf(squash(`Q${q.number}. ${q.prompt}`));
        const end = i + 1 < questions.length ? sheet.indexOf(squash(`Q${questions[i + 1]!.number}.`), start) : sheet.length;
        const part = sheet.slice(start, end);
        const guide = questionGuide(q);
        const anchors = derivedAnchors(guide.listenFor.length, guide.redFlags.length > 0);
        // The four anchors, under the rating row, in the order of its choices.
        expect(part, q.id).toContain(squash(`Rating ☐ Definitely not ☐ No ☐ Yes ☐ Strong yes ☐ Not assessed ${anchors.join(' ')}`));
        // Each anchor counts out of the question's own listen-for points, every one of which has a tick box.
        if (guide.listenFor.length >= 3) for (const anchor of anchors) expect(anchor).toContain(`${guide.listenFor.length}`);
        for (const point of guide.listenFor) expect(comparable(part), q.id).toContain(comparable(`☐ ${point}`));
        for (const anchor of anchors) for (const flag of guide.redFlags) expect(squash(anchor)).not.toBe(squash(flag));
      });
    }
    // What a strong answer does, where the content says it, is a note of its own.
    expect(pdf('director', 'scorecard').squashed).toContain(squash('Strong answer Mature leaders design shared ownership deliberately.'));
    // With 6 points, as the issue puts it: 0–1, 2–3, 4, 5+; with 4: 0–1, 2, 3, all 4; with 2 the top two differ by examples.
    expect(derivedAnchors(6, false)).toEqual(['0–1 of 6', '2–3 of 6, or general', '4 of 6, own examples', '5+ of 6, own examples']);
    expect(derivedAnchors(4, true)).toEqual(['0–1 of 4, or a red flag', '2 of 4, or general', '3 of 4, own examples', 'All 4, own examples']);
    expect(derivedAnchors(2, false)).toEqual(['0 of 2', '1 of 2, or general', '2 of 2', 'Both, own examples in depth']);
    // The key on page 1 says how they were made.
    for (const { sheet } of sheets) expect(comparable(sheet)).toContain(comparable('They count the listen-for points an answer covers ("4 of 6")'));
  });

  it('says "Why we ask" on a level from a Q&A page, and ticks each thing its guidance lists', () => {
    const sheet = pdf('staff', 'scorecard').squashed;
    expect(sheet).not.toContain('Probes');
    // Said to the interviewer, about the candidate.
    expect(sheet).toContain(squash('Why we ask: to understand their practical threat modeling approach under time pressure.'));
    expect(sheet).not.toContain(squash('Employers ask this question'));
    for (const point of ['Outlines tenant isolation', 'Outlines identity', 'Outlines data encryption', 'Outlines secrets', 'Outlines observability', 'Explains trade‑offs between hard isolation and operational simplicity']) {
      expect(sheet).toContain(squash(`☐ ${point}`));
    }
  });

  it('has no story part, story count or story bookmark for a level without stories: a part to draft one\'s own instead', () => {
    const booklet = pdf('staff', 'booklet');
    expect(booklet.pages[0]).not.toMatch(/STAR stor/);
    expect(booklet.pages[0]).toContain('24 questions · 11 competencies');
    expect(booklet.outline.map((o) => o.title)).toEqual(['What interviewers listen for', 'Questions', 'Calibration note', 'Draft your STAR stories', 'Self-assessment']);
    expect(booklet.squashed).not.toContain(squash('Stories that fit'));
  });
});

describe('same inputs, same bytes', () => {
  it('gives identical files on a second build, and honours SOURCE_DATE_EPOCH', async () => {
    const again = join(scratchDir(), 'out');
    expect(preppack(['build', '--out', again]).code).toBe(0);
    for (const level of LEVELS) for (const packet of PACKETS) {
      const path = join(level, `${level}-${packet}.pdf`);
      expect(sha(join(again, path)), path).toBe(sha(join(out, path)));
    }
    expect(readFileSync(join(again, 'manifest.json'), 'utf8')).toBe(readFileSync(join(out, 'manifest.json'), 'utf8'));

    const dated = join(scratchDir(), 'out');
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    expect(preppack(['build', '--level', 'manager', '--packet', 'cheatsheet', '--out', dated], ROOT, env).code).toBe(0);
    const datedPath = join(dated, 'manager', 'manager-cheatsheet.pdf');
    expect(sha(datedPath)).not.toBe(sha(join(out, 'manager', 'manager-cheatsheet.pdf')));
    expect(String((await readPdf(datedPath)).info.CreationDate)).toContain('20231114');
    const datedAgain = join(scratchDir(), 'out');
    preppack(['build', '--level', 'manager', '--packet', 'cheatsheet', '--out', datedAgain], ROOT, env);
    expect(sha(join(datedAgain, 'manager', 'manager-cheatsheet.pdf'))).toBe(sha(datedPath));
  });
});

describe('build options', () => {
  it('builds chosen levels (by alias) and packets, on A4 (the paper name in any case)', async () => {
    const dir = join(scratchDir(), 'out');
    const result = preppack(['build', '--level', 'vp', '--packet', 'booklet,cheatsheet', '--paper', 'A4', '--out', dir]);
    expect(result.code).toBe(0);
    expect(readdirSync(join(dir, 'director')).sort()).toEqual(['director-booklet.pdf', 'director-cheatsheet.pdf']);
    expect(existsSync(join(dir, 'manager'))).toBe(false);
    const sheet = await readPdf(join(dir, 'director', 'director-cheatsheet.pdf'));
    expect(sheet.sizes.map((s) => [Math.round(s.width), Math.round(s.height)])).toEqual([[595, 842]]);
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).paper).toBe('a4');
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^2 PDFs, \d+ pages, /);
  });

  it('says "1 PDF, 1 page" for a single one-page packet', () => {
    const dir = join(scratchDir(), 'out');
    const result = preppack(['build', '--level', 'staff', '--packet', 'cheatsheet', '--out', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^1 PDF, 1 page, [\d.]+ KB; manifest /);
  });

  it.each([
    [['build', '--level', 'intern'], 'unknown level "intern": the levels are director (vp, principal), manager, staff (staff-engineer), or all'],
    [['build', '--packet', 'poster'], 'unknown packet "poster": the packets are booklet, scorecard, cheatsheet'],
    [['build', '--paper', 'legal'], 'unknown paper "legal": the papers are letter, a4'],
    [['build', '--level'], '--level needs a value'],
    [['build', '--packet', '--level', 'staff'], '--packet needs a value'],
    [['build', '--paper'], 'Not enough arguments following: paper'],
  ])('exits 2 on %j, saying what is valid, and writes nothing', (args, message) => {
    const dir = join(scratchDir(), 'out');
    const result = preppack([...args, '--out', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(existsSync(dir)).toBe(false);
  });
});
