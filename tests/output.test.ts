// How commands talk: --json (one document on stdout, problems on stderr too),
// --quiet (errors only), plain lines in a pipe, and on a terminal a live
// progress line and colour (none with NO_COLOR, none in CI).
import { spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
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
    expect(built).toMatchObject({ command: 'build', exitCode: 0, files: [{ path: join(dir, 'out', 'staff', 'staff-cheatsheet.pdf'), level: 'staff', packet: 'cheatsheet', pages: 1, unchanged: false }], zips: [{ level: 'staff' }], shard: { index: 1, count: 1 } });
    expect(built.problems).toEqual([0, 1].map(() => expect.objectContaining({ severity: 'warning', line: 17, column: expect.any(Number) })));
    expect(build.stderr).toContain('warning: the font (DejaVuSans) has no glyph for "你"');

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
  const onTerminal = (args: string[], env: Record<string, string> = {}) => {
    const command = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
    const base: NodeJS.ProcessEnv = { ...process.env, ...env };
    if (!('CI' in env)) delete base.CI;
    if (!('NO_COLOR' in env)) delete base.NO_COLOR;
    return spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: base, cwd: scratchDir() }).stdout;
  };

  it('a terminal shows live progress, which packet of how many, and colours the warning', () => {
    const seen = onTerminal(['build', '--content', libraryWithWarning(), '--level', 'staff']);
    expect(seen).toMatch(/\r\x1b\[K\[1\/3\] staff booklet · \d+\.\d s/);
    expect(seen).toContain('[3/3] staff cheatsheet');
    expect(seen).toContain('\x1b[33mwarning:\x1b[0m');
    expect(seen).toContain('3 PDFs, ');
  });

  it('NO_COLOR: no colour; CI: no escape codes at all; a pipe: plain lines, one per PDF', () => {
    const content = libraryWithWarning();
    const noColour = onTerminal(['build', '--content', content, '--level', 'staff'], { NO_COLOR: '1' });
    expect(noColour).not.toMatch(/\x1b\[\d+m/);
    expect(noColour).toContain('warning: the font');
    expect(onTerminal(['build', '--content', content, '--level', 'staff'], { CI: 'true' })).not.toMatch(ESCAPE);
    const piped = preppack(['build', '--content', content, '--level', 'staff', '--out', join(scratchDir(), 'out')]);
    expect(piped.stdout + piped.stderr).not.toMatch(ESCAPE);
    expect(piped.stdout.trim().split('\n').filter((line) => line.endsWith('KB') && line.includes('.pdf'))).toHaveLength(3);
  });
});
