// A render thread of the pool (renderPool.ts): compiles the templates the
// run read, opens the config's fallback fonts, then renders each task it is
// handed and posts the result back (or the error, as data).
import { parentPort, workerData } from 'node:worker_threads';
import { configuredFont, fallbacksWereLooked, useFallbackFonts } from '../fonts/fontChain.js';
import { PreppackError } from '../problems.js';
import { compileTemplates } from '../render/templates.js';
import type { WorkerMessage, WorkerSetup } from './renderPool.js';
import { TASKS } from './poolTasks.js';

const setup = workerData as WorkerSetup;
useFallbackFonts(
  setup.fonts.map((font) => {
    const opened = configuredFont(font);
    // Opened by the run a moment ago: gone since, it stops the run (as an error naming the task).
    if (typeof opened === 'string') throw new Error(opened);
    return opened;
  }),
);
const templates = compileTemplates(setup.templates);
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

parentPort!.on('message', async ({ index, kind, payload }: { index: number; kind: keyof typeof TASKS; payload: never }) => {
  try {
    const result = await TASKS[kind].run(payload, templates, (detail) => post({ type: 'progress', index, detail }));
    post({ type: 'done', index, result, fallbacksLooked: fallbacksWereLooked() });
  } catch (caught) {
    const error = caught instanceof PreppackError ? { problems: caught.problems, reason: caught.reason, message: caught.message } : { message: (caught as Error).message ?? String(caught) };
    post({ type: 'failed', index, error });
  }
});
