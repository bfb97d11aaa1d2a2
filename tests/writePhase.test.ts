// The write phase on a real full disk and under a real permission error, and
// the output folder as the build's and the panel's own: files of earlier runs
// that this one no longer makes are removed (only those preppack wrote, byte
// for byte), and the manifest lists only what is there.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, preppack, readTree, ROOT, scratchDir, STACK_TRACE } from './helpers.js';

const CHEATSHEETS = ['--level', 'staff,manager', '--packet', 'cheatsheet'];

function withContent(): string {
  const dir = scratchDir();
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  return dir;
}

const manifestPaths = (out: string) => (JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: { path: string }[] }).files.map((f) => f.path);

describe('the write phase', () => {
  it('on a full disk (a 48 KB tmpfs, less than the two sheets need): exit 1, "the disk is full", nothing replaced, no staging left', () => {
    const dir = withContent();
    const disk = join(dir, 'disk');
    mkdirSync(disk);
    // In a mount namespace of its own, so that nothing outside the command sees the small disk.
    const script = `mount -t tmpfs -o size=48k tmpfs "${disk}" && mkdir -p "${disk}/out/staff" && printf earlier > "${disk}/out/staff/staff-cheatsheet.pdf" && printf '{}' > "${disk}/out/manifest.json" && "${process.execPath}" "${BIN}" build --content content --out "${disk}/out" ${CHEATSHEETS.join(' ')}; code=$?; ls -A "${disk}/out" "${disk}/out/staff"; cat "${disk}/out/staff/staff-cheatsheet.pdf"; exit $code`;
    const result = spawnSync('unshare', ['-m', 'sh', '-c', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, PREPPACK_DEBUG: '' } });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr.split('\n')[0]).toMatch(/^preppack: cannot write .*disk\/out\/\S+\.pdf: the disk is full; nothing in .*disk\/out was replaced$/);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    // The folder as it was: no staging, no journal, no lock; the earlier PDF whole.
    expect(result.stdout).toBe(`${disk}/out:\nmanifest.json\nstaff\n\n${disk}/out/staff:\nstaff-cheatsheet.pdf\nearlier`);
  });

  it('when a folder may not be written (run as nobody): exit 1 naming the folder, nothing written', () => {
    const dir = withContent();
    const out = join(dir, 'out');
    mkdirSync(join(out, 'staff'), { recursive: true });
    writeFileSync(join(out, 'staff', 'staff-cheatsheet.pdf'), 'earlier');
    // Everyone may read the content and write the output folder, but not its staff folder.
    chmodSync(dir, 0o755);
    spawnSync('chmod', ['-R', 'a+rX', dir]);
    chmodSync(out, 0o777);
    chmodSync(join(out, 'staff'), 0o755);
    const before = readTree(dir);
    const result = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, 'build', '--content', 'content', '--out', 'out', ...CHEATSHEETS], { cwd: dir, encoding: 'utf8', env: { ...process.env, PREPPACK_DEBUG: '' } });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe('preppack: out/staff is not writable for preppack (permission denied), and out/staff/staff-cheatsheet.pdf goes in it');
    expect(readTree(dir)).toEqual(before);
  });
});

describe('the output folder is the run\'s own', () => {
  it('a level no longer in the content: its PDFs and zip go, and its manifest entries; a file the user put there or changed stays', () => {
    const dir = withContent();
    expect(preppack(['build', '--content', 'content', '--out', 'out', '--zip'], dir).code).toBe(0);
    writeFileSync(join(dir, 'out', 'director', 'my-notes.txt'), 'mine');
    writeFileSync(join(dir, 'out', 'director', 'director-cheatsheet.pdf'), 'edited by hand');
    for (const path of ['levels/director.md', 'questions/director', 'stories/director']) rmSync(join(dir, 'content', path), { recursive: true });
    const result = preppack(['build', '--content', 'content', '--out', 'out', '--zip'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('preppack: removed out/director/director-booklet.pdf: an earlier build\'s file this build no longer makes');
    expect(result.stderr).toContain('preppack: removed out/director.zip');
    expect(readdirSync(join(dir, 'out', 'director')).sort()).toEqual(['director-cheatsheet.pdf', 'my-notes.txt']);
    expect(existsSync(join(dir, 'out', 'director.zip'))).toBe(false);
    expect(manifestPaths(join(dir, 'out')).filter((path) => path.startsWith('director'))).toEqual([]);
    expect(readFileSync(join(dir, 'out', 'director', 'director-cheatsheet.pdf'), 'utf8')).toBe('edited by hand');
  });

  it('a panel run again with fewer interviewers: the dropped sheet goes, the manifest lists what is there, the user\'s file stays', () => {
    const dir = withContent();
    const panel = (interviewers: string) => preppack(['panel', '--content', 'content', '--out', 'out', '--level', 'staff', '--candidate', 'Alex Doe', '--interviewers', interviewers], dir);
    expect(panel('Sam,Kai,Ria').code).toBe(0);
    const folder = join(dir, 'out', 'panels', 'alex-doe');
    writeFileSync(join(folder, 'notes.txt'), 'mine');
    const again = panel('Sam,Kai');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('preppack: removed out/panels/alex-doe/ria-scorecard.pdf: a sheet of an earlier run of this panel that this run no longer makes');
    expect(readdirSync(folder).sort()).toEqual(['debrief.pdf', 'kai-scorecard.pdf', 'manifest.json', 'notes.txt', 'panel-plan.pdf', 'sam-scorecard.pdf']);
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { interviewers: string[]; files: { path: string }[] };
    expect(manifest.interviewers).toEqual(['Sam', 'Kai']);
    expect(manifest.files.map((f) => f.path).sort()).toEqual(['debrief.pdf', 'kai-scorecard.pdf', 'panel-plan.pdf', 'sam-scorecard.pdf'].map((name) => `panels/alex-doe/${name}`));
  });
});
