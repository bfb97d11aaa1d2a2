// Incremental builds: unchanged inputs, unchanged PDFs left as they are; any
// changed input (content, template, font, tool version) or a missing or
// damaged output renders again. The cache never serves a stale file.
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { copyOf, preppack, ROOT, scratchDir, type CliResult } from './helpers.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const PDFS = ['director', 'manager', 'staff'].flatMap((level) => ['booklet', 'scorecard', 'cheatsheet'].map((packet) => `${level}/${level}-${packet}.pdf`));

/** The PDFs a build printed as left unchanged. */
const unchanged = (result: CliResult) => result.stdout.split('\n').filter((line) => line.endsWith('unchanged')).map((line) => PDFS.find((p) => line.includes(p))!);
const hashes = (out: string) => Object.fromEntries(PDFS.map((p) => [p, sha(join(out, p))]));

function built(args: string[], cwd = ROOT): CliResult {
  const result = preppack(args, cwd);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result;
}

describe('an unchanged build', () => {
  it('leaves every PDF as it is, byte for byte what a cold build makes; --force renders them all again', () => {
    const content = copyOf(join(ROOT, 'content'));
    const out = join(scratchDir(), 'out');
    built(['build', '--content', content, '--out', out]);
    const cold = hashes(out);
    const again = built(['build', '--content', content, '--out', out]);
    expect(unchanged(again).sort()).toEqual([...PDFS].sort());
    expect(again.stdout).toMatch(/^9 PDFs \(9 unchanged\), /m);
    expect(hashes(out)).toEqual(cold);
    const forced = built(['build', '--content', content, '--out', out, '--force']);
    expect(unchanged(forced)).toEqual([]);
    expect(hashes(out)).toEqual(cold);
  });
});

describe('fonts and shaped words shared by the documents of a run', () => {
  it('give the same bytes as a process that renders one PDF alone', () => {
    // In a full build, the staff packets come after six others have parsed the fonts and shaped their words.
    const all = join(scratchDir(), 'out');
    built(['build', '--out', all]);
    for (const packet of ['booklet', 'scorecard', 'cheatsheet']) {
      const alone = join(scratchDir(), 'out');
      built(['build', '--level', 'staff', '--packet', packet, '--out', alone]);
      expect(sha(join(alone, 'staff', `staff-${packet}.pdf`)), packet).toBe(sha(join(all, 'staff', `staff-${packet}.pdf`)));
    }
  });
});

describe('a changed input', () => {
  it('renders again exactly the PDFs of the level whose question was edited', () => {
    const content = copyOf(join(ROOT, 'content'));
    const out = join(scratchDir(), 'out');
    built(['build', '--content', content, '--out', out]);
    const before = hashes(out);
    const file = join(content, 'questions', 'manager', 'manager-01-run-intake-product-security-team.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Service levels that are honest about capacity.', 'Service levels that are honest about capacity and staffing.'));
    const result = built(['build', '--content', content, '--out', out]);
    expect(unchanged(result).sort()).toEqual(PDFS.filter((p) => !p.startsWith('manager/')).sort());
    for (const p of PDFS) {
      if (p.startsWith('manager/')) expect(sha(join(out, p)), p).not.toBe(before[p]);
      else expect(sha(join(out, p)), p).toBe(before[p]);
    }
    // What the cache left is what a cold build of the edited library makes.
    const cold = join(scratchDir(), 'out');
    built(['build', '--content', content, '--out', cold]);
    expect(hashes(out)).toEqual(hashes(cold));
  });

  it('renders again a PDF that was deleted or damaged, and only that one', () => {
    const content = copyOf(join(ROOT, 'content'));
    const out = join(scratchDir(), 'out');
    built(['build', '--content', content, '--out', out]);
    const before = hashes(out);
    rmSync(join(out, 'staff', 'staff-booklet.pdf'));
    const damaged = join(out, 'director', 'director-cheatsheet.pdf');
    const bytes = readFileSync(damaged);
    const middle = bytes.length >> 1;
    bytes[middle] = bytes[middle]! ^ 0xff;
    writeFileSync(damaged, bytes);
    const result = built(['build', '--content', content, '--out', out]);
    expect(unchanged(result).sort()).toEqual(PDFS.filter((p) => p !== 'staff/staff-booklet.pdf' && p !== 'director/director-cheatsheet.pdf').sort());
    expect(hashes(out)).toEqual(before);
  });

  it('renders again the packet whose template changed', () => {
    const content = copyOf(join(ROOT, 'content'));
    const templates = scratchDir();
    const out = join(scratchDir(), 'out');
    writeFileSync(join(templates, 'scorecard.md.hbs'), readFileSync(join(ROOT, 'templates', 'scorecard.md.hbs'), 'utf8'));
    built(['build', '--content', content, '--templates', templates, '--out', out]);
    appendFileSync(join(templates, 'scorecard.md.hbs'), '\nPrinted for the hiring committee.\n');
    const result = built(['build', '--content', content, '--templates', templates, '--out', out]);
    expect(unchanged(result).sort()).toEqual(PDFS.filter((p) => !p.endsWith('scorecard.pdf')).sort());
  });

  it('renders everything again when a font or the tool version changes', () => {
    // A copy of the tool, to change its fonts and its version.
    const tool = join(scratchDir(), 'preppack');
    mkdirSync(tool);
    for (const part of ['bin', 'dist', 'fonts', 'templates', 'patches', 'package.json']) cpSync(join(ROOT, part), join(tool, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(tool, 'node_modules'));
    const content = copyOf(join(ROOT, 'content'));
    const out = join(scratchDir(), 'out');
    const run = () => {
      const result = spawnSync(process.execPath, [join(tool, 'bin', 'preppack.js'), 'build', '--content', content, '--out', out], { encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    run();
    expect(unchanged(run())).toHaveLength(9);
    appendFileSync(join(tool, 'fonts', 'DejaVuSans.ttf'), Buffer.from([0]));
    expect(unchanged(run())).toEqual([]);
    expect(unchanged(run())).toHaveLength(9);
    const manifest = JSON.parse(readFileSync(join(tool, 'package.json'), 'utf8'));
    writeFileSync(join(tool, 'package.json'), JSON.stringify({ ...manifest, version: '9.9.9' }));
    expect(unchanged(run())).toEqual([]);
  });
});

describe('the manifest', () => {
  it('keeps describing the whole output folder after a build of one level', () => {
    const content = copyOf(join(ROOT, 'content'));
    const out = join(scratchDir(), 'out');
    built(['build', '--content', content, '--out', out]);
    built(['build', '--content', content, '--level', 'staff', '--packet', 'cheatsheet', '--out', out, '--force']);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.files.map((f: { path: string }) => f.path).sort()).toEqual([...PDFS].sort());
    for (const entry of manifest.files) expect(sha(join(out, entry.path)), entry.path).toBe(entry.sha256);
    expect(readdirSync(out).sort()).toEqual(['director', 'manager', 'manifest.json', 'staff']);
    // A file deleted or changed since is no longer described: the manifest never vouches for what is not there.
    rmSync(join(out, 'director', 'director-booklet.pdf'));
    appendFileSync(join(out, 'manager', 'manager-cheatsheet.pdf'), 'edited');
    built(['build', '--content', content, '--level', 'staff', '--packet', 'booklet', '--out', out]);
    const after = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(after.files.map((f: { path: string }) => f.path).sort()).toEqual(PDFS.filter((p) => !['director/director-booklet.pdf', 'manager/manager-cheatsheet.pdf'].includes(p)).sort());
  });
});
