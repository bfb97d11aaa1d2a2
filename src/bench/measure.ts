// One benchmark case: the same command in a fresh process, several times;
// wall time, CPU time and peak memory of each run, and their median and spread.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ProbeResult } from './probe.js';

const BIN = fileURLToPath(new URL('../../bin/preppack.js', import.meta.url));
const PROBE = pathToFileURL(fileURLToPath(new URL('./probe.js', import.meta.url))).href;

export interface Run extends ProbeResult {
  wallMs: number;
  /** PDFs and pages the command says it wrote. */
  pdfs: number;
  pages: number;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface CaseResult {
  id: string;
  title: string;
  command: string;
  runs: Run[];
  wallMs: Spread;
  cpuMs: Spread;
  peakRssMb: Spread;
  layouts: number;
  pdfs: number;
  pages: number;
  /** Characters of text the case typesets, when known. */
  chars?: number;
  /** Bytes of the PDFs it wrote (after its last run). */
  bytes?: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)! };
}

/** Runs `preppack ARGS` (or another script's) once in a fresh Node process; throws with its stderr if it fails. */
export function runOnce(args: readonly string[], cwd: string, script = BIN): Run {
  const dir = mkdtempSync(join(tmpdir(), 'preppack-probe-'));
  const probeFile = join(dir, 'probe.json');
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, PREPPACK_BENCH_PROBE: probeFile };
    delete env.SOURCE_DATE_EPOCH;
    const started = performance.now();
    const result = spawnSync(process.execPath, ['--import', PROBE, script, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const wallMs = performance.now() - started;
    if (result.status !== 0) throw new Error(`${script === BIN ? 'preppack' : script} ${args.join(' ')} failed (exit ${result.status}):\n${result.stderr}`);
    const summary = /(\d+) PDFs?\b.*?(\d+) pages?/.exec(result.stdout.trim().split('\n').at(-1) ?? '');
    return { wallMs, ...(JSON.parse(readFileSync(probeFile, 'utf8')) as ProbeResult), pdfs: Number(summary?.[1] ?? 0), pages: Number(summary?.[2] ?? 0) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface CaseSpec {
  id: string;
  title: string;
  args: readonly string[];
  cwd: string;
  rounds: number;
  /** Cases of one group are measured in turn, round by round (measureInterleaved). */
  group?: string;
  /** The script to run instead of preppack (a peer's), with `args`. */
  script?: string;
  /** Runs before each measured run, not timed (an edit, an emptied output folder). */
  before?: (round: number) => void;
  chars?: number;
}

/**
 * Cases measured round by round in turn (a run of each, then the next round),
 * so that a slow spell of a noisy machine falls on all of them alike: for
 * cases that are compared with each other.
 */
export function measureInterleaved(specs: readonly CaseSpec[]): CaseResult[] {
  const runs = specs.map((): Run[] => []);
  const rounds = Math.max(...specs.map((spec) => spec.rounds));
  for (let round = 0; round < rounds; round++) {
    specs.forEach((spec, i) => {
      if (round >= spec.rounds) return;
      spec.before?.(round);
      runs[i]!.push(runOnce(spec.args, spec.cwd, spec.script));
    });
  }
  return specs.map((spec, i) => summary(spec, runs[i]!));
}

function summary(spec: CaseSpec, runs: Run[]): CaseResult {
  return {
    id: spec.id,
    title: spec.title,
    command: `${spec.script ? `node ${spec.script}` : 'preppack'} ${spec.args.join(' ')}`,
    runs,
    wallMs: spread(runs.map((r) => r.wallMs)),
    cpuMs: spread(runs.map((r) => r.cpuMs)),
    peakRssMb: spread(runs.map((r) => r.peakRssMb)),
    layouts: spread(runs.map((r) => r.layouts)).median,
    pdfs: runs.at(-1)!.pdfs,
    pages: runs.at(-1)!.pages,
    chars: spec.chars,
  };
}
