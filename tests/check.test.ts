// `preppack check`: every defect of a corpus of broken files, by path and line.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../src/content/load.js';
import { formatProblem } from '../src/problems.js';
import { preppack, ROOT, scratchDir, STACK_TRACE } from './helpers.js';

const BROKEN = 'tests/fixtures/broken-content';
const at = (file: string, line: number) => `${BROKEN}/${file}:${line}: `;

const EXPECTED: [file: string, line: number, message: string][] = [
  ['questions/manager/yaml-error.md', 5, 'YAML syntax error'],
  ['questions/manager/unknown-field.md', 7, 'unknown field "colour"'],
  ['questions/manager/missing-prompt.md', 1, 'missing field "prompt"'],
  ['questions/intern/unknown-level.md', 3, 'unknown level "intern": known levels are director, manager'],
  ['questions/manager/unknown-competency.md', 6, 'unknown competency "juggling"'],
  ['questions/manager/same-id.md', 2, 'duplicate question id "same-id" (also in tests/fixtures/broken-content/questions/director/same-id.md)'],
  ['questions/manager/Bad_Id.md', 2, 'field "id" must be lower-case kebab case'],
  ['stories/manager/empty-task.md', 13, 'section "Task" is empty'],
  ['questions/manager/leftover-mojibake.md', 11, 'leftover mojibake "โ€" at column 11'],
  ['questions/manager/not-utf8.md', 11, '28: the file is not UTF-8: byte 0xFF here would be "ÿ" in Windows-1252'],
  ['questions/manager/executable.md', 1, 'front matter in "js" is executable and is not accepted'],
  ['questions/manager/unclosed.md', 1, 'front matter is not closed'],
  ['questions/manager/same-number.md', 4, 'question number 1 of level "manager" is also used by'],
  ['questions/manager/unknown-section.md', 13, 'unknown section key "gossip"'],
  ['competencies.yaml', 4, 'duplicate competency id "intake-prioritization" (first at line 1)'],
  ['levels/manager.md', 4, 'level name "lead" is already used by level "director"'],
  ['questions/manager/directive-in-content.md', 13, 'a line starting with "::" is a layout directive'],
];

describe('check on a corpus of broken files', () => {
  const result = preppack(['check', '--content', BROKEN]);

  it.each(EXPECTED)('reports %s:%i', (file, line, message) => {
    // A message that starts with a column number follows the line as `:11:28: `.
    expect(result.stderr).toContain(/^\d+: /.test(message) ? at(file, line).slice(0, -1) + message : at(file, line) + message);
  });

  it('reports each problem once, all of them, and exits 1 without a stack trace', () => {
    const errors = result.stderr.trim().split('\n').filter((l) => !l.includes(': warning: '));
    expect(errors).toHaveLength(EXPECTED.length);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    // The structured-interview lint waits for a library that loads: only the corpus's own two warnings.
    expect(result.stdout).toContain(`${EXPECTED.length} errors, 2 warnings`);
  });

  it('warns, at its line and column, about a character the font cannot print (the mojibake is Thai letters)', () => {
    expect(result.stderr).toContain(`${at('questions/manager/leftover-mojibake.md', 11).slice(0, -1)}11: warning: no font has a glyph for "โ" (U+0E42) (2 times in this file): it prints as an empty box`);
  });

  it('warns, without failing, about a question with no competency', () => {
    expect(result.stderr).toContain(at('questions/manager/untagged.md', 6) + 'warning: no competency tagged');
  });

  it('never runs ---js front matter', () => {
    const marker = join(tmpdir(), 'preppack-pwned');
    rmSync(marker, { force: true });
    preppack(['check', '--content', BROKEN]);
    loadLibrary(BROKEN);
    expect(existsSync(marker)).toBe(false);
  });

  it('gives the same problems when the same broken files are read twice in one process', () => {
    const first = loadLibrary(BROKEN).problems.map(formatProblem);
    const second = loadLibrary(BROKEN).problems.map(formatProblem);
    expect(first.length).toBeGreaterThanOrEqual(EXPECTED.length);
    expect(second).toEqual(first);
  });
});

describe('check on the bundled library', () => {
  it('exits 0 with no problems and counts what it loaded', () => {
    const result = preppack(['check']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('content: 3 levels, 60 questions, 8 stories, 12 competencies; 0 errors, 0 warnings\nanchors: 0 written by authors, 60 stated from listen-for points\n');
    // The structured-interview lint finds nothing to make an error of either.
    expect(preppack(['check', '--strict']).code).toBe(0);
  });

  it('exits 1 naming a content folder that does not exist', () => {
    const result = preppack(['check', '--content', 'no/such/folder']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no/such/folder:1: no content folder here');
  });
});

describe('the command line', () => {
  it.each([
    [['check', '--bogus'], 'Unknown argument: bogus'],
    [['check', '--content'], 'Not enough arguments following: content'],
    [['list'], 'Missing required argument: what'],
    [['list', 'everything'], 'Invalid values'],
    [['frobnicate'], 'Unknown argument: frobnicate'],
    [[], 'name a command'],
  ])('exits 2 on %j with a message and no stack trace', (args, message) => {
    const result = preppack(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });

  it('has --help on every command, with an example', () => {
    for (const command of ['check', 'list', 'import']) {
      const result = preppack([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Examples:');
    }
  });
});

describe('the structured-interview lint', () => {
  /** The bundled library with one more staff question, `number` 90 and up. */
  const withQuestion = (content: string, questions: { name: string; front: string; body: string }[]) => {
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    for (const q of questions) writeFileSync(join(content, 'questions/staff', `${q.name}.md`), `---\nid: ${q.name}\nlevel: staff\n${q.front}\n---\n\n${q.body}\n`);
  };

  it('warns, by file, line and column, of a thin question, a repeated prompt, a protected characteristic and a competency no question asks', () => {
    const content = join(scratchDir(), 'content');
    const repeated = readFileSync(join(ROOT, 'content/questions/staff/staff-05-architect-security-multi-tenant-saas.md'), 'utf8').match(/^prompt: (.*)$/m)![1]!;
    withQuestion(content, [
      { name: 'staff-90-thin', front: 'number: 90\nprompt: What do you automate first?\ncompetencies: [secure-delivery]', body: '## Strong answer should cover {#cover}\n\n- Scanning in CI.' },
      { name: 'staff-91-again', front: `number: 91\nprompt: ${repeated}\ncompetencies: [security-architecture]`, body: '## Strong answer should cover {#cover}\n\n- Tenant isolation.\n- Key management.' },
      { name: 'staff-92-family', front: 'number: 92\nprompt: How would your family cope with on-call at your age?\ncompetencies: [incident-leadership]', body: '## Strong answer should cover {#cover}\n\n- Rota design.\n- Handover.' },
    ]);
    writeFileSync(join(content, 'competencies.yaml'), `${readFileSync(join(content, 'competencies.yaml'), 'utf8')}\n- id: quantum-readiness\n  title: Quantum readiness\n  description: Nobody asks about it.\n`);
    const result = preppack(['check', '--content', content]);
    expect(result.code).toBe(0);
    const file = (name: string) => join(content, 'questions/staff', `${name}.md`);
    expect(result.stderr).toContain(`${file('staff-90-thin')}:9: warning: only one point to listen for`);
    expect(result.stderr).toContain(`${file('staff-91-again')}:5: warning: the same prompt as ${join(content, 'questions/staff/staff-05-architect-security-multi-tenant-saas.md')}`);
    // Columns count from 1 on the prompt's line: "prompt: How would " is 18 characters.
    expect(result.stderr).toContain(`${file('staff-92-family')}:5:19: warning: "your family" may ask about a protected characteristic`);
    expect(result.stderr).toContain(`${file('staff-92-family')}:5:52: warning: "your age" may ask about a protected characteristic`);
    expect(result.stderr).toMatch(new RegExp(`competencies\\.yaml:\\d+: warning: no question assesses competency "quantum-readiness"`));
    expect(result.stdout).toContain('anchors: 0 written by authors, 63 stated from listen-for points');
    // --strict makes them errors.
    const strict = preppack(['check', '--strict', '--content', content]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(`${file('staff-90-thin')}:9: only one point to listen for`);
  });

  it('counts authored anchors apart, and names the line of a section that is not four ratings', () => {
    const content = join(scratchDir(), 'content');
    const anchors = '## Anchors {#anchors}\n\n- **Definitely not:** Blames the team.\n- **No:** Names a fix but no owner.\n- **Yes:** A fix, an owner and a date.\n- **Strong yes:** And how the class of bug went away.';
    withQuestion(content, [
      { name: 'staff-90-anchored', front: 'number: 90\nprompt: Walk me through your last incident review.\ncompetencies: [incident-leadership]', body: `## Strong answer should cover {#cover}\n\n- Timeline.\n- Root cause.\n\n${anchors}` },
      { name: 'staff-91-three', front: 'number: 91\nprompt: What makes a good bug bounty?\ncompetencies: [risk-decisions]', body: '## Strong answer should cover {#cover}\n\n- Scope.\n- Payouts.\n\n## Anchors {#anchors}\n\n- Weak.\n- Fine.\n- Great.' },
      { name: 'staff-92-backwards', front: 'number: 92\nprompt: How do you pick a fuzzing target?\ncompetencies: [security-architecture]', body: '## Strong answer should cover {#cover}\n\n- Parsers.\n- Coverage.\n\n## Anchors {#anchors}\n\n- Strong yes: a.\n- Yes: b.\n- No: c.\n- Definitely not: d.' },
    ]);
    const result = preppack(['check', '--content', content]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(content, 'questions/staff/staff-91-three.md')}:14: anchors are four list items, one per rating, worst first`);
    expect(result.stderr).toContain(`${join(content, 'questions/staff/staff-92-backwards.md')}:14: anchor 1 is for Definitely not, but it is labelled "Strong yes": list them worst first`);
    rmSync(join(content, 'questions/staff/staff-91-three.md'));
    rmSync(join(content, 'questions/staff/staff-92-backwards.md'));
    const fixed = preppack(['check', '--content', content]);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('anchors: 1 written by authors, 60 stated from listen-for points');
  });
});
