// Every level that passes `check` builds: each knowledge-base page imported
// alone into an empty folder, every pair of them, and pages of titles and
// sizes the seeds do not have. A cheat sheet is always one page.
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_SEEDS, BIN, scratchDir, STACK_TRACE } from './helpers.js';
import { interviewPack, qaPage, starPage } from './pages.js';
import { readPdf } from './pdf.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI, without blocking: the cases of this file run two at a time. */
function run(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, PREPPACK_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Imports the pages into an empty folder, checks and builds it; returns the output folder. */
async function importCheckBuild(pages: readonly string[]): Promise<string> {
  const content = join(scratchDir(), 'content');
  const out = join(scratchDir(), 'out');
  const imported = await run(['import', ...pages, '--content', content]);
  expect(imported.stderr).toBe('');
  expect(imported.code).toBe(0);
  const checked = await run(['check', '--content', content]);
  expect(checked.code, checked.stdout + checked.stderr).toBe(0);
  const built = await run(['build', '--content', content, '--out', out]);
  expect(built.stderr).not.toMatch(STACK_TRACE);
  expect(built.code, built.stderr).toBe(0);
  // The only thing a build may say on stderr here: a level without questions has no scoring sheet.
  for (const line of built.stderr.trim().split('\n').filter(Boolean)) expect(line).toMatch(/skipped the scorecard of level "[a-z-]+": it has no questions to score/);
  return out;
}

/** A folder per level; the manifest and the run's stamp (.preppack-run.json) besides. */
const levelFolders = (out: string) => readdirSync(out).filter((name) => name !== 'manifest.json' && name !== '.preppack-run.json');

async function expectOnePageCheatsheets(out: string): Promise<void> {
  const levels = levelFolders(out);
  expect(levels.length).toBeGreaterThan(0);
  for (const level of levels) {
    const sheet = await readPdf(join(out, level, `${level}-cheatsheet.pdf`));
    expect(sheet.pages, `${level} cheat sheet`).toHaveLength(1);
    expect(readdirSync(join(out, level))).toContain(`${level}-booklet.pdf`);
  }
}

const name = (path: string) => basename(path).slice(0, 3);
const pairs = ALL_SEEDS.flatMap((a, i) => ALL_SEEDS.slice(i + 1).map((b) => [a, b] as const));

describe('each knowledge-base page alone', () => {
  it.concurrent.each(ALL_SEEDS.map((page) => [name(page), page] as const))('page %s imports, checks and builds, with a one-page cheat sheet', async (_, page) => {
    await expectOnePageCheatsheets(await importCheckBuild([page]));
  });

  it('says "1 level" of a library of one level', async () => {
    const content = join(scratchDir(), 'content');
    expect((await run(['import', ALL_SEEDS[3]!, '--content', content])).code).toBe(0);
    expect((await run(['check', '--content', content])).stdout).toMatch(/: 1 level, 18 questions, 0 stories, 0 competencies; 0 errors, 18 warnings\nanchors: 0 written by authors, 18 stated from listen-for points\n$/);
  });
});

describe('every pair of knowledge-base pages', () => {
  it.concurrent.each(pairs.map(([a, b]) => [`${name(a)} + ${name(b)}`, a, b] as const))('pages %s import, check and build, with one-page cheat sheets', async (_, a, b) => {
    await expectOnePageCheatsheets(await importCheckBuild([a, b]));
  });
});

describe('pages of titles and sizes the seeds do not have', () => {
  const write = (file: string, text: string) => {
    const path = join(scratchDir(), file);
    writeFileSync(path, text);
    return path;
  };

  it.concurrent.each([
    ['an interview pack of 30 questions', () => [write('architect.txt', interviewPack('Product Security Architect', 30))], ['architect']],
    ['a Q&A page of 9 questions', () => [write('principal.txt', qaPage('Principal Application Security Engineer', 9))], ['principal-application']],
    ['a STAR page of 6 stories', () => [write('head.txt', starPage('Head of Product Security', 6))], ['head-of']],
    ['a pack of 40 questions with its STAR page', () => [write('ciso.txt', interviewPack('Chief Product Security Officer', 40)), write('ciso-stories.txt', starPage('Chief Product Security Officer', 5))], ['chief-officer']],
  ] as const)('%s imports, checks and builds, with a one-page cheat sheet', async (_, pages, levels) => {
    const out = await importCheckBuild(pages());
    expect(levelFolders(out).sort()).toEqual([...levels].sort());
    await expectOnePageCheatsheets(out);
  });
});
