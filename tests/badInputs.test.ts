// The corpus of bad inputs (tests/bad-inputs/*.yaml, described in its
// README): each case run in a scratch folder of its own, answered with its
// exit code and the first line of stderr it documents, no stack trace, and
// nothing outside the output folder changed (a snapshot of the whole scratch
// folder before and after: every file's type, link target and hash).
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, ROOT, scratchDir, STACK_TRACE } from './helpers.js';

type FileSpec =
  | string
  | { base64: string }
  | { symlink: string }
  | { folder: true }
  | { fifo: true }
  | { bytes: number }
  | { repeat: string; times: number; before?: string; after?: string }
  | { png: { width: number; height: number; cut?: number; badChecksum?: boolean } }
  | { jpeg: 'whole' | 'cut' | 'two-components' }
  /** A file of this repository (a real page to import). */
  | { copy: string };

const FAMILIES = ['YAML', 'config', 'file system', 'text size', 'names and rosters', 'process', 'render', 'merge', 'import', 'content'] as const;

interface BadInput {
  why: string;
  family: (typeof FAMILIES)[number];
  content?: 'bundled' | 'empty' | 'none';
  files?: Record<string, FileSpec>;
  remove?: string[];
  env?: Record<string, string>;
  args: string[];
  exit: 0 | 1 | 2;
  /** The first line of stderr, exactly, then lines it must also hold. */
  stderr: string[];
  /** The folder the command may write when it succeeds (default out); everything else must stay as it was. */
  output?: string;
  absent?: string[];
  /** Paths that must still be there afterwards (files preppack did not write). */
  present?: string[];
}

const CASES = join(ROOT, 'tests', 'bad-inputs');
const cases = readdirSync(CASES)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => [name.replace(/\.yaml$/, ''), parse(readFileSync(join(CASES, name), 'utf8')) as BadInput] as const);

/** What an earlier, good build left in the output folder. */
const EARLIER = { 'out/manifest.json': '{"earlier": true}\n', 'out/manager/manager-booklet.pdf': '%PDF-1.3 earlier\n' };

function png({ width, height, cut, badChecksum }: { width: number; height: number; cut?: number; badChecksum?: boolean }): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE((crc32(body) ^ (badChecksum && type === 'IDAT' ? 1 : 0)) >>> 0);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  // Pixel data only for a size worth decoding; a huge one is refused by its header, before its data.
  const pixels = width * height <= 1_000_000 ? deflateSync(Buffer.alloc(height * (1 + width * 3), 0x7f)) : deflateSync(Buffer.alloc(1));
  const whole = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
  return cut ? whole.subarray(0, cut) : whole;
}

/** A 1×1 JPEG (a progressive frame, SOF2); cut before its end marker, or with a frame of two colour components. */
function jpeg(kind: 'whole' | 'cut' | 'two-components'): Buffer {
  const start = Buffer.from('/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=', 'base64');
  const bytes = Buffer.concat([start, Buffer.from([0xff, 0xd9])]);
  if (kind === 'cut') return bytes.subarray(0, bytes.length - 2);
  if (kind === 'two-components') {
    const copy = Buffer.from(bytes);
    copy[copy.indexOf(Buffer.from([0xff, 0xc2])) + 9] = 2;
    return copy;
  }
  return bytes;
}

function setUp(spec: BadInput): string {
  const dir = scratchDir();
  if ((spec.content ?? 'bundled') === 'bundled') cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  if (spec.content === 'empty') mkdirSync(join(dir, 'content'));
  for (const [path, text] of Object.entries(EARLIER)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  for (const path of spec.remove ?? []) rmSync(join(dir, path), { recursive: true });
  for (const [path, file] of Object.entries(spec.files ?? {})) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    if (typeof file === 'string') writeFileSync(target, file.replaceAll('{dir}', dir));
    else if ('base64' in file) writeFileSync(target, Buffer.from(file.base64, 'base64'));
    else if ('symlink' in file) symlinkSync(file.symlink.replaceAll('{dir}', dir), target);
    else if ('fifo' in file) execFileSync('mkfifo', [target]);
    else if ('bytes' in file) writeFileSync(target, Buffer.alloc(file.bytes, 'a'));
    else if ('repeat' in file) writeFileSync(target, `${file.before ?? ''}${file.repeat.repeat(file.times)}${file.after ?? ''}`);
    else if ('png' in file) writeFileSync(target, png(file.png));
    else if ('jpeg' in file) writeFileSync(target, jpeg(file.jpeg));
    else if ('copy' in file) cpSync(join(ROOT, file.copy), target);
    else mkdirSync(target, { recursive: true });
  }
  return dir;
}

/** Every entry below a folder: its type, and a file's hash or a link's target. Pipes and devices are never opened. */
function snapshot(root: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const stat = lstatSync(path);
      const key = relative(root, path);
      if (stat.isSymbolicLink()) entries.set(key, `link → ${readlinkSync(path)}`);
      else if (stat.isDirectory()) {
        entries.set(key, 'folder');
        walk(path);
      } else if (stat.isFile()) entries.set(key, `file ${createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16)}`);
      else entries.set(key, 'special');
    }
  };
  walk(root);
  return entries;
}

/** The same snapshot without what lies in `output`. */
const outside = (entries: Map<string, string>, output: string) => new Map([...entries].filter(([path]) => path !== output && !path.startsWith(`${output}/`)));

/** Runs the CLI, as the user would, in the scratch folder; stopped after 45 s (a hang fails its case). */
function run(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, PREPPACK_DEBUG: '', SOURCE_DATE_EPOCH: '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      stderr += '\n(test: stopped after 45 s)';
      child.kill('SIGKILL');
    }, 45_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('the corpus of bad inputs', () => {
  it('has at least 150 cases, each of a family, with its exit code and first line of stderr', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    for (const [name, spec] of cases) {
      expect(FAMILIES, name).toContain(spec.family);
      expect([0, 1, 2], name).toContain(spec.exit);
      expect(spec.stderr.length, name).toBeGreaterThan(0);
    }
    // Every family has cases of its own.
    for (const family of FAMILIES) expect(cases.filter(([, spec]) => spec.family === family).length, family).toBeGreaterThanOrEqual(5);
  });

  it.concurrent.each(cases)('%s', async (_name, spec) => {
    const dir = setUp(spec);
    const before = snapshot(dir);
    const output = spec.output ?? 'out';
    const result = await run(
      spec.args.map((arg) => arg.replaceAll('{dir}', dir)),
      dir,
      spec.env,
    );
    const expected = spec.stderr.map((line) => line.replaceAll('{dir}', dir));
    expect({ code: result.code, first: result.stderr.split('\n')[0] }, result.stderr).toEqual({ code: spec.exit, first: expected[0] });
    for (const line of expected.slice(1)) expect(result.stderr).toContain(line);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    const after = snapshot(dir);
    // A command that failed changed nothing at all; one that worked, nothing outside its output folder.
    if (spec.exit === 0) expect(outside(after, output)).toEqual(outside(before, output));
    else expect(after).toEqual(before);
    for (const path of spec.absent ?? []) expect(existsSync(path.replaceAll('{dir}', dir)), path).toBe(false);
    for (const path of spec.present ?? []) expect(existsSync(join(dir, path)), path).toBe(true);
  });
});
