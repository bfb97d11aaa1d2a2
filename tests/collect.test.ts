// `preppack collect`: a loop's sheets filled as a form filler fills them
// (pdf-lib, and pdf.js's own save, as Firefox does), read back into
// ratings.csv, ratings.json and debrief-summary.pdf; and every pile that does
// not belong refused, naming the file, with nothing written.
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { collectRatings } from '../src/collect/collect.js';
import { sheetInputs } from '../src/commands/collect.js';
import { csvCell } from '../src/collect/ratingsFiles.js';
import { krippendorffAlpha } from '../src/collect/krippendorff.js';
import { outputOf, preppack, scratchDir, STACK_TRACE } from './helpers.js';
import { readPdf, squash } from './pdf.js';

const RATINGS = ['definitely-not', 'no', 'yes', 'strong-yes'];
const LABELS = ['Definitely not', 'No', 'Yes', 'Strong yes'];
const INTERVIEWERS = ['Sam', 'Kai', 'Ria'];

/** A fillable manager panel of three for Alex Doe, seed 7; its folder. */
function panel(extra: string[] = [], candidate = 'Alex Doe', seed = '7'): string {
  const out = outputOf(['panel', '--level', 'manager', '--candidate', candidate, '--interviewers', INTERVIEWERS.join(','), '--seed', seed, '--fillable', '--out', '{out}', ...extra]);
  return join(out, 'panels', candidate.toLowerCase().replace(/\s+/g, '-'));
}

const sheetOf = (folder: string, name: string) => join(folder, `${name.toLowerCase()}-scorecard.pdf`);

/** The rating each interviewer gives their k-th question: a fixed pattern, different per interviewer. */
const planned = (interviewer: number, k: number) => (interviewer * 2 + k) % 4;

/** Fills a sheet with pdf-lib: ratings by `planned`, evidence naming the question, the overall; the last question left unrated when asked. */
async function fillWithPdfLib(path: string, interviewer: number, leaveLastUnrated = false): Promise<Map<number, string | null>> {
  const document = await PDFDocument.load(readFileSync(path));
  const form = document.getForm();
  const numbers = form
    .getFields()
    .map((f) => /^q(\d+)\.rating$/.exec(f.getName())?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  const given = new Map<number, string | null>();
  numbers.forEach((number, k) => {
    if (leaveLastUnrated && k === numbers.length - 1) {
      given.set(number, null);
      return;
    }
    form.getRadioGroup(`q${number}.rating`).select(RATINGS[planned(interviewer, k)]!);
    form.getTextField(`q${number}.evidence`).setText(`Q${number} by ${INTERVIEWERS[interviewer]}: "owners", =1+1`);
    given.set(number, LABELS[planned(interviewer, k)]!);
  });
  form.getRadioGroup('overall').select(RATINGS[interviewer + 1]!);
  writeFileSync(path, await document.save());
  return given;
}

/** Fills a sheet as Firefox does: pdf.js's annotation storage, saved by pdf.js. */
async function fillWithPdfJs(path: string, interviewer: number): Promise<Map<number, string | null>> {
  const document = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  const objects = (await document.getFieldObjects()) as Record<string, { id: string; type: string; exportValues?: string }[]>;
  const given = new Map<number, string | null>();
  const numbers = Object.keys(objects)
    .map((name) => /^q(\d+)\.rating$/.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  numbers.forEach((number, k) => {
    // pdf.js names a button by its appearance state, the choice's place in the group ("2"), as the PDF's /Opt says.
    const choice = String(planned(interviewer, k));
    for (const button of objects[`q${number}.rating`]!) document.annotationStorage.setValue(button.id, { value: button.exportValues === choice });
    const evidence = objects[`q${number}.evidence`]!.find((o) => o.type === 'text')!;
    document.annotationStorage.setValue(evidence.id, { value: `Q${number} typed in Firefox` });
    given.set(number, LABELS[planned(interviewer, k)]!);
  });
  for (const button of objects.overall!) document.annotationStorage.setValue(button.id, { value: button.exportValues === '1' });
  writeFileSync(path, await document.saveDocument());
  await document.destroy();
  return given;
}

interface Row {
  candidate: string;
  level: string;
  interviewer: string;
  question_id: string;
  question_number: string;
  competencies: string;
  rating: string;
  evidence: string;
}

describe('collect on a filled loop', () => {
  it('writes every rating to ratings.csv and ratings.json, flags disagreements and unrated questions, and sums it up on one page', async () => {
    const folder = panel();
    const given = new Map<string, Map<number, string | null>>();
    given.set('Sam', await fillWithPdfLib(sheetOf(folder, 'Sam'), 0));
    given.set('Kai', await fillWithPdfJs(sheetOf(folder, 'Kai'), 1));
    given.set('Ria', await fillWithPdfLib(sheetOf(folder, 'Ria'), 2, true));

    const result = preppack(['collect', folder]);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.code, result.stderr).toBe(0);
    const rows = parseCsv(readFileSync(join(folder, 'ratings.csv')), { columns: true, bom: true }) as Row[];
    expect(result.stdout).toContain(`${rows.filter((r) => r.rating).length} of ${rows.length} ratings filled in, from 3 sheets of 1 loop`);
    for (const [interviewer, ratings] of given) {
      for (const [number, rating] of ratings) {
        const row = rows.find((r) => r.interviewer === interviewer && r.question_number === String(number));
        expect(row, `${interviewer} Q${number}`).toBeDefined();
        expect(row!.rating, `${interviewer} Q${number}`).toBe(rating ?? '');
        expect(row!.candidate).toBe('Alex Doe');
        expect(row!.level).toBe('manager');
        expect(row!.question_id).toMatch(new RegExp(`^manager-${String(number).padStart(2, '0')}-`));
        expect(row!.competencies.length).toBeGreaterThan(0);
        if (rating && interviewer !== 'Kai') expect(row!.evidence).toBe(`Q${number} by ${interviewer}: "owners", =1+1`);
        if (interviewer === 'Kai') expect(row!.evidence).toBe(`Q${number} typed in Firefox`);
      }
    }
    // The overall recommendation of each, as a row of its own.
    expect(rows.filter((r) => r.question_id === 'overall').map((r) => [r.interviewer, r.rating])).toEqual([
      ['Sam', 'No'],
      ['Kai', 'No'],
      ['Ria', 'Strong yes'],
    ]);

    // Disagreements: two interviewers two or more steps apart on one competency, computed here by hand from the rows.
    const json = JSON.parse(readFileSync(join(folder, 'ratings.json'), 'utf8'));
    const steps = (label: string) => LABELS.indexOf(label);
    const byCompetency = new Map<string, { interviewer: string; score: number }[]>();
    for (const row of rows.filter((r) => r.question_id !== 'overall' && r.rating)) {
      for (const title of row.competencies.split('; ')) {
        if (!byCompetency.has(title)) byCompetency.set(title, []);
        byCompetency.get(title)!.push({ interviewer: row.interviewer, score: steps(row.rating) });
      }
    }
    const split = [...byCompetency].filter(([, rs]) => rs.some((a) => rs.some((b) => a.interviewer !== b.interviewer && a.score - b.score >= 2))).map(([title]) => title);
    expect(split.length).toBeGreaterThan(0);
    expect(json.loops[0].disagreements.map((d: { title: string }) => d.title).sort()).toEqual([...split].sort());
    // Ria left her last question unrated: reported, not guessed.
    const riaLast = [...given.get('Ria')!].find(([, r]) => r === null)![0];
    expect(json.loops[0].unrated).toEqual([{ interviewer: 'Ria', questions: [riaLast] }]);
    expect(json.loops[0].missing).toEqual([]);

    // The summary: one page, the split competencies and the unrated question named first.
    const summary = await readPdf(join(folder, 'debrief-summary.pdf'));
    expect(summary.pages).toHaveLength(1);
    for (const title of split) expect(summary.squashed).toContain(squash(`Split on ${title}:`));
    expect(summary.squashed).toContain(squash(`Ria left unrated Q${riaLast}.`));
    expect(summary.squashed).toContain(squash('Overall recommendation N N SY'));

    // --json and the library give the same data.
    const viaJson = preppack(['collect', folder, '--json']);
    expect(viaJson.code).toBe(0);
    const library = await collectRatings(await sheetInputs([folder]));
    expect(JSON.parse(viaJson.stdout).ratings).toEqual(library.rows);
    expect(JSON.parse(viaJson.stdout).ratings).toEqual(json.ratings);
  });

  it('names a panel member whose sheet is missing, and a competency nobody assessed', async () => {
    const folder = panel();
    rmSync(sheetOf(folder, 'Ria'));
    await fillWithPdfLib(sheetOf(folder, 'Sam'), 0);
    const document = await PDFDocument.load(readFileSync(sheetOf(folder, 'Kai')));
    for (const field of document.getForm().getFields()) if (/^q\d+\.rating$/.test(field.getName())) document.getForm().getRadioGroup(field.getName()).select('not-assessed');
    writeFileSync(sheetOf(folder, 'Kai'), await document.save());
    expect(preppack(['collect', folder]).code).toBe(0);
    const json = JSON.parse(readFileSync(join(folder, 'ratings.json'), 'utf8'));
    expect(json.loops[0].missing).toEqual(['Ria']);
    expect(json.loops[0].unassessed.length).toBeGreaterThan(0);
    const summary = await readPdf(join(folder, 'debrief-summary.pdf'));
    expect(summary.squashed).toContain(squash('No sheet from Ria.'));
    expect(summary.squashed).toContain(squash('Nobody assessed'));
  });
});

describe('collect refuses a pile that does not belong, naming the file, writing nothing', () => {
  const refused = (folder: string, file: string, message: string) => {
    const result = preppack(['collect', folder]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.stderr).toContain(`${file}:1: ${message}`);
    for (const name of ['ratings.csv', 'ratings.json', 'debrief-summary.pdf']) expect(existsSync(join(folder, name)), name).toBe(false);
  };

  it('a sheet of another candidate', () => {
    const folder = panel();
    const other = panel([], 'Bo Lind');
    const stray = join(folder, 'bo-sam.pdf');
    copyFileSync(sheetOf(other, 'Sam'), stray);
    refused(folder, stray, 'a sheet of another candidate: Bo Lind');
  });

  it('a sheet of another edition of the questions', () => {
    const folder = panel();
    const other = panel([], 'Alex Doe', '8');
    const stray = join(folder, 'sam-seed-8.pdf');
    copyFileSync(sheetOf(other, 'Sam'), stray);
    refused(folder, stray, 'a sheet of another edition of the questions (content');
  });

  it('two sheets of one interviewer', () => {
    const folder = panel();
    const twin = join(folder, 'sam-again.pdf');
    copyFileSync(sheetOf(folder, 'Sam'), twin);
    refused(folder, twin, 'a second sheet of Sam (the first: ');
  });

  it('a PDF that is not a preppack sheet', () => {
    const folder = panel();
    const notes = join(scratchDir(), 'notes.md');
    writeFileSync(notes, '# Notes\n\nNot a sheet.\n');
    const out = scratchDir();
    expect(preppack(['render', notes, '--out', out]).code).toBe(0);
    // A PDF preppack made that is not a sheet, named on its own: refused. (In a loop's folder, preppack's own plan and debrief sheet are passed over.)
    const rendered = join(out, 'notes.pdf');
    const alone = preppack(['collect', rendered]);
    expect(alone.code).toBe(1);
    expect(alone.stderr).toContain(`${rendered}:1: not a sheet to collect: it is not a preppack scoring sheet`);
    // A PDF of another program, and a file that is not a PDF at all, in the loop's folder.
    const foreign = join(folder, 'foreign.pdf');
    writeFileSync(foreign, '%PDF-1.7\nnot really\n');
    refused(folder, foreign, 'not a sheet to collect: it is not a PDF that can be read');
  });
});

describe('ratings.csv cells', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "yes"', '"say ""yes"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['-2 on scope', "'-2 on scope"],
    ['@cmd', "'@cmd"],
  ])('%j → %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('collect over a roster: calibration', () => {
  it('reports, per interviewer, ratings, spread, mean difference from colleagues and how often two steps apart, and the agreement of all, as computed here by hand', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `- candidate: Candidate ${i + 1}\n  level: manager\n  interviewers: [Sam, Kai, Ria]\n  date: 2026-12-${String(i + 1).padStart(2, '0')}\n  seed: ${i + 1}\n`);
    const roster = join(scratchDir(), 'loops.yaml');
    writeFileSync(roster, rows.join(''));
    const out = join(scratchDir(), 'out');
    expect(preppack(['panel', '--roster', roster, '--fillable', '--out', out]).code).toBe(0);
    // Sam rates a step above the pattern, Ria a step below; every seventh question not assessed.
    const shift: Record<string, number> = { Sam: 1, Kai: 0, Ria: -1 };
    for (let loop = 0; loop < 20; loop++) {
      for (const name of INTERVIEWERS) {
        const path = sheetOf(join(out, 'panels', `candidate-${loop + 1}`), name);
        const document = await PDFDocument.load(readFileSync(path));
        const form = document.getForm();
        for (const field of form.getFields()) {
          const number = Number(/^q(\d+)\.rating$/.exec(field.getName())?.[1] ?? NaN);
          if (Number.isNaN(number)) continue;
          const score = Math.max(0, Math.min(3, ((number + loop) % 4) + shift[name]!));
          form.getRadioGroup(field.getName()).select((number + loop) % 7 === 0 ? 'not-assessed' : RATINGS[score]!);
        }
        writeFileSync(path, await document.save());
      }
    }
    const result = preppack(['collect', join(out, 'panels')]);
    expect(result.code, result.stderr).toBe(0);
    const calibration = JSON.parse(readFileSync(join(out, 'panels', 'calibration.json'), 'utf8'));
    expect(calibration.loops).toBe(20);

    // By hand, from the twenty ratings.csv files.
    const all = Array.from({ length: 20 }, (_, i) => parseCsv(readFileSync(join(out, 'panels', `candidate-${i + 1}`, 'ratings.csv')), { columns: true }) as Row[]).flat();
    const rated = all.filter((r) => r.question_id !== 'overall');
    const units = new Map<string, Map<string, number[]>>();
    for (const row of rated.filter((r) => LABELS.includes(r.rating))) {
      for (const title of row.competencies.split('; ')) {
        const key = `${row.candidate}/${title}`;
        if (!units.has(key)) units.set(key, new Map());
        const unit = units.get(key)!;
        unit.set(row.interviewer, [...(unit.get(row.interviewer) ?? []), LABELS.indexOf(row.rating)]);
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
    const shared = [...units.values()].map((unit) => new Map([...unit].map(([name, scores]) => [name, median(scores)]))).filter((unit) => unit.size >= 2);
    for (const name of INTERVIEWERS) {
      const mine = rated.filter((r) => r.interviewer === name);
      const figures = calibration.interviewers.find((i: { interviewer: string }) => i.interviewer === name);
      expect(figures.ratings, name).toBe(mine.filter((r) => LABELS.includes(r.rating)).length);
      expect(figures.distribution, name).toEqual([...LABELS.map((label) => mine.filter((r) => r.rating === label).length), mine.filter((r) => r.rating === 'Not assessed').length]);
      const theirs = shared.filter((unit) => unit.has(name));
      const offsets = theirs.map((unit) => {
        const others = [...unit].filter(([other]) => other !== name).map(([, v]) => v);
        return unit.get(name)! - others.reduce((a, b) => a + b, 0) / others.length;
      });
      expect(figures.meanOffset, name).toBeCloseTo(offsets.reduce((a, b) => a + b, 0) / offsets.length, 9);
      expect(figures.shared).toBe(theirs.length);
      expect(figures.apart).toBe(theirs.filter((unit) => [...unit].some(([other, v]) => other !== name && Math.abs(v - unit.get(name)!) >= 2)).length);
    }
    // The generous one rates above the rest, the harsh one below.
    const offset = (name: string) => calibration.interviewers.find((i: { interviewer: string }) => i.interviewer === name).meanOffset;
    expect(offset('Sam')).toBeGreaterThan(0.5);
    expect(offset('Ria')).toBeLessThan(-0.5);
    expect(calibration.units).toBe(shared.length);
    expect(calibration.alpha).toBeCloseTo(krippendorffAlpha(shared.map((unit) => [...unit.values()]), 'ordinal')!, 9);

    // The page: one, with each interviewer and the agreement figure.
    const page = await readPdf(join(out, 'panels', 'calibration.pdf'));
    expect(page.pages).toHaveLength(1);
    expect(page.squashed).toContain(squash(`20 loops · 3 interviewers`));
    expect(page.squashed).toContain(squash(`Krippendorff's α, ordinal) ${calibration.alpha.toFixed(3)}`).replace("'", '’'));
    for (const name of INTERVIEWERS) expect(page.squashed).toContain(name);
  }, 180_000);
});
