// The command line itself: what --version prints where preppack is installed
// as another project's dependency.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preppack, ROOT, scratchDir, STACK_TRACE } from './helpers.js';

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

  it('answers without loading the command line parser (yargs alone takes longer than Node starts)', () => {
    const host = scratchDir();
    const installed = join(host, 'node_modules', 'preppack');
    mkdirSync(installed, { recursive: true });
    for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(installed, part), { recursive: true });
    // No yargs anywhere: --version still answers; --help needs it and says so.
    const bin = join(installed, 'bin', 'preppack.js');
    const version = spawnSync(process.execPath, [bin, '--version'], { cwd: host, encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(VERSION);
    expect(version.status).toBe(0);
    expect(spawnSync(process.execPath, [bin, '--help'], { cwd: host, encoding: 'utf8' }).stderr).toContain("'yargs'");
  });
});

describe('did you mean', () => {
  it.each([
    [['biuld'], '"biuld": did you mean `preppack build`?'],
    [['chekc'], '"chekc": did you mean `preppack check`?'],
    [['build', '--levle', 'staff'], '--levle: did you mean --level?'],
    [['panel', '--candidat', 'A'], '--candidat: did you mean --candidate?'],
    [['render', 'x.md', '--tco'], '--tco: did you mean --toc?'],
    [['list', 'questoins'], '"questoins": did you mean questions?'],
  ])('preppack %j: exit 2 and a suggestion', (args, hint) => {
    const result = preppack(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`preppack: ${hint}`);
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });

  it('suggests nothing for a word far from every name', () => {
    const result = preppack(['zebra']);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain('did you mean');
  });
});

describe('help', () => {
  it.each([['templates'], ['manifest'], ['completion'], ['build'], ['panel'], ['collect'], ['render'], ['check']])('preppack %s --help answers with help and an example, exit 0', (command) => {
    const result = preppack([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`preppack ${command}`);
    expect(result.stdout).toContain('Examples:');
    expect(result.stdout).not.toContain('###-begin-preppack-completions-###');
  });
});

describe('preppack completion', () => {
  it('prints a bash script that completes commands and the options of a command', () => {
    const bin = scratchDir();
    // The script calls `preppack` by name, as an installed one is.
    writeFileSync(join(bin, 'preppack'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'bin', 'preppack.js'))} "$@"\n`, { mode: 0o755 });
    const script = preppack(['completion']);
    expect(script.code).toBe(0);
    writeFileSync(join(bin, 'completion.sh'), script.stdout);
    const complete = (words: string[]) =>
      spawnSync('bash', ['-c', `source completion.sh; COMP_WORDS=(${words.join(' ')}); COMP_CWORD=${words.length - 1}; _preppack_yargs_completions; echo "\${COMPREPLY[@]}"`], {
        cwd: bin,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
      }).stdout.trim().split(/\s+/);
    expect(complete(['preppack', 'bu'])).toEqual(['build']);
    expect(complete(['preppack', 'build', '--sh'])).toEqual(['--shard']);
    expect(complete(['preppack', 'render', '--t'])).toEqual(expect.arrayContaining(['--toc', '--templates']));
  });
});
