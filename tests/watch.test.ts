// `preppack watch`, driven as a person would: start it, change a question and
// see its PDFs rebuilt, break the file and see the error, fix it, stop it.
import { spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, preppack, ROOT, scratchDir, STACK_TRACE } from './helpers.js';
import { readPdf, squash } from './pdf.js';

describe('preppack watch', () => {
  it('rebuilds what a change touches, says what is wrong and goes on, and stops on Ctrl-C', { timeout: 120_000 }, async () => {
    const dir = scratchDir();
    const content = join(dir, 'content');
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    const question = join(content, 'questions', 'staff', 'staff-01-walk-through-youd-threat-model.md');
    const original = readFileSync(question, 'utf8');
    const child = spawn(process.execPath, [BIN, 'watch', '--content', content, '--level', 'staff', '--out', join(dir, 'out')], { cwd: dir, env: { ...process.env, PREPPACK_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    /** Waits until the output so far matches, or fails saying what it has. */
    const seen = async (stream: () => string, pattern: RegExp, from: number) => {
      for (let waited = 0; waited < 40_000; waited += 100) {
        if (pattern.test(stream().slice(from))) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`never saw ${pattern} in:\n${stream().slice(from)}\n--- stderr:\n${stderr}`);
    };
    try {
      await seen(() => stdout, /watching .*\(Ctrl-C to stop\)/, 0);
      expect(stdout).toMatch(/3 PDFs, /);
      // The fonts it watches are named as the tool's own, not by where npm put them.
      expect(stdout).toMatch(/watching .*content, the bundled fonts \(Ctrl-C to stop\)/);
      expect(stdout).not.toContain(join(ROOT, 'fonts'));

      // A change: the staff PDFs that show the question are rebuilt, and listed; the new text is in them.
      let mark = stdout.length;
      writeFileSync(question, original.replace('I start with a 30', 'Freshly edited: I start with a 30'));
      await seen(() => stdout, /changed: .*staff-01[\s\S]*3 PDFs/, mark);
      expect(stdout.slice(mark)).toContain('staff-booklet.pdf');
      expect((await readPdf(join(dir, 'out', 'staff', 'staff-booklet.pdf'))).squashed).toContain(squash('Freshly edited: I start'));

      // Broken: the error at its file and line, and the watch goes on.
      mark = stderr.length;
      writeFileSync(question, original.replace('level: staff', 'level: [staff'));
      await seen(() => stderr, /staff-01-walk-through-youd-threat-model\.md:\d+: .*\n.*nothing was built/, mark);
      expect(stderr).not.toMatch(STACK_TRACE);

      // Fixed: built again.
      mark = stdout.length;
      writeFileSync(question, original);
      await seen(() => stdout, /changed: [\s\S]*3 PDFs/, mark);
      expect((await readPdf(join(dir, 'out', 'staff', 'staff-booklet.pdf'))).squashed).not.toContain('Freshlyedited');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(stdout.trim().split('\n').at(-1)).toBe('stopped');
  });

  it('sees a save by renaming, a content folder deleted and made again, moved away and back, or replaced; a build never sets off another', { timeout: 120_000 }, async () => {
    const dir = scratchDir();
    const content = join(dir, 'content');
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    const question = () => join(content, 'questions', 'staff', 'staff-01-walk-through-youd-threat-model.md');
    const original = readFileSync(question(), 'utf8');
    const child = spawn(process.execPath, [BIN, 'watch', '--content', 'content', '--level', 'staff', '--packet', 'cheatsheet', '--out', 'out'], { cwd: dir, env: { ...process.env, PREPPACK_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const builds = () => stdout.split('\n').filter((line) => / (building|changed: .*)$/.test(line)).length;
    const seen = async (pattern: RegExp, from: number) => {
      for (let waited = 0; waited < 40_000; waited += 100) {
        if (pattern.test(stdout.slice(from))) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`never saw ${pattern} in:\n${stdout.slice(from)}\n--- stderr:\n${stderr}`);
    };
    const cheatsheetText = async () => (await readPdf(join(dir, 'out', 'staff', 'staff-cheatsheet.pdf'))).squashed;
    try {
      await seen(/watching .*\(Ctrl-C to stop\)/, 0);
      // An editor that saves by writing a new file and renaming it over the old one.
      let mark = stdout.length;
      writeFileSync(join(dir, 'new.md'), original.replace('prompt: ', 'prompt: Renamed into place. '));
      renameSync(join(dir, 'new.md'), question());
      await seen(/changed: [\s\S]*1 PDF/, mark);
      expect(await cheatsheetText()).toContain(squash('Renamed into place.'));

      // The content folder deleted (a build fails, the watch goes on), then made again.
      mark = stdout.length;
      rmSync(content, { recursive: true });
      await seen(/changed: /, mark);
      mark = stdout.length;
      cpSync(join(ROOT, 'content'), content, { recursive: true });
      writeFileSync(question(), original.replace('prompt: ', 'prompt: Made again. '));
      await seen(/changed: [\s\S]*1 PDF/, mark);
      await new Promise((r) => setTimeout(r, 600));
      expect(await cheatsheetText()).toContain(squash('Made again.'));

      // Moved away and back, then edited.
      renameSync(content, join(dir, 'away'));
      renameSync(join(dir, 'away'), content);
      await new Promise((r) => setTimeout(r, 600));
      mark = stdout.length;
      writeFileSync(question(), original.replace('prompt: ', 'prompt: Moved back. '));
      await seen(/changed: [\s\S]*1 PDF/, mark);
      await new Promise((r) => setTimeout(r, 600));
      expect(await cheatsheetText()).toContain(squash('Moved back.'));

      // Replaced by another folder renamed into its place, then edited.
      cpSync(join(ROOT, 'content'), join(dir, 'other'), { recursive: true });
      rmSync(content, { recursive: true });
      renameSync(join(dir, 'other'), content);
      await new Promise((r) => setTimeout(r, 600));
      mark = stdout.length;
      writeFileSync(question(), original.replace('prompt: ', 'prompt: Replaced folder. '));
      await seen(/changed: [\s\S]*1 PDF/, mark);
      await new Promise((r) => setTimeout(r, 600));
      expect(await cheatsheetText()).toContain(squash('Replaced folder.'));

      // Quiet now: its own writes set off no build.
      const before = builds();
      await new Promise((r) => setTimeout(r, 2000));
      expect(builds()).toBe(before);
      expect(stderr).not.toMatch(STACK_TRACE);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });

  it('refuses an output folder inside what it watches (--content /), exit 2, before building', () => {
    const dir = scratchDir();
    const result = preppack(['watch', '--content', '/', '--out', 'out'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('preppack: --out out: the output folder is inside the content folder (/): preppack would write among what it reads; choose another folder');
    expect(readdirSync(dir)).toEqual([]);
  });
});
