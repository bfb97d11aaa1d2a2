// `preppack watch`, driven as a person would: start it, change a question and
// see its PDFs rebuilt, break the file and see the error, fix it, stop it.
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, scratchDir, STACK_TRACE } from './helpers.js';
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
});
