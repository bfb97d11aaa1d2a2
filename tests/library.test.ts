// buildPackets, the function behind both `import { buildPackets } from
// 'preppack'` and `preppack build`: what it is asked, what it tells while it
// works, what it refuses (a PreppackError saying why), and the CLI printing it.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackets, PreppackError, type Problem } from '../src/index.js';
import { preppack, ROOT, scratchDir } from './helpers.js';
import { readPdf } from './pdf.js';

const STAFF_01 = join('questions', 'staff', 'staff-01-walk-through-youd-threat-model.md');

/** A copy of the bundled library with two warnings in one question: no competency tagged (its competencies: line), and characters the font lacks (the last line). */
function libraryWithWarnings(): string {
  const content = join(scratchDir(), 'content');
  cpSync(join(ROOT, 'content'), content, { recursive: true });
  const question = join(content, STAFF_01);
  writeFileSync(question, `${readFileSync(question, 'utf8').replace(/^competencies: .*$/m, 'competencies: []')}\nGreet them: 你好.\n`);
  return content;
}

/** What buildPackets threw. */
async function refusal(run: Promise<unknown>): Promise<PreppackError> {
  const caught = await run.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(caught).toBeInstanceOf(PreppackError);
  return caught as PreppackError;
}

describe('buildPackets', () => {
  it('builds levels named by alias and packets by name, telling what the font lacks first and then each job', async () => {
    const content = libraryWithWarnings();
    const outDir = join(scratchDir(), 'out');
    const told: string[] = [];
    const result = await buildPackets({
      contentDir: content,
      outDir,
      levels: ['staff-engineer'],
      packets: ['cheatsheet,booklet'],
      onWarnings: (warnings: Problem[]) => told.push(...warnings.map((w) => `warning ${w.path}: ${w.message.slice(0, 8)}`)),
      onJob: (done, total, job) => told.push(`${done + 1}/${total} ${job.level} ${job.packet}`),
    });
    const [jobs, warned] = [told.slice(-2), told.slice(0, -2)];
    expect(jobs).toEqual(['1/2 staff booklet', '2/2 staff cheatsheet']);
    expect(warned.length).toBeGreaterThan(0);
    expect(warned.every((line) => line === `warning ${join(content, STAFF_01)}: no font `)).toBe(true);
    expect(result.files.map((f) => f.path)).toEqual(['staff/staff-booklet.pdf', 'staff/staff-cheatsheet.pdf']);
    // The result has every warning: the content's own too.
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringContaining('no competency tagged'), ...warned.map(() => expect.stringContaining('no font has'))]);
    const cheatsheet = await readPdf(join(outDir, 'staff', 'staff-cheatsheet.pdf'));
    expect(cheatsheet.pages).toHaveLength(1);
    expect(cheatsheet.squashed).toContain('Staff');
  });

  it('builds a share of the jobs and says which', async () => {
    const outDir = join(scratchDir(), 'out');
    const result = await buildPackets({ contentDir: join(ROOT, 'content'), outDir, packets: ['cheatsheet'], shard: { index: 2, count: 3 } });
    expect(result.shard?.allJobs).toEqual(['director/cheatsheet', 'manager/cheatsheet', 'staff/cheatsheet']);
    expect(result.shard?.jobs).toHaveLength(1);
    expect(result.files.map((f) => `${f.level}/${f.packet}`)).toEqual(result.shard?.jobs);
    expect(JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')).shard.jobs).toEqual(result.shard?.jobs);
  });

  it('refuses, saying why, and writes nothing: content errors, a warning under strict, an unknown level or packet, a file where the folder goes', async () => {
    const outDir = join(scratchDir(), 'out');
    const broken = await refusal(buildPackets({ contentDir: join(ROOT, 'tests', 'fixtures', 'broken-content'), outDir }));
    expect(broken.reason).toBe('content');
    expect(broken.problems.length).toBeGreaterThan(10);
    expect(broken.problems.every((p) => p.severity === 'error' && p.line >= 1 && p.path.includes('broken-content'))).toBe(true);

    const strict = await refusal(buildPackets({ contentDir: libraryWithWarnings(), outDir, strict: true }));
    expect(strict.reason).toBe('strict');
    expect(strict.problems.length).toBeGreaterThan(0);
    expect(strict.problems.every((p) => p.severity === 'error' && p.message.startsWith('no font has'))).toBe(true);

    const level = await refusal(buildPackets({ contentDir: join(ROOT, 'content'), outDir, levels: ['intern'] }));
    expect([level.reason, level.message]).toEqual(['request', expect.stringContaining('unknown level "intern": the levels are director (vp, principal), manager')]);
    const packet = await refusal(buildPackets({ contentDir: join(ROOT, 'content'), outDir, packets: ['poster'] }));
    expect([packet.reason, packet.message]).toEqual(['request', 'unknown packet "poster": the packets are booklet, scorecard, cheatsheet']);
    const sheet = await refusal(buildPackets({ contentDir: join(ROOT, 'content'), outDir, levels: ['staff'], packets: ['scorecard'], personal: { candidate: 'Alex', questions: 99 } }));
    expect([sheet.reason, sheet.message]).toEqual(['request', expect.stringContaining('--questions 99: level "staff" has')]);
    expect(existsSync(outDir)).toBe(false);

    const file = join(scratchDir(), 'a-file');
    writeFileSync(file, '');
    const output = await refusal(buildPackets({ contentDir: join(ROOT, 'content'), outDir: join(file, 'out') }));
    expect([output.reason, output.message]).toEqual(['output', `${file} is a file, not a folder: the output goes in a folder`]);
  });
});

describe('preppack build prints what buildPackets tells', () => {
  it("prints what the font lacks and leaves the content's own warnings to check; --strict fails, exit 1, nothing written", () => {
    const content = libraryWithWarnings();
    const dir = scratchDir();
    const built = preppack(['build', '--content', content, '--level', 'staff', '--packet', 'cheatsheet', '--out', join(dir, 'out')]);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toMatch(new RegExp(`${join(content, STAFF_01)}:\\d+:\\d+: warning: no font has`));
    expect(built.stderr).not.toContain('no competency tagged');
    const tags = readFileSync(join(content, STAFF_01), 'utf8').split('\n').findIndex((l) => l.startsWith('competencies:')) + 1;
    expect(preppack(['check', '--content', content]).stderr).toContain(`${join(content, STAFF_01)}:${tags}: warning: no competency tagged`);
    const strict = preppack(['build', '--strict', '--content', content, '--out', join(dir, 'strict')]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('preppack: nothing was built: no font can print these characters (--strict)');
    expect(existsSync(join(dir, 'strict'))).toBe(false);
  });
});
