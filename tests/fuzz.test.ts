// A fuzzer (fast-check, seeded so that a failure can be replayed) over the
// values that come from outside: roster rows, config files and command-line
// option values. The readers are driven in-process, hundreds of times: they
// never throw but with a problem that names the file and a line, and what
// they accept is a name of one printable line, a real date, a safe seed. The
// command line is driven as a user would: the exit code is 0, 1 or 2, a
// failure's first line names the option or the file, there is no stack
// trace, and nothing outside the output folder changes.
import { spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/cli/config.js';
import { loadLibrary } from '../src/content/load.js';
import { readRoster } from '../src/loops/roster.js';
import { PreppackError } from '../src/problems.js';
import { dateProblem } from '../src/text/dates.js';
import { nameProblem } from '../src/text/names.js';
import { BIN, ROOT, scratchDir, STACK_TRACE } from './helpers.js';

// FUZZ_SEED tries other samples locally; CI keeps this one, so that a failure replays.
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const library = loadLibrary(join(ROOT, 'content')).library;

/** Text of every kind a cell may hold: names in many scripts, control characters, line breaks, very long. */
const text = fc.oneof(
  fc.constantFrom('Alex Doe', 'Мария Иванова', '王芳 Wang Fang', 'José Ñúñez', 'O’Brien', 'Σοφία', 'Sam', 'Kai', 'Ria', '', ' ', 'A|B', '<b>x</b>', '[x](javascript:y)'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.stringMatching(/^[A-Za-z]{1,8}[\n\r\t\u0007\u001b\u2028][A-Za-z]{1,8}$/),
  fc.integer({ min: 90, max: 140 }).map((n) => 'n'.repeat(n)),
);
/** Any value a YAML cell can be. */
const cell = fc.oneof(
  { weight: 5, arbitrary: text },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 5 }), text, { maxKeys: 2 }),
);
const FIELDS = ['candidate', 'level', 'interviewers', 'date', 'seed', 'questions_per_interviewer'];
const rowValues = fc.record(
  {
    candidate: cell,
    level: fc.oneof(fc.constantFrom('staff', 'manager', 'vp', 'intern'), cell),
    interviewers: fc.oneof(fc.constantFrom('Sam, Kai', 'Sam;Kai;Ria'), fc.array(text, { maxLength: 4 }), cell),
    date: fc.oneof(fc.constantFrom('2026-12-01', '2026-02-30', '1.12.2026'), cell),
    seed: cell,
    questions_per_interviewer: cell,
    extra: cell,
  },
  { requiredKeys: [] },
);

/** A value as a CSV cell: text as it is, anything else as its JSON (a CSV holds only text). */
const csvCell = (value: unknown) => JSON.stringify(typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value));

/** Every problem names the file and a line from 1, in words (no "[object Object]", no stack). */
function expectNamed(problems: readonly { path: string; line: number; message: string }[], path: string): void {
  for (const problem of problems) {
    expect(problem.path).toBe(path);
    expect(Number.isInteger(problem.line) && problem.line >= 1).toBe(true);
    expect(problem.message.trim()).not.toBe('');
    expect(problem.message).not.toMatch(/\[object Object\]|\n\s+at /);
  }
}

describe('the fuzzer: values from outside', () => {
  it('reads any roster (YAML or CSV) into problems at file:line, or rows of valid names, dates and seeds', () => {
    fc.assert(
      fc.property(fc.array(rowValues, { maxLength: 4 }), fc.boolean(), (rows, csv) => {
        const path = csv ? 'loops.csv' : 'loops.yaml';
        const source = csv
          ? [FIELDS.join(','), ...rows.map((row) => FIELDS.map((f) => csvCell((row as Record<string, unknown>)[f])).join(','))].join('\n')
          : stringify(rows);
        const { rows: read, problems } = readRoster(path, source, library);
        expectNamed(problems, path);
        if (problems.length) expect(read).toEqual([]);
        for (const row of read) {
          for (const name of [row.candidate, ...row.interviewers]) expect('name' in nameProblem('a name', name), name).toBe(true);
          expect(dateProblem(row.date)).toBeUndefined();
          expect(Number.isSafeInteger(row.seed)).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('reads any config into settings it checked, or problems at file:line; never another error', () => {
    const dir = scratchDir();
    const key = fc.constantFrom('content', 'templates', 'out', 'paper', 'organisation', 'levels', 'packets', 'evidenceLines', 'ratingLabels', 'colour');
    fc.assert(
      fc.property(fc.dictionary(key, cell, { maxKeys: 4 }), fc.boolean(), (config, json) => {
        const path = join(dir, json ? 'preppack.config.json' : 'preppack.config.yaml');
        writeFileSync(path, json ? JSON.stringify(config) : stringify(config));
        try {
          const loaded = loadConfig(path);
          if (loaded.organisation !== undefined) expect('name' in nameProblem('it', loaded.organisation, 80)).toBe(true);
          if (loaded.evidenceLines !== undefined) expect(Number.isInteger(loaded.evidenceLines) && loaded.evidenceLines >= 1 && loaded.evidenceLines <= 20).toBe(true);
          if (loaded.paper !== undefined) expect(['letter', 'a4']).toContain(loaded.paper);
        } catch (caught) {
          expect(caught).toBeInstanceOf(PreppackError);
          expect((caught as PreppackError).problems.length).toBeGreaterThan(0);
          expectNamed((caught as PreppackError).problems, path);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('answers any command-line value with exit 0, 1 or 2, a first line that names the option or file, no stack trace, nothing touched outside --out', { timeout: 240_000 }, () => {
    const dir = scratchDir();
    cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
    const option = fc.oneof(
      fc.tuple(fc.constant('--candidate'), text),
      fc.tuple(fc.constant('--interviewer'), text),
      fc.tuple(fc.constant('--focus'), text),
      fc.tuple(fc.constant('--date'), fc.oneof(text, fc.constantFrom('2026-12-01', '2026-13-01'))),
      fc.tuple(fc.constant('--questions'), fc.oneof(text, fc.integer().map(String), fc.constantFrom('3', '1e3', '-1', '0x10'))),
      fc.tuple(fc.constant('--seed'), fc.oneof(text, fc.bigInt().map(String))),
      fc.tuple(fc.constant('--shard'), fc.oneof(text, fc.tuple(fc.nat(10), fc.nat(12)).map(([k, n]) => `${k}/${n}`), fc.constantFrom('1/4000000000', '2/3'))),
      fc.tuple(fc.constant('--paper'), fc.oneof(text, fc.constantFrom('A4', 'legal'))),
      fc.tuple(fc.constant('--level'), fc.oneof(text, fc.constantFrom('staff', 'vp,staff'))),
    );
    const runs = fc.sample(fc.array(option, { minLength: 1, maxLength: 3 }), { seed: SEED, numRuns: 24 });
    for (const options of runs) {
      // A value starting with a dash would be read as an option: given as --option=value, as a user must.
      const args = ['build', '--content', 'content', '--out', 'out', '--packet', 'scorecard', ...options.flatMap(([name, value]) => [`${name}=${value}`])];
      if (!options.some(([name]) => name === '--level' || name === '--shard')) args.push('--level', 'staff');
      const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, PREPPACK_DEBUG: '' }, timeout: 60_000, killSignal: 'SIGKILL' });
      const shown = `preppack ${JSON.stringify(args)}\n${result.stderr}`;
      expect([0, 1, 2], shown).toContain(result.status);
      expect(result.stderr, shown).not.toMatch(STACK_TRACE);
      if (result.status !== 0) {
        const first = result.stderr.split('\n')[0]!;
        expect(first, shown).toMatch(/^preppack: (--[a-z-]+|unknown (level|paper|packet)|the .* "|nothing|a personal|[\w ]+ needs)|^[^:\s][^:]*:\d+(:\d+)?: /);
      }
      // Only out/ may change: the content and everything else stay as they were.
      expect(spawnSync('diff', ['-r', join(ROOT, 'content'), join(dir, 'content')]).status, shown).toBe(0);
    }
  });
});
