// A build killed at any moment, even between two files moved into place,
// leaves every output the old complete file or the new one; the next run
// completes the change, leaves the manifest true to the folder and no
// temporary behind. One run at a time writes a folder.
import { spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../src/pipeline/manifest.js';
import { BIN, preppack, ROOT, scratchDir } from './helpers.js';

const LEVEL = ['--level', 'staff'];
const PDFS = ['staff/staff-booklet.pdf', 'staff/staff-scorecard.pdf', 'staff/staff-cheatsheet.pdf'];
const root = scratchDir();
const before = join(root, 'letter');
const after = join(root, 'a4');
const bytes = (dir: string, path: string) => readFileSync(join(dir, path));

/** Every file below a folder, hidden ones too. */
function everything(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? everything(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

/** Each output is the old file or the new one, whole. */
function oldOrNew(dir: string): void {
  for (const path of PDFS) {
    const now = bytes(dir, path);
    expect(now.equals(bytes(before, path)) || now.equals(bytes(after, path)), `${path} is neither the old nor the new file`).toBe(true);
  }
}

/** After a clean run: the new files, a manifest that describes them, the run's stamp (for the next unchanged build), nothing else. */
function settled(dir: string): void {
  for (const path of PDFS) expect(bytes(dir, path).equals(bytes(after, path))).toBe(true);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string }[] };
  for (const entry of manifest.files) expect(sha256(bytes(dir, entry.path))).toBe(entry.sha256);
  expect(everything(dir).sort()).toEqual([...PDFS, 'manifest.json', '.preppack-run.json'].sort());
}

beforeAll(() => {
  expect(preppack(['build', ...LEVEL, '--out', before]).code).toBe(0);
  expect(preppack(['build', ...LEVEL, '--out', after, '--paper', 'a4']).code).toBe(0);
});

describe('a build killed part-way', () => {
  it.each([1, 2, 3, 4])('after %i of the 4 moves into place: old or new files, and the next run completes the change', (moves) => {
    const dir = join(scratchDir(), 'out');
    cpSync(before, dir, { recursive: true });
    const killed = preppack(['build', ...LEVEL, '--out', dir, '--paper', 'a4'], ROOT, { PREPPACK_TEST_KILL_AFTER_MOVES: String(moves) });
    expect(killed.code).toBe(null);
    oldOrNew(dir);
    expect(preppack(['build', ...LEVEL, '--out', dir, '--paper', 'a4']).code).toBe(0);
    settled(dir);
  });

  it.each([150, 600, 1200])('by SIGKILL %i ms after it started: old or new files, and the next run completes the change', async (delay) => {
    const dir = join(scratchDir(), 'out');
    cpSync(before, dir, { recursive: true });
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'build', ...LEVEL, '--out', dir, '--paper', 'a4'], { cwd: ROOT, stdio: 'ignore' });
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      child.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    oldOrNew(dir);
    expect(preppack(['build', ...LEVEL, '--out', dir, '--paper', 'a4']).code).toBe(0);
    settled(dir);
  });
});

describe('one run at a time', () => {
  it('a second build into a folder another run holds stops, saying so, and changes nothing', () => {
    const dir = join(scratchDir(), 'out');
    cpSync(before, dir, { recursive: true });
    // The lock of a live process: this test's own.
    writeFileSync(join(dir, '.preppack.lock'), `${process.pid}\n`);
    const result = preppack(['build', ...LEVEL, '--out', dir, '--paper', 'a4']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`another preppack (process ${process.pid}) is writing to ${dir}`);
    for (const path of PDFS) expect(bytes(dir, path).equals(bytes(before, path))).toBe(true);
  });

  it('a lock left by a run that died is taken over; its journal temporary goes, a file of that shape that is not preppack\'s stays', () => {
    const dir = join(scratchDir(), 'out');
    cpSync(before, dir, { recursive: true });
    writeFileSync(join(dir, '.preppack.lock'), '2147483646\n');
    writeFileSync(join(dir, '.preppack-journal.json.2147483646.tmp'), 'half a journal');
    writeFileSync(join(dir, 'staff', '.notes.md.2147483646.tmp'), 'an editor\'s file');
    expect(preppack(['build', ...LEVEL, '--out', dir, '--paper', 'a4']).code).toBe(0);
    expect(readFileSync(join(dir, 'staff', '.notes.md.2147483646.tmp'), 'utf8')).toBe("an editor's file");
    rmSync(join(dir, 'staff', '.notes.md.2147483646.tmp'));
    settled(dir);
  });
});
