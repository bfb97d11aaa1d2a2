// `preppack watch`, driven as a person would: start it, change a question and
// see its PDFs rebuilt, break the file and see the error, fix it, stop it.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEditorFile } from '../src/fs/editorFiles.js';
import { BIN, preppack, ROOT, scratchDir, STACK_TRACE } from './helpers.js';
import { readPdf, squash } from './pdf.js';

/** `preppack watch` of the staff cheat sheet from `dir` (its ./content into ./out): its output so far, and a wait for a pattern in it. */
function watchCheatsheets(dir: string) {
  const child = spawn(process.execPath, [BIN, 'watch', '--content', 'content', '--level', 'staff', '--packet', 'cheatsheet', '--out', 'out'], { cwd: dir, env: { ...process.env, PREPPACK_DEBUG: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  /** Waits until stdout from `from` on matches, or fails saying what it has. */
  const seen = async (pattern: RegExp, from: number) => {
    for (let waited = 0; waited < 40_000; waited += 100) {
      if (pattern.test(stdout.slice(from))) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`never saw ${pattern} in:\n${stdout.slice(from)}\n--- stderr:\n${stderr}`);
  };
  return { child, exited, seen, stdout: () => stdout, stderr: () => stderr };
}

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
    // Without its short label, the cheat sheet names the question by its prompt: the edits below show there.
    const original = readFileSync(question(), 'utf8').replace(/^short: .*\n/m, '');
    writeFileSync(question(), original);
    const { child, exited, seen, ...output } = watchCheatsheets(dir);
    const builds = () => output.stdout().split('\n').filter((line) => / (building|changed: .*)$/.test(line)).length;
    const cheatsheetText = async () => (await readPdf(join(dir, 'out', 'staff', 'staff-cheatsheet.pdf'))).squashed;
    try {
      await seen(/watching .*\(Ctrl-C to stop\)/, 0);
      // An editor that saves by writing a new file and renaming it over the old one.
      let mark = output.stdout().length;
      writeFileSync(join(dir, 'new.md'), original.replace('prompt: ', 'prompt: Renamed into place. '));
      renameSync(join(dir, 'new.md'), question());
      await seen(/changed: [\s\S]*1 PDF/, mark);
      expect(await cheatsheetText()).toContain(squash('Renamed into place.'));

      // The content folder deleted (a build fails, the watch goes on), then made again.
      mark = output.stdout().length;
      rmSync(content, { recursive: true });
      await seen(/changed: /, mark);
      mark = output.stdout().length;
      cpSync(join(ROOT, 'content'), content, { recursive: true });
      writeFileSync(question(), original.replace('prompt: ', 'prompt: Made again. '));
      await seen(/changed: [\s\S]*1 PDF/, mark);
      await new Promise((r) => setTimeout(r, 600));
      expect(await cheatsheetText()).toContain(squash('Made again.'));

      // Moved away and back, then edited.
      renameSync(content, join(dir, 'away'));
      renameSync(join(dir, 'away'), content);
      await new Promise((r) => setTimeout(r, 600));
      mark = output.stdout().length;
      writeFileSync(question(), original.replace('prompt: ', 'prompt: Moved back. '));
      await seen(/changed: [\s\S]*1 PDF/, mark);
      await new Promise((r) => setTimeout(r, 600));
      expect(await cheatsheetText()).toContain(squash('Moved back.'));

      // Replaced by another folder renamed into its place, then edited.
      cpSync(join(ROOT, 'content'), join(dir, 'other'), { recursive: true });
      rmSync(content, { recursive: true });
      renameSync(join(dir, 'other'), content);
      await new Promise((r) => setTimeout(r, 600));
      mark = output.stdout().length;
      writeFileSync(question(), original.replace('prompt: ', 'prompt: Replaced folder. '));
      await seen(/changed: [\s\S]*1 PDF/, mark);
      await new Promise((r) => setTimeout(r, 600));
      expect(await cheatsheetText()).toContain(squash('Replaced folder.'));

      // Quiet now: its own writes set off no build.
      const before = builds();
      await new Promise((r) => setTimeout(r, 2000));
      expect(builds()).toBe(before);
      expect(output.stderr()).not.toMatch(STACK_TRACE);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });

  it('sees every editor\'s save as one rebuild of the file saved, never of its side files: in place, sed -i, vim, JetBrains, gedit, delete and create, a new file', { timeout: 180_000 }, async () => {
    const dir = scratchDir();
    const content = join(dir, 'content');
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    const folder = join(content, 'questions', 'staff');
    const file = join(folder, 'staff-01-walk-through-youd-threat-model.md');
    // Without its short label, the cheat sheet names the question by its prompt: the saves below show there.
    const original = readFileSync(file, 'utf8').replace(/^short: .*\n/m, '');
    writeFileSync(file, original);
    const { child, exited, seen, ...output } = watchCheatsheets(dir);
    const changes = () => output.stdout().split('\n').filter((line) => / changed: /.test(line));
    const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const text = async () => (await readPdf(join(dir, 'out', 'staff', 'staff-cheatsheet.pdf'))).squashed;
    const edited = (mark: string) => original.replace('prompt: ', `prompt: ${mark} `);
    const saves: [string, (next: string) => void][] = [
      ['in place', (next) => writeFileSync(file, next)],
      ['sed -i', () => expect(spawnSync('sed', ['-i', 's/^prompt: /prompt: Sed edit. /', file]).status).toBe(0)],
      // vim: its write test, a swap file, the old file kept as a backup, a new file written, the backup removed.
      ['vim', (next) => {
        writeFileSync(join(folder, '4913'), '');
        rmSync(join(folder, '4913'));
        writeFileSync(join(folder, `.${'staff-01-walk-through-youd-threat-model.md'}.swp`), 'swap');
        renameSync(file, `${file}~`);
        writeFileSync(file, next);
        rmSync(`${file}~`);
        rmSync(join(folder, `.${'staff-01-walk-through-youd-threat-model.md'}.swp`));
      }],
      // JetBrains safe write: a temporary file, the old one set aside, the temporary renamed into place, the old one removed.
      ['JetBrains', (next) => {
        writeFileSync(`${file}___jb_tmp___`, next);
        renameSync(file, `${file}___jb_old___`);
        renameSync(`${file}___jb_tmp___`, file);
        rmSync(`${file}___jb_old___`);
      }],
      ['gedit', (next) => {
        writeFileSync(join(folder, '.goutputstream-Q1W2E3'), next);
        renameSync(join(folder, '.goutputstream-Q1W2E3'), file);
      }],
      ['delete and create', (next) => {
        rmSync(file);
        writeFileSync(file, next);
      }],
    ];
    try {
      await seen(/watching .*\(Ctrl-C to stop\)/, 0);
      for (const [style, save] of saves) {
        const mark = output.stdout().length;
        const before = changes().length;
        const word = style === 'sed -i' ? 'Sed edit.' : `Saved by ${style}.`;
        save(edited(`Saved by ${style}.`));
        await seen(/changed: [\s\S]*1 PDF/, mark);
        await settle(800);
        // One rebuild for the save, naming the file saved and nothing else.
        expect(changes().length - before, style).toBe(1);
        expect(changes().at(-1), style).toMatch(/^\S+ changed: content\/questions\/staff\/staff-01-walk-through-youd-threat-model\.md$/);
        expect(await text(), style).toContain(squash(word));
      }
      // Side files that live longer than a save — vim's swap file for the whole session, emacs's
      // backup, lock and autosave, sed's and JetBrains' leftovers after a crash — set off nothing.
      const quiet = changes().length;
      const sides = ['.staff-01-walk-through-youd-threat-model.md.swp', 'staff-01-walk-through-youd-threat-model.md~', '.#staff-01-walk-through-youd-threat-model.md', '#staff-01-walk-through-youd-threat-model.md#', 'sedAb12Cd', 'staff-01-walk-through-youd-threat-model.md___jb_tmp___', '4913', '.goutputstream-Z9Y8X7'];
      for (const side of sides) writeFileSync(join(folder, side), original);
      await settle(1500);
      for (const side of sides) rmSync(join(folder, side));
      await settle(1500);
      expect(changes().slice(quiet), 'side files').toEqual([]);

      // A new question file is seen too.
      const mark = output.stdout().length;
      writeFileSync(join(folder, 'staff-99-new.md'), original.replace(/^id: .*$/m, 'id: staff-99-new').replace(/^number: .*$/m, 'number: 99').replace('prompt: ', 'prompt: A new question. '));
      await seen(/changed: [\s\S]*1 PDF/, mark);
      await settle(600);
      expect(await text()).toContain(squash('A new question.'));
      expect(output.stderr()).not.toMatch(STACK_TRACE);
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

describe("editors' side files", () => {
  it.each(['.notes.md.swp', '.notes.md.swo', 'notes.md~', '.#notes.md', '#notes.md#', 'sedX1y2Z3', 'notes.md___jb_tmp___', 'notes.md___jb_old___', '.goutputstream-ABC123', '4913', 'notes.md.kate-swp', '.DS_Store'])('%s is not content', (name) => {
    expect(isEditorFile(name)).toBe(true);
  });
  it.each(['notes.md', 'competencies.yaml', 'theme.json', 'scorecard.md.hbs', 'DejaVuSans.ttf', 'sed.md', '4913.md', 'staff-01-walk-through-youd-threat-model.md'])('%s is content', (name) => {
    expect(isEditorFile(name)).toBe(false);
  });
});
