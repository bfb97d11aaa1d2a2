// preppack.config.yaml / .json: found in the working folder or above it,
// named with --config, overridden by flags; its mistakes are file:line and
// exit 2. What it sets is read back from the PDFs.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preppack, ROOT, scratchDir, STACK_TRACE } from './helpers.js';
import { lines, readLayout } from './layout.js';
import { readPdf, squash } from './pdf.js';

/** A project: a copy of the library in kb/, the config at its root, and a sub-folder docs/ to run from. */
function makeProject(config: string, name = 'preppack.config.yaml') {
  const project = join(scratchDir(), 'project');
  cpSync(join(ROOT, 'content'), join(project, 'kb'), { recursive: true });
  mkdirSync(join(project, 'docs'), { recursive: true });
  writeFileSync(join(project, name), config);
  return { project, run: (args: string[], cwd = join(project, 'docs')) => preppack(args, cwd) };
}

describe('the config file', () => {
  it('is found from a sub-folder; its folders are taken from where it is; it sets paper, levels, packets, organisation and evidence lines', async () => {
    const { project, run } = makeProject(`content: kb\nout: print\npaper: a4\norganisation: Acme Security\nlevels: [staff]\npackets: [booklet, scorecard]\nevidenceLines: 9\n`);
    const result = run(['build']);
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(join(project, 'print', 'staff')).sort()).toEqual(['staff-booklet.pdf', 'staff-scorecard.pdf']);
    const booklet = await readPdf(join(project, 'print', 'staff', 'staff-booklet.pdf'));
    expect(booklet.sizes[0]!.width).toBeCloseTo(595.28, 0);
    // On the cover and in every foot after it.
    expect(squash(booklet.pages[0]!)).toContain('AcmeSecurity');
    for (const page of booklet.pages.slice(1)) expect(squash(page)).toMatch(/AcmeSecurity·Page\d+of\d+/);
    const sheet = await readLayout(join(project, 'print', 'staff', 'staff-scorecard.pdf'));
    for (const page of sheet.pages) {
      const questions = lines(page).filter((l) => /^Q\d+\. /.test(l.text)).length;
      const rules = page.paths.filter((p) => p.bottom - p.top < 1 && p.right - p.left > 150 && p.left > page.width / 2 - 20);
      if (questions) expect(rules.length).toBeGreaterThanOrEqual(9 * questions);
    }
  });

  it('names the ratings on the scoring sheet (scale, rating rows, form values) and the debrief sheet (key, decision row)', async () => {
    const { project, run } = makeProject(`content: kb\nout: print\nratingLabels: [Strong no, Lean no, Lean yes, Strong yes]\n`);
    expect(run(['build', '--level', 'staff', '--packet', 'scorecard', '--fillable']).code).toBe(0);
    const sheet = await readPdf(join(project, 'print', 'staff', 'staff-scorecard.pdf'));
    expect(sheet.squashed).toContain(squash('Strong no Clear evidence against the bar for this level.'));
    expect(sheet.squashed).toContain(squash('Lean yes Meets the bar'));
    expect(sheet.squashed).not.toContain('Definitelynot');
    for (const page of sheet.pages.filter((p) => /Q\d+\./.test(p))) expect(squash(page)).toContain(squash('Rating ☐ Strong no ☐ Lean no ☐ Lean yes ☐ Strong yes ☐ Not assessed'));
    const fields = await PDFDocument.load(readFileSync(join(project, 'print', 'staff', 'staff-scorecard.pdf')));
    expect(fields.getForm().getRadioGroup('q1.rating').getOptions()).toEqual(['strong-no', 'lean-no', 'lean-yes', 'strong-yes', 'not-assessed']);
    expect(run(['panel', '--level', 'manager', '--candidate', 'Alex Doe', '--interviewers', 'Sam,Kai', '--seed', '7']).code).toBe(0);
    const debrief = await readPdf(join(project, 'print', 'panels', 'alex-doe', 'debrief.pdf'));
    expect(debrief.squashed).toContain(squash('SN Strong no · LN Lean no · LY Lean yes · SY Strong yes · NA Not assessed (overall: ND No decision)'));
    expect(debrief.squashed).toContain(squash('Decision ☐ Strong no ☐ Lean no ☐ Lean yes ☐ Strong yes ☐ No decision'));
  });

  it('gives way to flags', async () => {
    const { project, run } = makeProject(`content: kb\nout: print\npaper: a4\nlevels: staff\norganisation: Acme Security\n`);
    const result = run(['build', '--out', 'here', '--paper', 'letter', '--level', 'manager', '--packet', 'cheatsheet']);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(project, 'print'))).toBe(false);
    const sheet = await readPdf(join(project, 'docs', 'here', 'manager', 'manager-cheatsheet.pdf'));
    expect(sheet.sizes[0]!.width).toBeCloseTo(612, 0);
    expect(squash(sheet.pages[0]!)).toContain('AcmeSecurity·Contentversion');
  });

  it('may be JSON, named with --config', () => {
    const { project, run } = makeProject(`{\n  "content": "kb",\n  "levels": ["director"],\n  "packets": "cheatsheet",\n  "out": "json-out"\n}\n`, 'settings.json');
    const result = run(['build', '--config', join(project, 'settings.json')]);
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(join(project, 'json-out', 'director'))).toEqual(['director-cheatsheet.pdf']);
  });

  it.each([
    ['an unknown key', 'content: ../../copy\ncolour: blue\n', 'preppack.config.yaml:2: unknown key "colour": the keys are content, templates, out, paper, organisation, levels, packets, evidenceLines, language, tags, jobs, fonts, ratingLabels'],
    ['a mistyped key', 'evidenceLine: 7\n', 'preppack.config.yaml:1: unknown key "evidenceLine" (did you mean "evidenceLines"?): the keys are'],
    ['a wrong type', 'paper: a4\nevidenceLines: many\n', 'preppack.config.yaml:2: evidenceLines: should be a number, not text'],
    ['a paper it does not know', 'paper: a3\n', 'preppack.config.yaml:1: paper: should be one of "letter", "a4"'],
    ['levels that are not names', 'levels: 3\n', 'preppack.config.yaml:1: levels: a name or a list of names'],
    ['three ratings', 'ratingLabels: [No, Yes, Strong yes]\n', 'preppack.config.yaml:1: ratingLabels: four ratings, worst first'],
    ['ratings of one initial', 'ratingLabels: [Strong no, Soft no, Yes, Strong yes]\n', 'preppack.config.yaml:1: ratingLabels: ratings whose initials differ'],
    ['a rating with a separator', 'ratingLabels: [No | way, No, Yes, Strong yes]\n', 'preppack.config.yaml:1: ratingLabels.0: a rating is words'],
    ['YAML that does not parse', 'content: [kb\nout: x\n', 'preppack.config.yaml:1: YAML syntax error'],
  ])('with %s: file:line, exit 2, nothing built', (_, config, message) => {
    const { project, run } = makeProject(config);
    const result = run(['build', '--out', 'o'], project);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(existsSync(join(project, 'o'))).toBe(false);
  });

  it('named with --config but not there: exit 2', () => {
    const result = preppack(['check', '--config', join(scratchDir(), 'none.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('none.yaml:1: no such file');
  });
});
