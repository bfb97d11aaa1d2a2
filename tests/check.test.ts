// `preppack check`: every defect of a corpus of broken files, by path and line.
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../src/content/load.js';
import { formatProblem } from '../src/problems.js';
import { preppack, STACK_TRACE } from './helpers.js';

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
    expect(result.stdout).toBe('content: 3 levels, 60 questions, 8 stories, 12 competencies; 0 errors, 0 warnings\n');
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
