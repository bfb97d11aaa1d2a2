// The corpus of bad inputs (tests/bad-inputs/*.yaml, described in its
// README): each case run in a scratch folder of its own, answered with its
// exit code and message, no stack trace, and no earlier output touched.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { preppack, readTree, ROOT, scratchDir, STACK_TRACE } from './helpers.js';

type FileSpec = string | { base64: string } | { symlink: string } | { folder: true } | { fifo: true } | { bytes: number };

interface BadInput {
  why: string;
  content?: 'bundled' | 'empty' | 'none';
  files?: Record<string, FileSpec>;
  remove?: string[];
  args: string[];
  exit: 1 | 2;
  stderr: string[];
  absent?: string[];
}

const CASES = join(ROOT, 'tests', 'bad-inputs');
const cases = readdirSync(CASES)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => [name.replace(/\.yaml$/, ''), parse(readFileSync(join(CASES, name), 'utf8')) as BadInput] as const);

/** What an earlier, good build left in the output folder. */
const EARLIER = { 'out/manifest.json': '{"earlier": true}\n', 'out/manager/manager-booklet.pdf': '%PDF-1.3 earlier\n' };

function setUp(spec: BadInput): string {
  const dir = scratchDir();
  if ((spec.content ?? 'bundled') === 'bundled') cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  if (spec.content === 'empty') mkdirSync(join(dir, 'content'));
  for (const [path, text] of Object.entries(EARLIER)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  for (const path of spec.remove ?? []) rmSync(join(dir, path), { recursive: true });
  for (const [path, file] of Object.entries(spec.files ?? {})) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    if (typeof file === 'string') writeFileSync(target, file);
    else if ('base64' in file) writeFileSync(target, Buffer.from(file.base64, 'base64'));
    else if ('symlink' in file) symlinkSync(file.symlink.replaceAll('{dir}', dir), target);
    else if ('fifo' in file) execFileSync('mkfifo', [target]);
    else if ('bytes' in file) writeFileSync(target, Buffer.alloc(file.bytes, 'a'));
    else mkdirSync(target, { recursive: true });
  }
  return dir;
}

describe('the corpus of bad inputs', () => {
  it('has a case for each file, each with its exit code and message', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const [, spec] of cases) {
      expect([1, 2]).toContain(spec.exit);
      expect(spec.stderr.length).toBeGreaterThan(0);
    }
  });

  it.each(cases)('%s', (_name, spec) => {
    const dir = setUp(spec);
    const before = readTree(join(dir, 'out'));
    const result = preppack(
      spec.args.map((arg) => arg.replaceAll('{dir}', dir)),
      dir,
    );
    expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code: spec.exit });
    for (const line of spec.stderr) expect(result.stderr).toContain(line.replaceAll('{dir}', dir));
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(readTree(join(dir, 'out'))).toEqual(before);
    for (const path of spec.absent ?? []) expect(existsSync(path.replaceAll('{dir}', dir))).toBe(false);
  });
});
