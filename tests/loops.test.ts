// Interview loops: personal scoring sheets, seeded question sets, panels,
// rosters and fillable sheets, read back from what the CLI wrote.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../src/content/load.js';
import { pickQuestions } from '../src/loops/questionSet.js';
import { questionGuide } from '../src/packets/scorecard.js';
import { preppack, ROOT, scratchDir, STACK_TRACE } from './helpers.js';
import { readPdf, squash, type PdfReadBack } from './pdf.js';

const { library } = loadLibrary(join(ROOT, 'content'));
const bank = (level: string) => library.questions.filter((q) => q.level === level);
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
/** The questions a scoring sheet asks, by number, from its prompts. */
const asked = (sheet: PdfReadBack, level: string) => bank(level).filter((q) => sheet.squashed.includes(squash(`Q${q.number}. ${q.prompt}`)));

describe('a personal scoring sheet', () => {
  it('prints the candidate, interviewer, date and focus, asks a seeded set of questions, and says the seed on every page', async () => {
    const out = join(scratchDir(), 'out');
    const args = ['build', '--level', 'manager', '--packet', 'scorecard', '--candidate', 'José Ñúñez', '--interviewer', 'Sam Lee', '--date', '2026-12-01', '--focus', 'Intake and risk', '--questions', '6', '--seed', '7', '--out', out];
    const result = preppack(args);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readdirSync(join(out, 'manager'))).toEqual(['josé-ñúñez-scorecard.pdf']);
    const path = join(out, 'manager', 'josé-ñúñez-scorecard.pdf');
    const sheet = await readPdf(path);
    const hash = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).files[0].content.slice(0, 12);
    sheet.pages.forEach((page, index) => {
      expect(squash(page), `page ${index + 1}`).toContain(squash('Candidate: José Ñúñez'));
      expect(squash(page)).toContain(squash('Interviewer: Sam Lee'));
      expect(squash(page)).toContain(squash(`Questions picked with seed 7 from content ${hash}`));
    });
    expect(sheet.squashed).toContain(squash('Date: 1 December 2026'));
    expect(sheet.squashed).toContain(squash('Focus: Intake and risk'));
    expect(sheet.squashed).toContain(squash('6 of 18 questions'));
    const questions = asked(sheet, 'manager');
    expect(questions).toHaveLength(6);
    // The same library and seed: the same questions, the same bytes.
    const again = join(scratchDir(), 'out');
    expect(preppack([...args.slice(0, -1), again]).code).toBe(0);
    expect(sha(join(again, 'manager', 'josé-ñúñez-scorecard.pdf'))).toBe(sha(path));
    // Another seed, another set.
    const other = join(scratchDir(), 'out');
    expect(preppack([...args.slice(0, -3), '8', '--out', other]).code).toBe(0);
    expect(asked(await readPdf(join(other, 'manager', 'josé-ñúñez-scorecard.pdf')), 'manager').map((q) => q.number)).not.toEqual(questions.map((q) => q.number));
  });

  it('keeps the file in the output folder whatever the name holds', () => {
    const out = join(scratchDir(), 'out');
    expect(preppack(['build', '--level', 'staff', '--packet', 'scorecard', '--candidate', '../../etc/pass wd', '--out', out]).code).toBe(0);
    expect(readdirSync(join(out, 'staff'))).toEqual(['etc-pass-wd-scorecard.pdf']);
  });

  it.each([
    [['--candidate', '...'], 'the candidate name "..." has no letter or digit to make a file name from'],
    [['--candidate', '///'], 'the candidate name "///" has no letter or digit to make a file name from'],
    [['--candidate', 'Alex', '--date', '2026-02-30'], '--date: "2026-02-30" is not a day of the calendar'],
    [['--candidate', 'Alex', '--date', '1/12/2026'], '--date: "1/12/2026" is not a date: write it as YYYY-MM-DD'],
    [['--seed', '3'], '--seed picks the question set of --questions N: give --questions too'],
    [['--questions', '19'], '--questions 19: level "manager" has 18 questions'],
    [['--questions', '0'], '--questions must be 1 or more, not 0'],
    [['--questions', '4', '--seed', 'seven'], '--seed: the seed must be a whole number, not "seven"'],
    [['--questions', '4', '--seed', '1.5'], '--seed: the seed must be a whole number, not "1.5"'],
  ])('exits 2 on %j, saying why, and writes nothing', (extra, message) => {
    const out = join(scratchDir(), 'out');
    const result = preppack(['build', '--level', 'manager', '--packet', 'scorecard', ...extra, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(existsSync(out)).toBe(false);
  });

  it('is for the scoring sheet of one level', () => {
    const booklet = preppack(['build', '--level', 'manager', '--candidate', 'Alex', '--out', join(scratchDir(), 'out')]);
    expect(booklet.code).toBe(2);
    expect(booklet.stderr).toContain('make a personal scoring sheet: use them with --packet scorecard');
    const levels = preppack(['build', '--packet', 'scorecard', '--candidate', 'Alex', '--out', join(scratchDir(), 'out')]);
    expect(levels.code).toBe(2);
    expect(levels.stderr).toContain('a personal scoring sheet is for one level');
  });
});

describe('a seeded question set', () => {
  const competencies = (level: string) => new Set(bank(level).flatMap((q) => q.competencies));

  it('covers every competency once before any twice', () => {
    for (const level of ['director', 'manager', 'staff']) {
      for (const seed of [1, 7, 42, -3]) {
        const picked = pickQuestions(bank(level), { count: bank(level).length, seed });
        // The first round: every competency that has a question, and none of them twice.
        const firstRound: string[] = [];
        for (const q of picked) {
          if (competencies(level).size === new Set(firstRound).size) break;
          firstRound.push(...q.competencies);
        }
        expect(new Set(firstRound).size, `${level} seed ${seed}`).toBe(competencies(level).size);
        expect(new Set(picked.map((q) => q.id)).size).toBe(picked.length);
      }
    }
  });

  it('covers the level\'s core first: the staff sheet of 6 questions has every competency with two or more questions, for seeds 1–50', () => {
    const core = [...competencies('staff')].filter((c) => bank('staff').filter((q) => q.competencies.includes(c)).length >= 2);
    expect(core).toEqual(expect.arrayContaining(['security-architecture', 'secure-delivery']));
    for (let seed = 1; seed <= 50; seed++) {
      const covered = new Set(pickQuestions(bank('staff'), { count: 6, seed }).flatMap((q) => q.competencies));
      for (const c of core) expect(covered.has(c), `seed ${seed} leaves out ${c}`).toBe(true);
    }
  });

  it('covers the staff core on the printed sheet of `build --questions 6 --seed 3`', async () => {
    const out = join(scratchDir(), 'out');
    expect(preppack(['build', '--level', 'staff', '--packet', 'scorecard', '--candidate', 'X', '--questions', '6', '--seed', '3', '--out', out]).code).toBe(0);
    const sheet = await readPdf(join(out, 'staff', 'x-scorecard.pdf'));
    for (const title of ['Security architecture', 'Secure delivery and developer enablement', 'Risk decisions and trade-offs']) expect(sheet.squashed, title).toContain(squash(title));
  });

  it('prefers the questions used least when told how often each was used', () => {
    // Half the bank already asked: with the usage, fewer of those come back, seed for seed.
    const used = new Map(bank('manager').filter((_, i) => i % 2 === 0).map((q) => [q.id, 1]));
    const reused = (usage?: Map<string, number>) =>
      [1, 2, 3, 4, 5, 6, 7, 8].reduce((sum, seed) => sum + pickQuestions(bank('manager'), { count: 6, seed, usage }).filter((q) => used.has(q.id)).length, 0);
    expect(reused(used)).toBeLessThan(reused());
    expect(reused(used)).toBeLessThanOrEqual(8 * 2);
  });
});

describe('preppack panel', () => {
  const run = (out: string, extra: string[] = []) => preppack(['panel', '--level', 'manager', '--candidate', 'Alex Doe', '--interviewers', 'Sam,Kai,Ria', '--seed', '7', '--date', '2026-12-01', '--out', out, ...extra]);

  it('writes a sheet per interviewer, a one-page plan and a one-page debrief sheet, byte-identical on a second run', async () => {
    const out = join(scratchDir(), 'out');
    const result = run(out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const folder = join(out, 'panels', 'alex-doe');
    expect(readdirSync(folder).sort()).toEqual(['debrief.pdf', 'kai-scorecard.pdf', 'manifest.json', 'panel-plan.pdf', 'ria-scorecard.pdf', 'sam-scorecard.pdf']);
    const sheets = await Promise.all(['Sam', 'Kai', 'Ria'].map(async (name) => ({ name, pdf: await readPdf(join(folder, `${name.toLowerCase()}-scorecard.pdf`)) })));
    const sets = sheets.map(({ pdf }) => asked(pdf, 'manager'));
    // No question twice; counts differ by one at most; every competency covered.
    const all = sets.flat();
    expect(new Set(all.map((q) => q.id)).size).toBe(all.length);
    expect(Math.max(...sets.map((s) => s.length)) - Math.min(...sets.map((s) => s.length))).toBeLessThanOrEqual(1);
    expect(new Set(all.flatMap((q) => q.competencies))).toEqual(new Set(bank('manager').flatMap((q) => q.competencies)));
    for (const { name, pdf } of sheets) {
      expect(pdf.squashed).toContain(squash(`Candidate: Alex Doe`));
      expect(pdf.squashed).toContain(squash(`Interviewer: ${name}`));
      expect(pdf.squashed).toContain(squash('Date: 1 December 2026'));
      // The focus names the competencies of this interviewer's questions.
      const focus = library.competencies.filter((c) => sets[sheets.findIndex((s) => s.name === name)]!.some((q) => q.competencies.includes(c.id)));
      expect(pdf.squashed).toContain(squash(`Focus: ${focus.map((c) => c.title).join(' · ')}`));
    }
    // No sheet leaves its first page with one question while the next holds three.
    for (const { name, pdf } of sheets) {
      const perPage = pdf.pages.map((page) => (page.match(/Q\d+\. /g) ?? []).length);
      perPage.slice(0, -1).forEach((n, i) => expect(n === 1 && perPage[i + 1]! >= 3, `${name}: ${perPage.join(', ')}`).toBe(false));
    }
    const plan = await readPdf(join(folder, 'panel-plan.pdf'));
    expect(plan.pages).toHaveLength(1);
    expect(plan.squashed).toContain(squash('Panel plan'));
    expect(plan.squashed).toContain(squash('Alex Doe · Product Security Manager · 1 December 2026 · questions picked with seed 7'));
    expect(plan.squashed).toContain(squash('Competency Sam Kai Ria'));
    for (const q of all) expect(plan.squashed).toContain(`Q${q.number}`);
    const debrief = await readPdf(join(folder, 'debrief.pdf'));
    expect(debrief.pages).toHaveLength(1);
    expect(debrief.squashed).toContain(squash('copies the ratings from their own sheet into their column, as they wrote them before this meeting'));
    expect(debrief.squashed).toContain(squash('Overall recommendation'));
    for (const name of ['Sam', 'Kai', 'Ria']) expect(debrief.squashed).toContain(name);

    const again = join(scratchDir(), 'out');
    expect(run(again).code).toBe(0);
    for (const file of readdirSync(folder)) expect(sha(join(again, 'panels', 'alex-doe', file)), file).toBe(sha(join(folder, file)));
  });

  it('says which competencies no sheet covers when there are too few questions', async () => {
    const out = join(scratchDir(), 'out');
    const result = preppack(['panel', '--level', 'manager', '--candidate', 'Alex Doe', '--interviewers', 'Sam,Kai', '--questions-per-interviewer', '1', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^preppack: Alex Doe: no question of this panel covers .+: too few questions or interviewers\n$/);
    const plan = await readPdf(join(out, 'panels', 'alex-doe', 'panel-plan.pdf'));
    expect(plan.squashed).toContain(squash('Not covered'));
  });

  it('fits the plan of a large panel on one page, saying less of each question before leaving any out', async () => {
    const out = join(scratchDir(), 'out');
    const interviewers = ['Ana', 'Ben', 'Cai', 'Dee', 'Eli', 'Fay'];
    const result = preppack(['panel', '--level', 'staff', '--candidate', 'Big Panel', '--interviewers', interviewers.join(','), '--questions-per-interviewer', '4', '--out', out]);
    expect(result.code).toBe(0);
    const plan = await readPdf(join(out, 'panels', 'big-panel', 'panel-plan.pdf'));
    expect(plan.pages).toHaveLength(1);
    const part = plan.pages[0]!.slice(plan.pages[0]!.indexOf('Questions by interviewer'));
    for (const name of interviewers) expect(part).toContain(name);
    // All 24 questions of the level are asked, and the plan names each.
    for (let n = 1; n <= 24; n++) expect(part).toMatch(new RegExp(`\\bQ${n}\\b`));
  });

  it.each([
    [['--level', 'manager', '--candidate', 'Alex', '--interviewers', 'Sam,Kai,Sam'], 'the interviewer "Sam" is named twice'],
    [['--level', 'manager', '--candidate', '«»', '--interviewers', 'Sam'], 'the candidate name "«»" has no letter or digit to make a file name from'],
    [['--level', 'manager', '--candidate', 'Alex', '--interviewers', 'Sam,—'], 'the interviewer name "—" has no letter or digit to make a file name from'],
    [['--level', 'manager', '--candidate', 'Alex', '--interviewers', 'Sam,Kai', '--questions-per-interviewer', '10'], '2 interviewers × 10 questions need 20; level "manager" has 18'],
    [['--level', 'manager', '--candidate', 'Alex', '--interviewers', 'Sam', '--date', 'Monday'], '--date: "Monday" is not a date'],
    [['--level', 'manager', '--candidate', 'Alex'], 'name the interviewers: --interviewers "Sam,Kai,Ria"'],
    [['--level', 'intern', '--candidate', 'Alex', '--interviewers', 'Sam'], 'unknown level "intern"'],
    [['--roster', 'x.yaml', '--level', 'manager'], '--roster gives every loop\'s details: drop --level'],
  ])('exits 2 on %j', (extra, message) => {
    const out = join(scratchDir(), 'out');
    const result = preppack(['panel', ...extra, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
  });
});

describe('preppack panel --roster', () => {
  it('builds every loop of the example roster, YAML and CSV alike, with as little overlap as the bank allows', async () => {
    const yaml = join(scratchDir(), 'out');
    const result = preppack(['panel', '--roster', join(ROOT, 'examples', 'loops.yaml'), '--out', yaml]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readdirSync(join(yaml, 'panels')).sort()).toEqual(['alex-doe', 'jordan-lee', 'priya-raman', 'sam-okafor']);
    expect(result.stdout).toMatch(/question use, level manager: Q1 ×\d/);
    // Two manager loops of 12 questions from a bank of 18: 6 shared at the least.
    const manager = (candidate: string) => Promise.all(['sam', 'kai', 'ria'].map((n) => readPdf(join(yaml, 'panels', candidate, `${n}-scorecard.pdf`))));
    const first = (await manager('alex-doe')).flatMap((pdf) => asked(pdf, 'manager').map((q) => q.id));
    const second = (await manager('jordan-lee')).flatMap((pdf) => asked(pdf, 'manager').map((q) => q.id));
    expect(first.filter((id) => second.includes(id))).toHaveLength(6);
    const csv = join(scratchDir(), 'out');
    expect(preppack(['panel', '--roster', join(ROOT, 'examples', 'loops.csv'), '--out', csv]).code).toBe(0);
    for (const candidate of readdirSync(join(yaml, 'panels'))) {
      for (const file of readdirSync(join(yaml, 'panels', candidate))) expect(sha(join(csv, 'panels', candidate, file))).toBe(sha(join(yaml, 'panels', candidate, file)));
    }
  });

  it('builds a roster of 20 candidates in one run, panels of three and four alike', () => {
    const panels = ['[Sam, Kai, Ria]', '[Noor, Lena, Tom, Ada]'];
    const rows = Array.from({ length: 20 }, (_, i) => `- candidate: Candidate ${i + 1}\n  level: ${['manager', 'director', 'staff'][i % 3]}\n  interviewers: ${panels[i % 2]}\n  date: 2026-12-${String((i % 28) + 1).padStart(2, '0')}\n  seed: ${i + 1}\n`);
    const roster = join(scratchDir(), 'loops.yaml');
    writeFileSync(roster, rows.join(''));
    const out = join(scratchDir(), 'out');
    const result = preppack(['panel', '--roster', roster, '--out', out]);
    expect(result.code).toBe(0);
    expect(readdirSync(join(out, 'panels'))).toHaveLength(20);
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^110 PDFs for 20 candidates, \d+ pages/);
  });

  it.each([
    ['loops.yaml', '- candidate: Alex\n  level: manager\n  interviewers: [Sam]\n  date: 2026-12-01\n- candidate: Bo\n  level: intern\n  interviewers: Kai\n  date: 2026-13-01\n  colour: red\n', ['loops.yaml:5: unknown field "colour"', 'loops.yaml:5: unknown level "intern"', 'loops.yaml:5: "2026-13-01" is not a day of the calendar']],
    ['loops.csv', 'candidate,level,interviewers,date\nAlex,manager,Sam,2026-12-01\n"(?)",manager,"Kai, Kai",\n', ['loops.csv:3: the candidate "(?)" has no letter or digit to make a file name from', 'loops.csv:3: the interviewer "Kai" is named twice', 'loops.csv:3: no date (YYYY-MM-DD)']],
    ['loops.yaml', 'candidate: Alex\n', ['loops.yaml:1: a roster is a list of loops']],
    ['loops.yaml', '- candidate: Alex\n  level: manager\n  interviewers: [Sam, "..."]\n  date: 2026-12-01\n- candidate: alex\n  level: manager\n  interviewers: [Kai]\n  date: 2026-12-01\n  seed: x\n', ['loops.yaml:1: the interviewer "..." has no letter or digit to make a file name from', 'loops.yaml:5: the seed must be a whole number, not "x"']],
  ])('checks every row of %s before writing anything, naming file and line', (name, text, messages) => {
    const dir = scratchDir();
    writeFileSync(join(dir, name), text);
    const out = join(scratchDir(), 'out');
    const result = preppack(['panel', '--roster', join(dir, name), '--out', out]);
    expect(result.code).toBe(1);
    for (const message of messages) expect(result.stderr).toContain(`${join(dir, message.split(':')[0]!)}:${message.split(':').slice(1).join(':')}`);
    expect(result.stderr).toContain('preppack: nothing was built');
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(existsSync(out)).toBe(false);
  });
});

describe('fillable scoring sheets', () => {
  it('have named fields at the printed blanks, which a form filler fills and a reader reads back', async () => {
    const out = join(scratchDir(), 'out');
    expect(preppack(['build', '--level', 'manager', '--packet', 'scorecard', '--fillable', '--out', out]).code).toBe(0);
    const path = join(out, 'manager', 'manager-scorecard.pdf');
    const plain = join(scratchDir(), 'out');
    expect(preppack(['build', '--level', 'manager', '--packet', 'scorecard', '--out', plain]).code).toBe(0);
    // Printed, it is the same sheet.
    const printed = await readPdf(join(plain, 'manager', 'manager-scorecard.pdf'));
    const fillable = await readPdf(path);
    expect(fillable.pages).toEqual(printed.pages);

    const document = await PDFDocument.load(readFileSync(path));
    const form = document.getForm();
    const names = form.getFields().map((f) => f.getName());
    for (const name of ['candidate', 'interviewer', 'date', 'focus', 'overall', 'takeaways']) expect(names).toContain(name);
    for (const q of bank('manager')) {
      expect(names).toContain(`q${q.number}.evidence`);
      expect(form.getRadioGroup(`q${q.number}.rating`).getOptions()).toEqual(['definitely-not', 'no', 'yes', 'strong-yes', 'not-assessed']);
    }
    expect(form.getRadioGroup('overall').getOptions()).toEqual(['definitely-not', 'no', 'yes', 'strong-yes', 'no-decision']);
    // Every printed tick box is a field: each listen-for point a check box, each competency-summary row a radio group.
    for (const q of bank('manager')) {
      const ticks = names.filter((n) => n.startsWith(`${q.id}.tick-`));
      expect(ticks.length, q.id).toBe(questionGuide(q).listenFor.length);
    }
    const summaryRows = names.filter((n) => n.startsWith('competency-summary.'));
    expect(summaryRows.length).toBe(new Set(bank('manager').flatMap((q) => q.competencies)).size);
    for (const row of summaryRows) expect(form.getRadioGroup(row).getOptions()).toEqual(['definitely-not', 'no', 'yes', 'strong-yes', 'not-assessed']);
    // As many fields as the printed sheet has tick boxes, blanks and writing areas.
    const boxes = printed.pages.join('').match(/☐/g)!.length;
    const choices = form.getFields().reduce((n, f) => n + (f.getName().startsWith(`manager-`) || /\.rating$|^overall$|^competency-summary\./.test(f.getName()) ? f.acroField.getWidgets().length : 0), 0);
    expect(choices).toBe(boxes);
    form.getCheckBox(`${bank('manager')[2]!.id}.tick-1`).check();
    form.getRadioGroup(summaryRows[0]!).select('yes');
    form.getTextField('candidate').setText('Alex Doe');
    form.getTextField('q3.evidence').setText('Ranked by exposure and exploitability; named owners.');
    form.getRadioGroup('q3.rating').select('strong-yes');
    form.getRadioGroup('overall').select('yes');
    const filled = join(scratchDir(), 'filled.pdf');
    writeFileSync(filled, await document.save());

    const back = (await PDFDocument.load(readFileSync(filled))).getForm();
    expect(back.getTextField('candidate').getText()).toBe('Alex Doe');
    expect(back.getTextField('q3.evidence').getText()).toBe('Ranked by exposure and exploitability; named owners.');
    expect(back.getRadioGroup('q3.rating').getSelected()).toBe('strong-yes');
    expect(back.getRadioGroup('overall').getSelected()).toBe('yes');
    expect(back.getCheckBox(`${bank('manager')[2]!.id}.tick-1`).isChecked()).toBe(true);
    expect(back.getRadioGroup(summaryRows[0]!).getSelected()).toBe('yes');
    // pdf.js, the reader in Firefox, sees the fields and the filled values.
    const reader = await getDocument({ data: new Uint8Array(readFileSync(filled)), verbosity: 0 }).promise;
    const objects = (await reader.getFieldObjects()) as Record<string, { value?: unknown; type?: string }[]>;
    expect(objects.candidate?.find((o) => o.type === 'text')?.value).toBe('Alex Doe');
    expect(objects['q3.rating']?.filter((o) => o.type === 'radiobutton')).toHaveLength(5);
    await reader.destroy();
    for (const file of [path, filled]) {
      const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
      expect(check.error, 'qpdf is not installed: apt-get install qpdf (.ci/run does)').toBeUndefined();
      expect(check.status, check.stdout + check.stderr).toBe(0);
    }
  });

  it('work with panel: each interviewer gets a fillable sheet', async () => {
    const out = join(scratchDir(), 'out');
    expect(preppack(['panel', '--level', 'staff', '--candidate', 'Alex Doe', '--interviewers', 'Sam,Kai', '--fillable', '--out', out]).code).toBe(0);
    const form = (await PDFDocument.load(readFileSync(join(out, 'panels', 'alex-doe', 'sam-scorecard.pdf')))).getForm();
    expect(form.getFields().some((f) => /^q\d+\.rating$/.test(f.getName()))).toBe(true);
    // The debrief sheet's marks are fields too: the decision, what decided it, concerns and dissent, the sign-off.
    const debrief = (await PDFDocument.load(readFileSync(join(out, 'panels', 'alex-doe', 'debrief.pdf')))).getForm();
    expect(debrief.getRadioGroup('decision').getOptions()).toEqual(['definitely-not', 'no', 'yes', 'strong-yes', 'no-decision']);
    for (const name of ['decided', 'concerns', 'date-decided', 'signed-off-by']) expect(debrief.getTextField(name).getName()).toBe(name);
    const check = spawnSync('qpdf', ['--check', join(out, 'panels', 'alex-doe', 'debrief.pdf')], { encoding: 'utf8' });
    expect(check.status, check.stdout).toBe(0);
  });
});

describe('interviewer-only material stays with interviewers', () => {
  it('never prints notes, ratings, anchors, plans or debriefs in a candidate packet, while the strong-answer points stay in the booklet', async () => {
    // Every question of every level carries interviewer notes.
    const content = join(scratchDir(), 'content');
    spawnSync('cp', ['-r', join(ROOT, 'content'), content]);
    for (const q of library.questions) {
      const file = join(content, q.path.slice(join(ROOT, 'content').length));
      writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n## Interviewer notes {#interviewer-notes}\n\nPress for owners (interviewer-only ${q.id}).\n`);
    }
    const out = join(scratchDir(), 'out');
    const result = preppack(['build', '--content', content, '--packet', 'booklet,cheatsheet', '--out', out]);
    expect(result.code).toBe(0);
    const sheet = join(scratchDir(), 'sheet');
    expect(preppack(['build', '--content', content, '--level', 'manager', '--packet', 'scorecard', '--out', sheet]).code).toBe(0);
    expect((await readPdf(join(sheet, 'manager', 'manager-scorecard.pdf'))).squashed).toContain(squash('interviewer-only manager-01'));
    const interviewerOnly = ['interviewer-only', 'Interviewer notes', 'Definitely not', 'Strong yes', 'Not assessed', 'No decision', 'Red flag', 'How to score', 'Clear evidence against the bar', 'Panel plan', 'Debrief', 'Why we ask'];
    for (const level of ['director', 'manager', 'staff']) {
      for (const packet of ['booklet', 'cheatsheet']) {
        const text = (await readPdf(join(out, level, `${level}-${packet}.pdf`))).squashed;
        for (const phrase of interviewerOnly) expect(text, `${level} ${packet}: ${phrase}`).not.toContain(squash(phrase));
      }
      const booklet = (await readPdf(join(out, level, `${level}-booklet.pdf`))).squashed;
      for (const q of bank(level).filter((q) => q.sections.cover)) expect(booklet).toContain(squash(q.sections.cover!.markdown.split('\n')[0]!.replace(/^- /, '').split('. ')[0]!.replace(/\\/g, '')));
    }
  });
});
