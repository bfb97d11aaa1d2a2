// `build --zip`, `build --shard K/N` and `manifest merge`: what CI exports.
// Zips are read back with unzip, as a user would open them.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOf, preppack, ROOT, scratchDir, STACK_TRACE } from './helpers.js';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const unzip = (args: string[]) => spawnSync('unzip', args, { encoding: 'buffer', maxBuffer: 1 << 28 });
const JOBS = ['director', 'manager', 'staff'].flatMap((level) => ['booklet', 'scorecard', 'cheatsheet'].map((packet) => `${level}/${packet}`));

function build(args: string[], content = join(ROOT, 'content')) {
  const out = join(scratchDir(), 'out');
  const result = preppack(['build', '--content', content, '--out', out, ...args]);
  expect(result.code, result.stderr).toBe(0);
  return { out, result, manifest: JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) };
}

/** Made once, for the tests that only read it. */
function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
const zipped = once(() => build(['--zip']));
const zippedShards = once(() => [1, 2, 3].map((k) => build(['--zip', '--shard', `${k}/3`]).out));

describe('build --zip', () => {
  it("writes <level>.zip with the level's PDFs, a README.txt that names them and their use, and SHA256SUMS that sha256sum -c checks cleanly", () => {
    const { out, result, manifest } = zipped();
    expect(result.stdout).toContain('9 PDFs and 3 zips');
    for (const level of ['director', 'manager', 'staff']) {
      const zip = join(out, `${level}.zip`);
      expect(unzip(['-tq', zip]).status, level).toBe(0);
      const names = unzip(['-Z1', zip]).stdout.toString().trim().split('\n');
      expect(names).toEqual(['README.txt', 'SHA256SUMS', `${level}-booklet.pdf`, `${level}-scorecard.pdf`, `${level}-cheatsheet.pdf`]);
      const readme = unzip(['-p', zip, 'README.txt']).stdout.toString();
      const sums = unzip(['-p', zip, 'SHA256SUMS']).stdout.toString();
      // Unzipped, sha256sum -c checks every file and reports no malformed line.
      const folder = join(scratchDir(), level);
      expect(unzip(['-q', zip, '-d', folder]).status).toBe(0);
      const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: folder, encoding: 'utf8' });
      expect(check.status, check.stderr).toBe(0);
      expect(check.stderr).not.toMatch(/malformed|WARNING/);
      expect(check.stdout.trim().split('\n')).toEqual([`${level}-booklet.pdf: OK`, `${level}-scorecard.pdf: OK`, `${level}-cheatsheet.pdf: OK`]);
      expect(readme).toContain(`preppack ${manifest.tool.version}`);
      for (const packet of ['booklet', 'scorecard', 'cheatsheet']) {
        const inZip = unzip(['-p', zip, `${level}-${packet}.pdf`]).stdout;
        // The very PDF of the folder, and the README vouches for it.
        expect(inZip.equals(readFileSync(join(out, level, `${level}-${packet}.pdf`))), `${level} ${packet}`).toBe(true);
        expect(sums).toContain(`${sha(inZip)}  ${level}-${packet}.pdf\n`);
      }
      expect(readme).toMatch(/Candidate prep booklet, \d+ pages: for the candidate/);
      expect(readme).toMatch(/Interviewer scoring sheet, \d+ pages: for each interviewer/);
      const entry = manifest.bundles.find((b: { level: string }) => b.level === level);
      expect(entry).toMatchObject({ path: `${level}.zip`, sha256: sha(readFileSync(zip)), files: [`${level}/${level}-booklet.pdf`, `${level}/${level}-scorecard.pdf`, `${level}/${level}-cheatsheet.pdf`] });
    }
  });

  it('gives the same bytes in another folder, at another time, and leaves an unchanged zip as it is', () => {
    const first = zipped();
    const second = build(['--zip']);
    for (const level of ['director', 'manager', 'staff']) expect(readFileSync(join(first.out, `${level}.zip`)).equals(readFileSync(join(second.out, `${level}.zip`))), level).toBe(true);
    const again = preppack(['build', '--zip', '--out', first.out]);
    expect(again.stdout).toContain('9 PDFs (9 unchanged) and 3 zips');
    expect(JSON.parse(readFileSync(join(first.out, 'manifest.json'), 'utf8'))).toEqual(first.manifest);
  });
});

describe('build --shard K/N', () => {
  it.each([2, 3, 4])('into %i shards: every job in exactly one, shares within a job of each other', (count) => {
    const shards = Array.from({ length: count }, (_, i) => build(['--shard', `${i + 1}/${count}`]).manifest.shard);
    const done = shards.flatMap((s) => s.jobs);
    expect(done.sort()).toEqual([...JOBS].sort());
    for (const shard of shards) expect(shard.allJobs.sort()).toEqual([...JOBS].sort());
    const sizes = shards.map((s) => s.jobs.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('with --zip keeps a level in one shard, so that its zip is whole', () => {
    for (const k of [1, 2]) {
      const { out, manifest } = build(['--zip', '--shard', `${k}/2`]);
      for (const bundle of manifest.bundles) expect(unzip(['-Z1', join(out, bundle.path)]).stdout.toString().trim().split('\n')).toEqual(['README.txt', 'SHA256SUMS', expect.stringMatching(/-booklet\.pdf$/), expect.stringMatching(/-scorecard\.pdf$/), expect.stringMatching(/-cheatsheet\.pdf$/)]);
      const levels = new Set(manifest.shard.jobs.map((job: string) => job.split('/')[0]));
      for (const level of levels) expect(manifest.shard.jobs.filter((job: string) => job.startsWith(`${level}/`))).toHaveLength(3);
    }
  });

  it.each(['0/3', '4/3', '1/0', 'two', '1/3/5'])('refuses --shard %s with exit 2', (value) => {
    const out = join(scratchDir(), 'out');
    const result = preppack(['build', '--shard', value, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--shard: "${value}"`);
    expect(existsSync(out)).toBe(false);
  });
});

describe('manifest merge', () => {
  it('joins the shards into the manifest one build writes', () => {
    const dirs = zippedShards();
    const merged = join(scratchDir(), 'merged.json');
    const result = preppack(['manifest', 'merge', ...dirs, '--out', merged]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('3 shards, 9 PDFs, 3 zips');
    expect(JSON.parse(readFileSync(merged, 'utf8'))).toEqual(zipped().manifest);
  });

  it('refuses a missing shard, a shard given twice, a manifest of no shard and shards of different content, writing nothing', () => {
    const dirs = zippedShards();
    const content = copyOf(join(ROOT, 'content'));
    const question = join(content, 'questions', 'staff', 'staff-01-walk-through-youd-threat-model.md');
    writeFileSync(question, `${readFileSync(question, 'utf8')}\nOne more line.\n`);
    const other = build(['--zip', '--shard', '3/3'], content).out;
    const whole = build([]).out;
    const merged = join(scratchDir(), 'merged.json');
    const cases: [string[], string][] = [
      [[dirs[0]!, dirs[1]!], 'no shard did'],
      [[...dirs, dirs[2]!], 'is also in'],
      [[dirs[0]!, whole], 'not the manifest of a shard'],
      [[dirs[0]!, dirs[1]!, other], 'another build than'],
      [[dirs[0]!, join(scratchDir(), 'nothing')], 'no such file or folder'],
    ];
    for (const [inputs, message] of cases) {
      const result = preppack(['manifest', 'merge', ...inputs, '--out', merged]);
      expect(result.code, message).toBe(1);
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain('no manifest was written');
      expect(result.stderr).not.toMatch(STACK_TRACE);
      expect(existsSync(merged)).toBe(false);
    }
  });
});
