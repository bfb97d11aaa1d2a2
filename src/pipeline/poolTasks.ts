// The kinds of task a run renders, the same code on this thread or on a
// pool's (renderPool.ts): a packet of a build, one candidate's panel, or a
// Markdown file of `render`.
import type { TemplateSet } from '../render/templates.js';
import type { PacketOptions, PacketResult } from './packetDocument.js';
import type { MarkdownOutcome, MarkdownTask } from './markdownFiles.js';
import type { PanelSheet, PlannedPanel } from './panel.js';
import { runOnPool, workersFor, type PoolTask } from './renderPool.js';

/** A Buffer again: a result that crossed from a thread holds a plain Uint8Array. */
const asBuffer = (bytes: Uint8Array) => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

type Progress = (detail: unknown) => void;

export const TASKS = {
  packet: {
    run: async (options: Omit<PacketOptions, 'templates'>, templates: TemplateSet): Promise<PacketResult> => {
      const { renderPacket } = await import('./renderPacket.js');
      return renderPacket({ ...options, templates });
    },
    revive: (result: PacketResult): PacketResult => (result.kind === 'pdf' ? { ...result, bytes: asBuffer(result.bytes) } : result),
  },
  panel: {
    run: async (panel: PlannedPanel, templates: TemplateSet, progress: Progress): Promise<PanelSheet[]> => {
      const { renderPanel } = await import('./panel.js');
      return renderPanel(panel, templates, progress);
    },
    revive: (sheets: PanelSheet[]): PanelSheet[] => sheets.map((sheet) => ({ ...sheet, bytes: asBuffer(sheet.bytes) })),
  },
  markdown: {
    run: async (task: MarkdownTask, templates: TemplateSet): Promise<MarkdownOutcome> => {
      const { renderMarkdownFile } = await import('./markdownFiles.js');
      return renderMarkdownFile(task, templates.theme);
    },
    revive: (outcome: MarkdownOutcome): MarkdownOutcome => (outcome.rendered ? { ...outcome, rendered: { ...outcome.rendered, bytes: asBuffer(outcome.rendered.bytes) } } : outcome),
  },
} as const;

export type TaskKind = keyof typeof TASKS;

export interface RenderRun {
  /** Threads asked for (`--jobs`); by default the pool decides (renderPool.ts). */
  threads?: number;
  templates: TemplateSet;
  onStart?: (index: number) => void;
  onProgress?: (index: number, detail: unknown) => void;
}

/** Every task's result, in order: on this thread, or on a pool when the run asks for one or is big enough. */
export async function renderTasks(tasks: readonly (PoolTask & { kind: TaskKind })[], run: RenderRun): Promise<unknown[]> {
  const workers = workersFor(tasks, run.threads);
  if (workers > 0) {
    const results = await runOnPool(tasks, { workers, templates: run.templates.files, onStart: run.onStart, onProgress: run.onProgress });
    return results.map((result, i) => TASKS[tasks[i]!.kind].revive(result as never));
  }
  const results: unknown[] = [];
  for (const [index, task] of tasks.entries()) {
    run.onStart?.(index);
    results.push(await TASKS[task.kind].run(task.payload as never, run.templates, (detail) => run.onProgress?.(index, detail)));
  }
  return results;
}
