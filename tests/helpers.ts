// Shared test helpers: run the real CLI as a user would, and scratch folders.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '..');
/** The knowledge-base pages the bundled library was imported from, kept in the repository. */
export const SEEDS = join(ROOT, 'sources');
export const BIN = join(ROOT, 'bin', 'preppack.js');

export const SEED = {
  directorStories: join(SEEDS, '000_acea808a72da3aac.txt'),
  managerStories: join(SEEDS, '001_70f7f61532079bc1.txt'),
  directorPack: join(SEEDS, '002_a9d44e0bf7b070cc.txt'),
  managerPack: join(SEEDS, '003_9085f1a1ab0eaf00.txt'),
  staffQa: join(SEEDS, '004_c93d262fff5969d9.txt'),
};
export const ALL_SEEDS = Object.values(SEED);

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The machine's own fonts, not only the bundled ones (tests/setup/bundledFontsOnly.ts): for tests of fallback fonts. */
export const SYSTEM_FONTS = { FONTCONFIG_FILE: '/etc/fonts/fonts.conf' };

/** Longer than any command here takes on a loaded machine (a fillable roster of 20: 26 s alone on a slow day, twice that beside another test file). */
const COMMAND_TIMEOUT_MS = 100_000;

export function preppack(args: readonly string[], cwd = ROOT, env: Record<string, string> = {}): CliResult {
  const base: NodeJS.ProcessEnv = { ...process.env, PREPPACK_DEBUG: '' };
  delete base.SOURCE_DATE_EPOCH;
  // A command that hangs (it read a pipe, say) fails its test instead of holding the run forever.
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...base, ...env }, timeout: COMMAND_TIMEOUT_MS, killSignal: 'SIGKILL' });
  const timedOut = result.error && (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? `\n(test: preppack ${args.join(' ')} was stopped after ${COMMAND_TIMEOUT_MS / 1000} s)` : '';
  return { code: result.status, stdout: result.stdout, stderr: result.stderr + timedOut };
}

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

export function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'preppack-test-'));
  scratch.push(dir);
  return dir;
}

/** A copy of a folder in a scratch directory. */
export function copyOf(folder: string): string {
  const dir = join(scratchDir(), 'copy');
  cpSync(folder, dir, { recursive: true });
  return dir;
}

const made = new Map<string, string>();

/**
 * A fresh copy of what a command leaves in its output folder (`{out}` in its
 * arguments), the command run once per test file: for tests that start from a
 * build or a panel, not the ones that test making it. The copy is the same
 * bytes a run of its own would leave (a build's run stamp names the folder it
 * was made in, so the next build into the copy looks at everything again).
 */
export function outputOf(args: readonly string[], cwd = ROOT): string {
  const key = JSON.stringify([args, cwd]);
  let master = made.get(key);
  if (master === undefined) {
    master = join(scratchDir(), 'made');
    const result = preppack(args.map((arg) => arg.replaceAll('{out}', master!)), cwd);
    if (result.code !== 0) throw new Error(`test setup: preppack ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
    made.set(key, master);
  }
  return copyOf(master);
}

/** Every file below a folder, relative path to text. */
export function readTree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(root, path), readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return files;
}

/** A stack trace line, which users must never see. */
export const STACK_TRACE = /^\s+at .+\(.+:\d+:\d+\)$|^\s+at .+:\d+:\d+$/m;
