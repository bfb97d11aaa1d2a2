// The CI workflow (.github/workflows/packets.yml) replayed here, job by job,
// each in a fresh checkout: every preppack command it calls exists, and its
// shards joined give the same zips and manifest as one unsharded build.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BIN, preppack, ROOT, scratchDir } from './helpers.js';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  strategy?: { matrix: Record<string, unknown[]> };
  steps: Step[];
}
interface Workflow {
  on: { push: { paths: string[] } };
  env?: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const workflow = parse(readFileSync(join(ROOT, '.github', 'workflows', 'packets.yml'), 'utf8')) as Workflow;

/** `${{ matrix.x }}` and `${{ env.X }}` as the runner fills them in. */
function expand(text: string, matrix: Record<string, unknown>): string {
  return text.replace(/\$\{\{\s*(matrix|env)\.([\w-]+)\s*\}\}/g, (_, scope: string, name: string) => String(scope === 'matrix' ? matrix[name] : workflow.env?.[name]));
}

/** A fresh checkout: what a runner has after actions/checkout (the repository's content, templates, fonts). */
function checkout(): string {
  const dir = join(scratchDir(), 'checkout');
  for (const folder of ['content', 'templates', 'fonts']) cpSync(join(ROOT, folder), join(dir, folder), { recursive: true });
  return dir;
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .sort();
}

/** The jobs in the order `needs` allows, each once per matrix entry. */
function runs(): { name: string; job: Job; matrix: Record<string, unknown> }[] {
  const order: string[] = [];
  const visit = (name: string) => {
    if (order.includes(name)) return;
    const needs = workflow.jobs[name]!.needs ?? [];
    for (const need of Array.isArray(needs) ? needs : [needs]) visit(need);
    order.push(name);
  };
  for (const name of Object.keys(workflow.jobs)) visit(name);
  return order.flatMap((name) => {
    const job = workflow.jobs[name]!;
    const [key, values] = Object.entries(job.strategy?.matrix ?? {})[0] ?? [];
    return key ? values!.map((value) => ({ name, job, matrix: { [key]: value } })) : [{ name, job, matrix: {} }];
  });
}

const preppackCommands = (script: string) => [...script.matchAll(/npx preppack ([a-z]+(?: merge)?)/g)].map((m) => m[1]!);

describe('the CI workflow', () => {
  it('runs on changes to content, templates, fonts and the config', () => {
    expect(workflow.on.push.paths).toEqual(expect.arrayContaining(['content/**', 'templates/**', 'fonts/**', 'preppack.config.yaml']));
    // Every job that prints (or checks what prints) has the fallback fonts of the README's Fonts section first.
    for (const name of ['check', 'build']) {
      const runs = workflow.jobs[name]!.steps.map((step) => step.run ?? '');
      const fonts = runs.findIndex((run) => /apt-get install .*fonts-noto-core fonts-noto-cjk/.test(run));
      expect(fonts, name).toBeGreaterThanOrEqual(0);
      expect(fonts, name).toBeLessThan(runs.findIndex((run) => run.includes('npx preppack')));
    }
  });

  it('calls only commands preppack has', () => {
    const commands = new Set(Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((step) => preppackCommands(step.run ?? ''))));
    expect([...commands].sort()).toEqual(['build', 'check', 'manifest merge']);
    for (const command of commands) expect(preppack([...command.split(' '), '--help']).code, command).toBe(0);
  });

  it('replayed step by step, its shards give the zips and the manifest of one build', { timeout: 240_000 }, () => {
    const artifacts = join(scratchDir(), 'artifacts');
    let final: string | undefined;
    for (const { name, job, matrix } of runs()) {
      const dir = checkout();
      for (const step of job.steps) {
        if (step.run) {
          const script = expand(step.run, matrix);
          // The runner's `npm ci` and its font packages: this checkout uses the tool under test, on a machine .ci/run gave the same fonts.
          if (script.trim() === 'npm ci' || /apt-get install/.test(script)) continue;
          const result = spawnSync('bash', ['-euo', 'pipefail', '-c', script.replaceAll('npx preppack', `node ${JSON.stringify(BIN)}`)], { cwd: dir, encoding: 'utf8' });
          expect(result.status, `${name} ${JSON.stringify(matrix)}: ${script}\n${result.stderr}`).toBe(0);
        } else if (step.uses?.startsWith('actions/upload-artifact')) {
          // Uploaded files keep their paths below the folder they share (out/ here).
          const artifact = join(artifacts, expand(step.with!.name!, matrix));
          const paths = step.with!.path!.split('\n').map((p) => p.trim()).filter(Boolean);
          const listed = spawnSync('bash', ['-c', `shopt -s nullglob; for f in ${paths.join(' ')}; do echo "$f"; done`], { cwd: dir, encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
          expect(listed.length, `${name}: nothing to upload`).toBeGreaterThan(0);
          const common = listed.length === 1 && !paths[0]!.endsWith('/') ? listed[0]!.split('/').slice(0, -1).join('/') : commonFolder(listed);
          for (const path of listed) cpSync(join(dir, path), join(artifact, relative(common, path)), { recursive: true });
          if (step.with!.name === 'packets') final = artifact;
        } else if (step.uses?.startsWith('actions/download-artifact')) {
          const pattern = new RegExp(`^${step.with!.pattern!.replaceAll('*', '.*')}$`);
          for (const artifact of readdirSync(artifacts).filter((a) => pattern.test(a))) cpSync(join(artifacts, artifact), join(dir, step.with!.path!, artifact), { recursive: true });
        }
      }
    }
    expect(final, 'the workflow uploads its packets').toBeDefined();

    const single = checkout();
    expect(preppack(['build', '--zip', '--out', 'out'], single).code).toBe(0);
    const zips = files(join(single, 'out')).filter((f) => f.endsWith('.zip'));
    expect(zips).toEqual(['director.zip', 'manager.zip', 'staff.zip']);
    expect(files(final!)).toEqual([...zips, 'manifest.json'].sort());
    for (const zip of zips) expect(readFileSync(join(final!, zip)).equals(readFileSync(join(single, 'out', zip))), zip).toBe(true);
    expect(JSON.parse(readFileSync(join(final!, 'manifest.json'), 'utf8'))).toEqual(JSON.parse(readFileSync(join(single, 'out', 'manifest.json'), 'utf8')));
  });
});

/** The deepest folder every path is below. */
function commonFolder(paths: readonly string[]): string {
  const parts = paths.map((p) => p.split('/').slice(0, -1));
  const shared: string[] = [];
  for (let i = 0; parts.every((p) => p[i] !== undefined && p[i] === parts[0]![i]); i++) shared.push(parts[0]![i]!);
  return shared.join('/');
}
