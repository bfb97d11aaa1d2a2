// Rendering on worker threads: a run's PDFs dealt to a pool of workers, one
// task at a time to whichever is free, the results put back in the run's
// order, so the files, their bytes and the lines printed are those of one
// thread. Each worker pays its own warm-up (modules, font tables, the JIT:
// about 4 s of CPU on the machine measured), so by default a pool starts
// only for a run big enough to win that back; `--jobs N` asks for N.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PreppackError } from '../problems.js';
import { configuredFallbackNames, noteFallbacksLooked } from '../fonts/fontChain.js';
import type { TemplateFile } from '../render/templates.js';

/** One piece of a run: what it makes (for progress and errors), how many PDFs, and what a worker needs to make it. */
export interface PoolTask {
  /** Said when it fails: "the staff booklet", "the panel of Alex Doe". */
  label: string;
  /** How many PDFs it makes, for the default's threshold. */
  pdfs: number;
  kind: string;
  payload: unknown;
}

/** What every worker is given once: the templates as the run read them and the config's fallback fonts. */
export interface WorkerSetup {
  templates: TemplateFile[];
  fonts: string[];
}

/** What a worker says back. */
export type WorkerMessage =
  | { type: 'progress'; index: number; detail: unknown }
  | { type: 'done'; index: number; result: unknown; fallbacksLooked: boolean }
  | { type: 'failed'; index: number; error: { problems: PreppackError['problems']; reason: PreppackError['reason']; message: string } | { message: string } };

export const WORKER_SCRIPT = new URL('./renderWorker.js', import.meta.url);

/**
 * PDFs a run makes before the default starts a pool of two workers. Measured
 * with `npm run bench` on 2 cores (7 December 2026): a roster of 20
 * candidates (107 PDFs) ran 9.6 s in one thread and ~9.0 s on two; two
 * processes given half of it each took 9.7 s. The warm-up a second thread
 * pays is won back only from a few hundred PDFs.
 */
export const POOL_FROM_PDFS = 200;

/**
 * How many workers render a run: none (this thread) for one task, for
 * `--jobs 1`, when running from the TypeScript sources (no compiled worker
 * script: the tests' in-process calls) or, by default, for a run under
 * POOL_FROM_PDFS; else the jobs asked for or the machine's cores, at most one
 * per task.
 */
export function workersFor(tasks: readonly PoolTask[], jobs: number | undefined, script: URL = WORKER_SCRIPT): number {
  const asked = jobs ?? availableParallelism();
  if (asked <= 1 || tasks.length < 2 || !existsSync(fileURLToPath(script))) return 0;
  if (jobs === undefined && tasks.reduce((sum, task) => sum + task.pdfs, 0) < POOL_FROM_PDFS) return 0;
  return Math.min(asked, tasks.length);
}

export interface PoolRun {
  workers: number;
  templates: TemplateFile[];
  /** Told when a task is handed to a worker. */
  onStart?: (index: number) => void;
  /** Told what a worker reports part-way (a panel's sheets one by one). */
  onProgress?: (index: number, detail: unknown) => void;
  /** The worker's script; a test gives one that fails. */
  script?: URL;
}

/**
 * Runs the tasks on `workers` threads; the results in the tasks' order. A
 * task that throws stops the run with its error (a PreppackError as the
 * worker threw it); a worker that dies is an error naming its task.
 */
export function runOnPool(tasks: readonly PoolTask[], run: PoolRun): Promise<unknown[]> {
  const setup: WorkerSetup = { templates: run.templates, fonts: configuredFallbackNames() };
  const results: unknown[] = new Array(tasks.length);
  const threads: Worker[] = [];
  let next = 0;
  let finished = 0;
  let settled = false;
  return new Promise((resolve, reject) => {
    const stop = (error: Error | undefined) => {
      if (settled) return;
      settled = true;
      // terminate() ends each thread; the run waits for none of them.
      for (const thread of threads) void thread.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const give = (thread: Worker, current: { index: number | undefined }) => {
      if (next >= tasks.length) {
        current.index = undefined;
        if (finished === tasks.length) stop(undefined);
        return;
      }
      const index = next++;
      current.index = index;
      run.onStart?.(index);
      thread.postMessage({ index, kind: tasks[index]!.kind, payload: tasks[index]!.payload });
    };
    for (let n = 0; n < run.workers; n++) {
      const thread = new Worker(run.script ?? WORKER_SCRIPT, { workerData: setup });
      threads.push(thread);
      const current: { index: number | undefined } = { index: undefined };
      thread.on('message', (message: WorkerMessage) => {
        if (settled) return;
        if (message.type === 'progress') run.onProgress?.(message.index, message.detail);
        else if (message.type === 'failed') stop(failure(message.error));
        else {
          results[message.index] = message.result;
          if (message.fallbacksLooked) noteFallbacksLooked();
          finished++;
          give(thread, current);
        }
      });
      const died = (why: string) => stop(new Error(`a render thread stopped${current.index === undefined ? '' : ` while making ${tasks[current.index]!.label}`}: ${why}`));
      thread.on('error', (error) => died(error.message));
      thread.on('exit', (code) => died(`it exited with code ${code}`));
      give(thread, current);
    }
  });
}

/** The error a task threw, as the run would have thrown it on one thread. */
function failure(error: Extract<WorkerMessage, { type: 'failed' }>['error']): Error {
  return 'problems' in error ? new PreppackError(error.problems, error.reason, error.message) : new Error(error.message);
}
