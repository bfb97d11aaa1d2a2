// How commands talk: --json (one document on stdout, problems on stderr too),
// --quiet (errors only), plain lines in a pipe, and on a terminal a live
// progress line and colour (none with NO_COLOR, none in CI).
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, preppack, ROOT, scratchDir, SEED } from './helpers.js';

const ESCAPE = /\x1b\[/;

/** A copy of the library with one character the font lacks: a warning on every command that reads it. */
function libraryWithWarning(): string {
  const content = join(scratchDir(), 'content');
  cpSync(join(ROOT, 'content'), content, { recursive: true });
  const question = join(content, 'questions', 'staff', 'staff-01-walk-through-youd-threat-model.md');
  writeFileSync(question, `${spawnSync('cat', [question], { encoding: 'utf8' }).stdout}\nGreet them: 你好.\n`);
  return content;
}

/** One JSON document, nothing else, on stdout. */
function documentOf(stdout: string): Record<string, unknown> {
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('--json', () => {
  it('build, check, list, panel, render, import and manifest merge: stdout is one JSON document; warnings stay on stderr', () => {
    const content = libraryWithWarning();
    const dir = scratchDir();
    const build = preppack(['build', '--json', '--content', content, '--level', 'staff', '--packet', 'cheatsheet', '--zip', '--shard', '1/1', '--out', join(dir, 'out')]);
    expect(build.code, build.stderr).toBe(0);
    const built = documentOf(build.stdout);
    expect(built).toMatchObject({ command: 'build', exitCode: 0, files: [{ path: join(dir, 'out', 'staff', 'staff-cheatsheet.pdf'), level: 'staff', packet: 'cheatsheet', pages: 1, unchanged: false }], zips: [{ level: 'staff', path: join(dir, 'out', 'staff.zip'), files: [join(dir, 'out', 'staff', 'staff-cheatsheet.pdf')] }], shard: { index: 1, count: 1 } });
    const greeting = readFileSync(join(content, 'questions', 'staff', 'staff-01-walk-through-youd-threat-model.md'), 'utf8').split('\n').findIndex((l) => l.startsWith('Greet them')) + 1;
    expect(built.problems).toEqual([0, 1].map(() => expect.objectContaining({ severity: 'warning', line: greeting, column: expect.any(Number) })));
    expect(build.stderr).toContain('warning: no font has a glyph for "你"');

    expect(documentOf(preppack(['check', '--json', '--content', content]).stdout)).toMatchObject({ command: 'check', exitCode: 0, levels: 3, errors: 0, warnings: 2 });
    const levels = documentOf(preppack(['list', 'levels', '--json', '--content', content]).stdout) as unknown as { id: string }[];
    expect(levels.map((l) => l.id)).toEqual(['director', 'manager', 'staff']);
    const panel = preppack(['panel', '--json', '--content', content, '--level', 'staff', '--candidate', 'Alex Doe', '--interviewers', 'Sam,Kai', '--out', join(dir, 'panels')]);
    expect(documentOf(panel.stdout)).toMatchObject({ command: 'panel', exitCode: 0, files: expect.arrayContaining([expect.objectContaining({ path: join(dir, 'panels', 'panels', 'alex-doe', 'panel-plan.pdf') })]) });
    const markdown = join(dir, 'notes.md');
    writeFileSync(markdown, '# Notes\n\nText.\n');
    expect(documentOf(preppack(['render', '--json', markdown, '--out', join(dir, 'r')]).stdout)).toMatchObject({ command: 'render', files: [{ source: markdown, path: join(dir, 'r', 'notes.pdf'), pages: 1 }] });
    const imported = preppack(['import', '--json', '--dry-run', SEED.staffQa, '--content', join(dir, 'new')]);
    expect(documentOf(imported.stdout)).toMatchObject({ command: 'import', exitCode: 0, dryRun: true, files: expect.arrayContaining([expect.objectContaining({ action: 'create' })]) });
    const merged = preppack(['manifest', 'merge', '--json', join(dir, 'out'), '--out', join(dir, 'merged.json')]);
    expect(documentOf(merged.stdout)).toMatchObject({ command: 'manifest merge', exitCode: 0, shards: 1, files: 1, zips: 1 });
  });

  it('a failure is still one document, with its exit code and problems, and the problems on stderr', () => {
    const content = join(scratchDir(), 'content');
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    writeFileSync(join(content, 'questions', 'staff', 'broken.md'), '---\nid: [unclosed\n---\n');
    const check = preppack(['check', '--json', '--content', content]);
    expect(check.code).toBe(1);
    const document = documentOf(check.stdout);
    expect(document).toMatchObject({ command: 'check', exitCode: 1, errors: expect.any(Number) });
    expect(document.problems).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.stringContaining('broken.md'), severity: 'error' })]));
    expect(check.stderr).toContain('broken.md:2');
    const usage = preppack(['biuld', '--json']);
    expect(usage.code).toBe(2);
    expect(documentOf(usage.stdout)).toMatchObject({ exitCode: 2 });
    // A mistake in the command line: its message in problems too, with no file.
    const paper = preppack(['build', '--json', '--paper', 'b5']);
    expect(paper.code).toBe(2);
    expect(documentOf(paper.stdout).problems).toEqual([{ path: '', line: 0, severity: 'error', message: expect.stringContaining('unknown paper "b5"') }]);
  });
});

describe('--quiet', () => {
  it('prints only errors: nothing on stdout, no warnings', () => {
    const content = libraryWithWarning();
    const out = join(scratchDir(), 'out');
    const quiet = preppack(['build', '--quiet', '--content', content, '--level', 'staff', '--packet', 'cheatsheet', '--out', out]);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toBe('');
    const failing = preppack(['build', '-q', '--content', content, '--level', 'nobody', '--out', out]);
    expect(failing.code).toBe(2);
    expect(failing.stderr).toContain('unknown level "nobody"');
  });
});

describe('on a terminal and off it', () => {
  /** The command under a pseudo-terminal (script(1)), as a person runs it. */
  const onTerminal = (args: string[], env: Record<string, string> = {}, cwd = scratchDir()) => {
    const command = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
    const base: NodeJS.ProcessEnv = { ...process.env, ...env };
    if (!('CI' in env)) delete base.CI;
    if (!('NO_COLOR' in env)) delete base.NO_COLOR;
    return spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: base, cwd }).stdout;
  };
  /** What a person sees once the live line is gone: of each line, what the last carriage return left. */
  const screen = (seen: string) => seen.split('\n').map((line) => line.replace(/\r$/, '').split('\r').at(-1)!.replace(/\x1b\[K/g, '')).filter(Boolean);

  it('a terminal shows live progress, which packet of how many, and colours the warning', () => {
    const seen = onTerminal(['build', '--content', libraryWithWarning(), '--level', 'staff']);
    expect(seen).toMatch(/\r\x1b\[K\[1\/3\] staff booklet · \d+\.\d s/);
    expect(seen).toContain('[3/3] staff cheatsheet');
    expect(seen).toContain('\x1b[33mwarning:\x1b[0m');
    expect(seen).toContain('3 PDFs, ');
  });

  it('after the build, a terminal shows a summary table: each level once, its packets, pages, size, written or unchanged, the file', () => {
    const cwd = scratchDir();
    const first = screen(onTerminal(['build', '--level', 'staff,manager', '--zip'], {}, cwd));
    const header = first.findIndex((line) => /^level +packet +pages +size +status +file$/.test(line));
    expect(header, first.join('\n')).toBeGreaterThanOrEqual(0);
    const rows = first.slice(header + 2, header + 10);
    expect(rows[0]).toMatch(/^staff +booklet +\d+ pages +[\d.]+ KB +written +out\/staff\/staff-booklet\.pdf$/);
    expect(rows[1]).toMatch(/^ +scorecard +\d+ pages .* written +out\/staff\/staff-scorecard\.pdf$/);
    expect(rows[2]).toMatch(/^ +cheatsheet +1 page .* written +out\/staff\/staff-cheatsheet\.pdf$/);
    expect(rows[3]).toMatch(/^manager +booklet /);
    expect(rows[6]).toMatch(/^staff +zip +3 PDFs +[\d.]+ KB +written +out\/staff\.zip$/);
    expect(rows[7]).toMatch(/^manager +zip +3 PDFs /);
    expect(first.at(-1)).toMatch(/^6 PDFs and 2 zips, \d+ pages, [\d.]+ KB in \d+\.\d s; manifest out\/manifest\.json$/);
    const again = screen(onTerminal(['build', '--level', 'staff,manager', '--zip'], {}, cwd));
    expect(again.filter((line) => / unchanged +out\//.test(line))).toHaveLength(8);
  });

  it('panel and render show which file of how many, then their table', () => {
    const panel = onTerminal(['panel', '--level', 'manager', '--candidate', 'Alex Doe', '--interviewers', 'Sam,Kai']);
    expect(panel).toMatch(/\[1\/4\] Alex Doe scorecard \(Sam\) · \d+\.\d s/);
    expect(panel).toContain('[3/4] Alex Doe panel plan');
    expect(panel).toContain('[4/4] Alex Doe debrief');
    const panelLines = screen(panel);
    expect(panelLines).toContainEqual(expect.stringMatching(/^candidate +sheet +pages +size +file$/));
    expect(panelLines).toContainEqual(expect.stringMatching(/^Alex Doe +scorecard \(Sam\) +\d+ pages .* out\/panels\/alex-doe\/sam-scorecard\.pdf$/));
    expect(panelLines).toContainEqual(expect.stringMatching(/^ +debrief +1 page .* out\/panels\/alex-doe\/debrief\.pdf$/));

    const dir = scratchDir();
    writeFileSync(join(dir, 'one.md'), '# One\n\nFirst.\n');
    writeFileSync(join(dir, 'two.md'), '# Two\n\nSecond.\n');
    const render = onTerminal(['render', 'one.md', 'two.md'], {}, dir);
    expect(render).toMatch(/\[1\/2\] one\.md · /);
    expect(render).toContain('[2/2] two.md');
    expect(screen(render)).toContainEqual(expect.stringMatching(/^one\.md +1 page +[\d.]+ KB +out\/one\.pdf$/));
  });

  it('NO_COLOR: no colour; CI: no escape codes at all; a pipe: plain lines, one per PDF', () => {
    const content = libraryWithWarning();
    const noColour = onTerminal(['build', '--content', content, '--level', 'staff'], { NO_COLOR: '1' });
    expect(noColour).not.toMatch(/\x1b\[\d+m/);
    expect(noColour).toContain('warning: no font has');
    expect(onTerminal(['build', '--content', content, '--level', 'staff'], { CI: 'true' })).not.toMatch(ESCAPE);
    const piped = preppack(['build', '--content', content, '--level', 'staff', '--out', join(scratchDir(), 'out')]);
    expect(piped.stdout + piped.stderr).not.toMatch(ESCAPE);
    expect(piped.stdout.trim().split('\n').filter((line) => line.endsWith('KB') && line.includes('.pdf'))).toHaveLength(3);
    // No table in a pipe or a CI log: a script reads the same lines on every run.
    expect(piped.stdout).not.toMatch(/^level +packet/m);
    expect(piped.stdout).not.toMatch(/ in \d+\.\d s;/);
  });
});
