// Loaded with `node --import` into each process the benchmark starts: on
// exit it writes the process's CPU time, peak memory and how many whole-
// document layouts pdfmake did, to the file named by PREPPACK_BENCH_PROBE.
// The command itself runs exactly as a user runs it.
import { writeFileSync } from 'node:fs';
import Module from 'node:module';

export interface ProbeResult {
  cpuMs: number;
  peakRssMb: number;
  layouts: number;
}

const target = process.env.PREPPACK_BENCH_PROBE;
let layouts = 0;

// Count pdfmake's document layouts (one per render, plus one per page break a
// pageBreakBefore rule inserts) without loading pdfmake in a command that
// does not render: wrap LayoutBuilder when pdfmake itself first requires it.
type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const modules = Module as unknown as { _load: Loader };
const load = modules._load;
modules._load = function (request, parent, isMain) {
  const exported = load.call(this, request, parent, isMain) as { default?: { prototype: Record<string, (...args: unknown[]) => unknown> } };
  const builder = exported?.default?.prototype;
  if (/LayoutBuilder(\.js)?$/.test(request) && builder?.tryLayoutDocument && !builder.tryLayoutDocument.name.startsWith('counted')) {
    const layoutOnce = builder.tryLayoutDocument;
    builder.tryLayoutDocument = function countedLayout(this: unknown, ...args: unknown[]) {
      layouts++;
      return layoutOnce.apply(this, args);
    };
  }
  return exported;
};

process.on('exit', () => {
  if (!target) return;
  const usage = process.resourceUsage();
  const result: ProbeResult = { cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, peakRssMb: usage.maxRSS / 1024, layouts };
  writeFileSync(target, JSON.stringify(result));
});
