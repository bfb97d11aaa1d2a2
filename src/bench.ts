// `npm run bench`: how long each packet takes to render, how many times
// pdfmake lays it out, and the memory the process peaks at. Reported, never
// asserted: machines here are noisy.
import { createRequire } from 'node:module';
import { loadLibrary } from './content/load.js';
import { renderPacket } from './pipeline/renderPacket.js';
import { loadTemplates, PACKETS } from './render/templates.js';
import type { Paper } from './render/document.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PAPER = (process.env.BENCH_PAPER ?? 'letter') as Paper;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// Every whole-document layout pdfmake does: one per render, plus one per page
// break a pageBreakBefore rule inserts.
const require = createRequire(import.meta.url);
const layoutBuilder = (require('pdfmake/js/LayoutBuilder.js') as { default: { prototype: Record<string, (...args: unknown[]) => unknown> } }).default.prototype;
let passes = 0;
const layoutOnce = layoutBuilder.tryLayoutDocument!;
layoutBuilder.tryLayoutDocument = function (this: unknown, ...args: unknown[]) {
  passes++;
  return layoutOnce.apply(this, args);
};

const { library } = loadLibrary('content');
const templates = loadTemplates(undefined);
const edition = { contentHash: 'bench', version: 'bench', date: null };
let total = 0;
let totalPasses = 0;
console.log(`preppack bench: ${ROUNDS} rounds, median per packet, ${PAPER}`);
console.log(`${'packet'.padEnd(22)} ${'pages'.padStart(5)} ${'layouts'.padStart(7)} ${'ms'.padStart(6)}`);
for (const level of library.levels) {
  for (const packet of PACKETS) {
    const times: number[] = [];
    let pages = 0;
    let layouts = 0;
    for (let round = 0; round < ROUNDS; round++) {
      passes = 0;
      const start = performance.now();
      const result = await renderPacket({ library, level, packet, templates, edition, paper: PAPER, creationDate: new Date(0) });
      times.push(performance.now() - start);
      layouts = passes;
      if (result.kind === 'pdf') pages = result.pages;
    }
    total += median(times);
    totalPasses += layouts;
    console.log(`${`${level.id}-${packet}`.padEnd(22)} ${String(pages).padStart(5)} ${String(layouts).padStart(7)} ${median(times).toFixed(0).padStart(6)}`);
  }
}
console.log(`all packets: ${total.toFixed(0)} ms, ${totalPasses} layouts; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
