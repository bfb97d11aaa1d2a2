// The command line itself: what --version prints where preppack is installed
// as another project's dependency.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preppack, ROOT, scratchDir } from './helpers.js';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('preppack --version', () => {
  it('prints the tool version', () => {
    const result = preppack(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(VERSION);
  });

  it("prints preppack's own version, not the host project's, when installed with yargs hoisted beside it", () => {
    // host/node_modules/preppack without a node_modules of its own, and yargs
    // (copied, as npm hoists it) in host/node_modules: yargs then looks for
    // "the nearest package.json" from the host's folder.
    const host = scratchDir();
    writeFileSync(join(host, 'package.json'), JSON.stringify({ name: 'host', version: '9.9.9' }));
    const modules = join(host, 'node_modules');
    const installed = join(modules, 'preppack');
    mkdirSync(installed, { recursive: true });
    for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(installed, part), { recursive: true });
    for (const name of readdirSync(join(ROOT, 'node_modules'))) {
      if (name === '.bin') continue;
      if (name === 'yargs') cpSync(join(ROOT, 'node_modules', name), join(modules, name), { recursive: true });
      else symlinkSync(join(ROOT, 'node_modules', name), join(modules, name));
    }
    const result = spawnSync(process.execPath, [join(installed, 'bin', 'preppack.js'), '--version'], { cwd: host, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe(VERSION);
  });
});
