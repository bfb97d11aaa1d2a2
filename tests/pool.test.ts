// Rendering on several threads (`--jobs N`, src/pipeline/renderPool.ts): the
// same bytes, lines and errors as one thread; a thread that dies is an error
// naming what it was making, never a hang.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POOL_FROM_PDFS, runOnPool, workersFor, type PoolTask } from '../src/pipeline/renderPool.js';
import { copyOf, preppack, ROOT, scratchDir, type CliResult } from './helpers.js';

const WORKERS = join(ROOT, 'tests', 'fixtures', 'workers');
const script = (name: string) => new URL(`file://${join(WORKERS, name)}`);
const tasks = (count: number, pdfs = 1): PoolTask[] => Array.from({ length: count }, (_, i) => ({ label: `task ${i}`, pdfs, kind: 'packet', payload: i }));

/** Every file below a folder with its bytes, by path. */
function filesBelow(folder: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else found.set(relative(folder, join(dir, entry.name)), readFileSync(join(dir, entry.name)));
    }
  };
  walk(folder);
  return found;
}

/** What a run printed, its own folder's name and the time taken left out. */
const said = (result: CliResult, out: string) => ({ code: result.code, stdout: result.stdout.replaceAll(out, '<out>').replace(/ in \d+(\.\d+)? m?s\b/g, ''), stderr: result.stderr.replaceAll(out, '<out>') });

describe('the pool of render threads', () => {
  it('gives each task to one thread and the results in the tasks\' order, however they finish', async () => {
    const started: number[] = [];
    const progress: string[] = [];
    const results = await runOnPool(tasks(12), { workers: 3, templates: [], script: script('answers.mjs'), onStart: (i) => started.push(i), onProgress: (_i, detail) => progress.push(String(detail)) });
    expect(results).toEqual(Array.from({ length: 12 }, (_, i) => `made ${i}`));
    expect(started).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(progress.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `starting ${i}`).sort());
  });

  it('stops with an error naming the task a thread was making when it died', async () => {
    const run = runOnPool(tasks(6), { workers: 2, templates: [], script: script('diesOnSecondTask.mjs') });
    await expect(run).rejects.toThrow(/^a render thread stopped while making task [2-5]: it exited with code 7$/);
  });

  it('stops with an error naming the first task when a thread cannot start', async () => {
    const run = runOnPool(tasks(1), { workers: 1, templates: [], script: script('throwsWhileStarting.mjs') });
    await expect(run).rejects.toThrow('a render thread stopped while making task 0: the font tables could not be read');
  });

  it('starts by default only for a run big enough to pay for the threads, and never more threads than tasks', () => {
    const compiled = script('answers.mjs');
    expect(workersFor(tasks(9), undefined, compiled)).toBe(0);
    expect(workersFor(tasks(POOL_FROM_PDFS - 1), undefined, compiled)).toBe(0);
    expect(workersFor(tasks(40, 6), undefined, compiled)).toBeGreaterThanOrEqual(2);
    expect(workersFor(tasks(9), 1, compiled)).toBe(0);
    expect(workersFor(tasks(9), 3, compiled)).toBe(3);
    expect(workersFor(tasks(2), 8, compiled)).toBe(2);
    expect(workersFor(tasks(1), 8, compiled)).toBe(0);
    // Running from the TypeScript sources there is no compiled thread script: one thread.
    expect(workersFor(tasks(9), 3, script('no-such-worker.js'))).toBe(0);
  });
});

describe('--jobs', () => {
  it('builds every packet to the same bytes and says the same on three threads as on one', () => {
    const runs = [1, 3].map((jobs) => {
      const out = join(scratchDir(), 'out');
      const result = preppack(['build', '--out', out, '--jobs', String(jobs)]);
      expect(result.code).toBe(0);
      return { out, said: said(result, out), files: filesBelow(out) };
    });
    expect(runs[1]!.said).toEqual(runs[0]!.said);
    const [one, three] = runs.map((run) => new Map([...run.files].filter(([path]) => path !== '.preppack-run.json')));
    expect([...three!.keys()].sort()).toEqual([...one!.keys()].sort());
    expect([...one!.keys()].filter((path) => path.endsWith('.pdf'))).toHaveLength(9);
    for (const [path, bytes] of one!) expect(three!.get(path)!.equals(bytes), path).toBe(true);
  });

  it('makes a roster of fillable panels, names in three scripts, to the same bytes on two threads as on one', () => {
    const roster = join(scratchDir(), 'roster.yaml');
    writeFileSync(
      roster,
      [
        '- {candidate: José Núñez, level: manager, interviewers: [Sam, Kai, Ria], seed: 4, date: 2026-12-01}',
        '- {candidate: Мария Иванова, level: staff, interviewers: [Ike, Mei], seed: 2, date: 2026-12-02}',
        '- {candidate: Alex Doe, level: director, interviewers: [Noor, Lena, Tom], seed: 9, date: 2026-12-03}',
      ].join('\n'),
    );
    const runs = [1, 2].map((jobs) => {
      const out = join(scratchDir(), 'out');
      const result = preppack(['panel', '--roster', roster, '--out', out, '--fillable', '--jobs', String(jobs)]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      return { said: said(result, out), files: filesBelow(out) };
    });
    expect(runs[1]!.said).toEqual(runs[0]!.said);
    expect(runs[0]!.said.stdout).toMatch(/^14 PDFs for 3 candidates/m);
    const [one, two] = runs.map((run) => run.files);
    expect([...two!.keys()].sort()).toEqual([...one!.keys()].sort());
    for (const [path, bytes] of one!) expect(two!.get(path)!.equals(bytes), path).toBe(true);
  }, 150_000);

  it('stops on an error a thread meets as one thread does: the same message, exit 1, nothing written', () => {
    const folder = copyOf(join(ROOT, 'templates'));
    writeFileSync(join(folder, 'scorecard.md.hbs'), '# {{level.title}}\n\n{{> footer}}\n');
    const runs = [1, 3].map((jobs) => {
      const out = join(scratchDir(), 'out');
      const result = preppack(['build', '--templates', folder, '--out', out, '--jobs', String(jobs)]);
      expect(existsSync(out)).toBe(false);
      return said(result, out);
    });
    expect(runs[0]!.code).toBe(1);
    expect(runs[0]!.stderr).toContain('scorecard.md.hbs:3: template error: there is no partial "footer"');
    expect(runs[1]).toEqual(runs[0]);
  });

  it('renders Markdown that others wrote, with its warnings and a file that cannot render, as one thread does', () => {
    const folder = scratchDir();
    const readmes = ['marked', 'yargs', 'handlebars', 'pdfmake', 'vitest'].map((name) => join(ROOT, 'node_modules', name, 'README.md')).filter(existsSync);
    expect(readmes.length).toBeGreaterThanOrEqual(4);
    // A control character (a warning) and a list nested past what can be printed (an error, at its line).
    writeFileSync(join(folder, 'notes.md'), '# Notes\n\nA bell \u0007 here.\n');
    writeFileSync(join(folder, 'deep.md'), `# Deep\n\n${Array.from({ length: 120 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')}\n`);
    const run = (files: string[], jobs: number) => {
      const out = join(scratchDir(), 'out');
      const result = preppack(['render', ...files, '--out', out, '--jobs', String(jobs)]);
      return { said: said(result, out), files: existsSync(out) ? filesBelow(out) : new Map<string, Buffer>() };
    };
    const good = [...readmes, join(folder, 'notes.md')];
    const [one, two] = [run(good, 1), run(good, 2)];
    expect(one.said.code).toBe(0);
    expect(one.said.stderr).toContain('notes.md:3');
    expect(two.said).toEqual(one.said);
    expect([...two.files.keys()].sort()).toEqual([...one.files.keys()].sort());
    for (const [path, bytes] of one.files) expect(two.files.get(path)!.equals(bytes), path).toBe(true);
    const bad = [readmes[0]!, join(folder, 'deep.md'), join(folder, 'notes.md')];
    const [failedOne, failedTwo] = [run(bad, 1), run(bad, 2)];
    expect(failedOne.said.code).toBe(1);
    expect(failedOne.said.stderr).toContain('deep.md:');
    expect(failedOne.files.size).toBe(0);
    expect(failedTwo).toEqual(failedOne);
  });

  it('takes a whole number from 1, on the command line and in the config', () => {
    for (const value of ['0', 'two', '-1', '1.5']) {
      const result = preppack(['build', '--out', join(scratchDir(), 'out'), '--jobs', value]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--jobs takes a whole number from 1 to 256 (threads that render), not "${value}"`);
    }
    const project = scratchDir();
    writeFileSync(join(project, 'preppack.config.yaml'), 'paper: a4\njobs: 0\n');
    const result = preppack(['build', '--content', join(ROOT, 'content'), '--out', 'out'], project);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('preppack.config.yaml:2: jobs:');
  });
});
