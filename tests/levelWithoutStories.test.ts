// A level whose source has no STAR stories (staff): its booklet gives a
// worksheet page per core competency to draft one's own, says what
// interviewers listen for in the source's own words, names its audience on
// the cover, and describes each competency as it is meant at that level.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../src/content/load.js';
import { coreCompetencies } from '../src/loops/questionSet.js';
import { copyOf, outputOf, preppack, ROOT } from './helpers.js';

/** Each page's text, as pdftotext reads it. */
const pages = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the booklet of a level without stories', () => {
  const out = outputOf(['build', '--packet', 'booklet', '--level', 'staff,director', '--out', '{out}']);
  const { library } = loadLibrary(join(ROOT, 'content'));
  const staff = pages(join(out, 'staff', 'staff-booklet.pdf'));
  const staffQuestions = library.questions.filter((q) => q.level === 'staff');

  it('gives a worksheet page per core competency: its questions, Situation, Task, Action and Result', () => {
    const core = coreCompetencies(staffQuestions).map((id) => library.competencies.find((c) => c.id === id)!);
    expect(core.length).toBeGreaterThanOrEqual(5);
    const sheets = staff.filter((page) => /Situation[\s\S]*Task[\s\S]*Action[\s\S]*Result/.test(page));
    expect(sheets).toHaveLength(core.length);
    for (const competency of core) {
      const sheet = sheets.find((page) => flat(page).includes(competency.title))!;
      expect(sheet, competency.title).toBeDefined();
      const numbers = staffQuestions.filter((q) => q.competencies.includes(competency.id)).map((q) => `Q${q.number}`);
      expect(flat(sheet)).toContain(`For ${numbers.join(', ')}.`);
    }
    expect(flat(staff.join(' '))).toContain('Draft your STAR stories');
  });

  it('says what interviewers listen for in the source\'s words, question by question, and names its audience on the cover', () => {
    const listen = flat(staff.find((page) => page.includes('What interviewers listen for') && !page.includes('Contents'))!);
    expect(listen).not.toContain('Read those notes as the bar');
    // "Employers ask this question to see how you balance risk, effort, and business impact."
    expect(listen).toContain('Q3 to see how you balance risk, effort, and business impact');
    expect(listen.match(/\bQ\d+ to /g)!.length).toBeGreaterThanOrEqual(10);
    expect(flat(staff[0]!)).toContain('For candidates interviewing for the Staff Product Security Engineer role.');
  });

  it('closes its questions with the level\'s calibration note, on a page that holds questions, before the worksheets', () => {
    const at = staff.findIndex((page) => page.includes('Calibration note') && !page.includes('Contents'));
    expect(at).toBeGreaterThan(0);
    const note = flat(staff.slice(at).join(' '));
    const closing = library.levels.find((l) => l.id === 'staff')!.sections['closing-note']!.markdown;
    expect(note).toContain(flat(closing.split('\n\n').at(-1)!).slice(-60));
    // Not a page of its own: the last question is on it too.
    expect(staff[at]).toContain(`${staffQuestions.length}. `);
    expect(staff.findIndex((page) => page.includes('Draft your STAR stories') && !page.includes('Contents'))).toBeGreaterThan(at);
    // All of it on that page: nothing spills onto a page of its own.
    expect(flat(staff[at]!)).toContain('reads as staff-level signal');
  });

  it('describes each competency in the self-assessment as it is meant at the level, never a manager\'s wording for an engineer', () => {
    const assessment = flat(staff.find((page) => page.includes('Self-assessment') && page.includes('I have a story for this'))!);
    const people = library.competencies.find((c) => c.id === 'people-leadership')!;
    expect(assessment).toContain(people.levels!.staff!);
    expect(assessment).not.toContain('grows managers');
    // The director's booklet keeps the general wording.
    const director = flat(pages(join(out, 'director', 'director-booklet.pdf')).join(' '));
    expect(director).toContain(people.description);
  });

  it('warns at its line when a competency describes a level the library does not have', () => {
    const content = copyOf(join(ROOT, 'content'));
    const file = join(content, 'competencies.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^ {4}staff: Grows security champions/m, '    stafff: Grows security champions'));
    const result = preppack(['check', '--content', content]);
    expect(result.code).toBe(0);
    const line = text.split('\n').findIndex((l) => l === '- id: people-leadership') + 1;
    expect(result.stderr).toContain(`competencies.yaml:${line}: warning: competency "people-leadership" describes level "stafff", which the library does not have: the levels are director, manager, staff`);
  });
});
