// `npm run bench`: how long each packet takes to render, and the memory the
// process peaks at. Reported, never asserted: machines here are noisy.
import { loadLibrary } from './content/load.js';
import { renderPacket } from './pipeline/renderPacket.js';
import { loadTemplates, PACKETS } from './render/templates.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const { library } = loadLibrary('content');
const templates = loadTemplates(undefined);
const edition = { contentHash: 'bench', version: 'bench', date: null };
let total = 0;
console.log(`preppack bench: ${ROUNDS} rounds, median per packet`);
for (const level of library.levels) {
  for (const packet of PACKETS) {
    const times: number[] = [];
    let pages = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const start = performance.now();
      const result = await renderPacket({ library, level, packet, templates, edition, paper: 'letter', creationDate: new Date(0) });
      times.push(performance.now() - start);
      if (result.kind === 'pdf') pages = result.pages;
    }
    total += median(times);
    console.log(`${`${level.id}-${packet}`.padEnd(22)} ${String(pages).padStart(3)} pages ${median(times).toFixed(0).padStart(6)} ms`);
  }
}
console.log(`all packets: ${total.toFixed(0)} ms; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
