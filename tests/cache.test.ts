// Incremental builds: unchanged inputs, unchanged PDFs left as they are; any
// changed input (content, template, font, tool version) or a missing or
// damaged output renders again. The cache never serves a stale file.
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildPackets } from '../src/index.js';
import { copyOf, outputOf, preppack, ROOT, scratchDir, type CliResult } from './helpers.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const PDFS = ['director', 'manager', 'staff'].flatMap((level) => ['booklet', 'scorecard', 'cheatsheet'].map((packet) => `${level}/${level}-${packet}.pdf`));

/** The PDFs a build printed as left unchanged. */
const unchanged = (result: CliResult) => result.stdout.split('\n').filter((line) => line.endsWith('unchanged')).map((line) => PDFS.find((p) => line.includes(p))!);
const hashes = (out: string) => Object.fromEntries(PDFS.map((p) => [p, sha(join(out, p))]));

/** A content library of its own and an output folder a build of it has filled, as if just built (tests/helpers.ts outputOf). */
const MASTER = copyOf(join(ROOT, 'content'));
function builtLibrary(): { content: string; out: string } {
  return { content: copyOf(MASTER), out: outputOf(['build', '--content', MASTER, '--out', '{out}']) };
}

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

/** Each file of the folder as its inode and time: a file written again (moved into place) has a new inode. */
const writes = (out: string) => Object.fromEntries(['manifest.json', ...PDFS].map((p) => [p, `${statSync(join(out, p)).ino}/${statSync(join(out, p)).mtimeMs}`]));

describe('an unchanged build, answered from the run stamp', () => {
  it('writes nothing and says what the full way says, to a person, to a script and to the library', async () => {
    const { content, out } = builtLibrary();
    built(['build', '--content', content, '--out', out]);
    expect(existsSync(join(out, '.preppack-run.json'))).toBe(true);
    const before = writes(out);
    const quick = { text: built(['build', '--content', content, '--out', out]).stdout, json: built(['build', '--content', content, '--out', out, '--json']).stdout };
    expect(writes(out)).toEqual(before);
    // Without the stamp, the full way: it reads the content, finds every PDF current, and writes the manifest again.
    const fullWay = (args: string[]) => {
      rmSync(join(out, '.preppack-run.json'));
      const result = built(args).stdout;
      expect(writes(out)['manifest.json']).not.toBe(before['manifest.json']);
      return result;
    };
    const full = { text: fullWay(['build', '--content', content, '--out', out]), json: fullWay(['build', '--content', content, '--out', out, '--json']) };
    expect(quick).toEqual(full);
    expect(JSON.parse(quick.json).files.every((f: { unchanged: boolean }) => f.unchanged)).toBe(true);
    // The library's answer, warnings and all (an ignored file is a warning), is the same both ways.
    writeFileSync(join(content, 'levels', 'notes.txt'), 'not content');
    const options = { contentDir: content, outDir: out };
    await buildPackets(options);
    rmSync(join(out, '.preppack-run.json'));
    const full2 = await buildPackets(options);
    const stamped = writes(out);
    const answered = await buildPackets(options);
    expect(writes(out)).toEqual(stamped);
    expect(answered).toEqual(full2);
    expect(answered.files.every((f) => f.reused)).toBe(true);
    expect(answered.warnings.map((w) => w.message)).toContain('not a content file (.md in levels/, questions/<level>/ or stories/<level>/): ignored');
  });

  it('goes the full way for what it cannot vouch for: a new commit, another date, a missing manifest, a run left part-done', () => {
    const content = copyOf(join(ROOT, 'content'));
    const git = (...args: string[]) => spawnSync('git', args, { cwd: content, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e', GIT_COMMITTER_DATE: '2026-03-01T12:00:00Z', GIT_AUTHOR_DATE: '2026-03-01T12:00:00Z' } });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'content');
    const out = join(scratchDir(), 'out');
    built(['build', '--content', content, '--out', out]);
    const march = hashes(out);
    // The same files, committed again on another day: the edition's date, and so every PDF, changes.
    const amended = spawnSync('git', ['commit', '-q', '--amend', '-m', 'content'], { cwd: content, env: { ...process.env, GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e', GIT_COMMITTER_DATE: '2026-04-02T12:00:00Z' } });
    expect(amended.status).toBe(0);
    expect(unchanged(built(['build', '--content', content, '--out', out]))).toEqual([]);
    const april = hashes(out);
    for (const p of PDFS) expect(april[p], p).not.toBe(march[p]);
    // SOURCE_DATE_EPOCH gives the date instead.
    const dated = () => preppack(['build', '--content', content, '--out', out], ROOT, { SOURCE_DATE_EPOCH: '1700000000' });
    const november = dated();
    expect(november.code).toBe(0);
    expect(unchanged(november)).toEqual([]);
    const epoch = hashes(out);
    // No manifest: the full way, which has nothing to reuse, renders the same files and writes it again.
    rmSync(join(out, 'manifest.json'));
    expect(unchanged(dated())).toEqual([]);
    expect(hashes(out)).toEqual(epoch);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
    // A journal a killed run left: the full way deals with it and says so.
    writeFileSync(join(out, '.preppack-journal.json'), 'half a journal');
    const mended = preppack(['build', '--content', content, '--out', out]);
    expect(mended.code).toBe(0);
    expect(mended.stderr).toContain('.preppack-journal.json is damaged');
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
    const { content, out } = builtLibrary();
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
    const { content, out } = builtLibrary();
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
    const { content, out } = builtLibrary();
    built(['build', '--content', content, '--out', out]);
    built(['build', '--content', content, '--level', 'staff', '--packet', 'cheatsheet', '--out', out, '--force']);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.files.map((f: { path: string }) => f.path).sort()).toEqual([...PDFS].sort());
    for (const entry of manifest.files) expect(sha(join(out, entry.path)), entry.path).toBe(entry.sha256);
    expect(readdirSync(out).sort()).toEqual(['.preppack-run.json', 'director', 'manager', 'manifest.json', 'staff']);
    // A file deleted or changed since is no longer described: the manifest never vouches for what is not there.
    rmSync(join(out, 'director', 'director-booklet.pdf'));
    appendFileSync(join(out, 'manager', 'manager-cheatsheet.pdf'), 'edited');
    built(['build', '--content', content, '--level', 'staff', '--packet', 'booklet', '--out', out]);
    const after = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(after.files.map((f: { path: string }) => f.path).sort()).toEqual(PDFS.filter((p) => !['director/director-booklet.pdf', 'manager/manager-cheatsheet.pdf'].includes(p)).sort());
  });
});
