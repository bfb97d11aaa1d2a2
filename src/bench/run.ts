// `npm run bench`: preppack's speed and memory on the cases users meet, each
// run in a fresh process, as medians with their spread. Prints a table and
// writes JSON (out/bench.json, or BENCH_JSON). Reported, never asserted:
// machines are noisy. BENCH_ROUNDS (default 5; 3 for the big cases) and
// BENCH_CASES (e.g. "a,b,d") narrow a run. The peers (p1, p2) are installed
// on first use into out/bench-peers (BENCH_PEERS), from the npm registry.
import { cpus } from 'node:os';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLibrary } from '../content/load.js';
import { TOOL_VERSION } from '../version.js';
import { editQuestion, writeBooklets, writeRoster, writeScaledLibrary } from './fixtures.js';
import { measureInterleaved, runOnce, type CaseResult, type CaseSpec } from './measure.js';
import { installPeers } from './peers/install.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONTENT = join(ROOT, 'content');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const BIG_ROUNDS = Math.min(ROUNDS, 3);
const ONLY = process.env.BENCH_CASES?.split(',').map((c) => c.trim());
const PEERS_DIR = process.env.BENCH_PEERS ?? join(ROOT, 'out', 'bench-peers');
const PEER_SCRIPT = fileURLToPath(new URL('./peers/run.js', import.meta.url));
const JSON_PATH = process.env.BENCH_JSON ?? join(ROOT, 'out', 'bench.json');

/** The bytes of the PDFs below a folder. */
function pdfBytes(dir: string): number {
  return readdirSync(dir, { recursive: true }).map(String).filter((name) => name.endsWith('.pdf')).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

/** The characters of text in the PDFs of a folder, as a reader extracts them. */
async function textCharacters(dir: string): Promise<number> {
  const { PDFParse } = await import('pdf-parse');
  let chars = 0;
  const walk = async (folder: string): Promise<void> => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.pdf')) {
        const parser = new PDFParse({ data: readFileSync(path) });
        chars += (await parser.getText()).pages.reduce((sum, page) => sum + page.text.length, 0);
        await parser.destroy();
      }
    }
  };
  await walk(dir);
  return chars;
}

const work = mkdtempSync(join(tmpdir(), 'preppack-bench-'));
const emptied = (dir: string) => () => rmSync(dir, { recursive: true, force: true });
const { library } = loadLibrary(CONTENT);

let peerFailure: string | undefined;

function buildCases(): CaseSpec[] {
  const out = (name: string) => join(work, `out-${name}`);
  const cases: CaseSpec[] = [];
  cases.push({ id: 'a', title: 'build, bundled library, cold', args: ['build', '--content', CONTENT, '--out', out('a')], cwd: ROOT, rounds: ROUNDS, before: emptied(out('a')), group: 'tags' });
  // What tagging (PDF/UA) costs: the same build untagged, measured round by round beside it.
  cases.push({ id: 'a0', title: 'the same, --no-tags', args: ['build', '--content', CONTENT, '--out', out('a0'), '--no-tags'], cwd: ROOT, rounds: ROUNDS, before: emptied(out('a0')), group: 'tags' });
  const warm = (args: string[]) => (round: number) => {
    if (round === 0) runOnce(args, ROOT);
  };
  const unchanged = ['build', '--content', CONTENT, '--out', out('b')];
  cases.push({ id: 'b', title: 'build, nothing changed', args: unchanged, cwd: ROOT, rounds: ROUNDS, before: warm(unchanged) });

  const edited = join(work, 'content-c');
  cpSync(CONTENT, edited, { recursive: true });
  const question = join(edited, 'questions', 'manager', readdirSync(join(edited, 'questions', 'manager')).sort()[0]!);
  const editedArgs = ['build', '--content', edited, '--out', out('c')];
  cases.push({
    id: 'c',
    title: 'build after editing one question',
    args: editedArgs,
    cwd: ROOT,
    rounds: ROUNDS,
    before: (round) => {
      warm(editedArgs)(round);
      editQuestion(question, round);
    },
  });

  const booklets = writeBooklets(library, join(work, 'booklets'), 9, 29_000);
  cases.push({ id: 'd', title: 'render 9 Markdown booklets (A5), one call', args: ['render', ...booklets.paths, '--paper', 'a5', '--out', out('d')], cwd: ROOT, rounds: ROUNDS, before: emptied(out('d')), chars: booklets.chars, group: 'booklets' });
  cases.push({ id: 'd0', title: 'the same, --no-tags', args: ['render', ...booklets.paths, '--paper', 'a5', '--out', out('d0'), '--no-tags'], cwd: ROOT, rounds: ROUNDS, before: emptied(out('d0')), chars: booklets.chars, group: 'booklets' });
  // The same booklets in the tools people would otherwise pick, side by side on this machine.
  if (!ONLY || ONLY.some((c) => c.startsWith('p'))) {
    let peers: string | undefined;
    try {
      peers = installPeers(PEERS_DIR);
    } catch (caught) {
      // No registry (offline): preppack's own cases still run.
      peerFailure = (caught as Error).message;
    }
    for (const [id, peer, title] of [['p1', 'pdfmake', 'peer: plain pdfmake 0.3 + marked, 9 booklets'], ['p2', 'typst', 'peer: Typst (typst.ts 0.7), same 9 booklets']] as const) {
      if (peers) cases.push({ id, title, script: PEER_SCRIPT, args: [peer, peers, out(id), ...booklets.paths], cwd: ROOT, rounds: ROUNDS, before: emptied(out(id)), chars: booklets.chars, group: 'booklets' });
    }
  }

  for (const times of [10, 30]) {
    // The big libraries take seconds to write: only for a run that measures them.
    if (ONLY && !ONLY.includes(`e${times}`) && !ONLY.includes('e')) continue;
    const scaled = join(work, `content-${times}x`);
    writeScaledLibrary(CONTENT, scaled, times);
    cases.push({ id: `e${times}`, title: `build, library ${times}× ours (${3 * times} levels), cold`, args: ['build', '--content', scaled, '--out', out(`e${times}`)], cwd: ROOT, rounds: BIG_ROUNDS, before: emptied(out(`e${times}`)), group: `e${times}` });
    // What the pool of render threads brings (renderPool.ts): the same build on one thread, round by round beside it.
    cases.push({ id: `e${times}j1`, title: 'the same, --jobs 1', args: ['build', '--content', scaled, '--out', out(`e${times}j1`), '--jobs', '1'], cwd: ROOT, rounds: BIG_ROUNDS, before: emptied(out(`e${times}j1`)), group: `e${times}` });
  }

  const roster = join(work, 'roster.yaml');
  writeRoster(library, roster, 20);
  cases.push({ id: 'f', title: 'panel --roster, 20 candidates', args: ['panel', '--roster', roster, '--content', CONTENT, '--out', out('f')], cwd: ROOT, rounds: BIG_ROUNDS, before: emptied(out('f')), group: 'f' });
  cases.push({ id: 'f2', title: 'the same, --jobs 2', args: ['panel', '--roster', roster, '--content', CONTENT, '--out', out('f2'), '--jobs', '2'], cwd: ROOT, rounds: BIG_ROUNDS, before: emptied(out('f2')), group: 'f' });
  // A roster big enough that the pool starts by default (renderPool.ts POOL_FROM_PDFS), and the same on one thread.
  const bigRoster = join(work, 'roster-60.yaml');
  writeRoster(library, bigRoster, 60);
  cases.push({ id: 'g', title: 'panel --roster, 60 candidates', args: ['panel', '--roster', bigRoster, '--content', CONTENT, '--out', out('g')], cwd: ROOT, rounds: BIG_ROUNDS, before: emptied(out('g')), group: 'g' });
  cases.push({ id: 'g1', title: 'the same, --jobs 1', args: ['panel', '--roster', bigRoster, '--content', CONTENT, '--out', out('g1'), '--jobs', '1'], cwd: ROOT, rounds: BIG_ROUNDS, before: emptied(out('g1')), group: 'g' });
  return cases.filter((c) => !ONLY || ONLY.includes(c.id) || ONLY.includes(c.id[0]!));
}

/** Consecutive cases of one `group` together, every other case alone. */
function groups(cases: readonly CaseSpec[]): CaseSpec[][] {
  const result: CaseSpec[][] = [];
  for (const spec of cases) {
    const last = result.at(-1);
    if (spec.group && last?.[0]?.group === spec.group) last.push(spec);
    else result.push([spec]);
  }
  return result;
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);

function row(result: CaseResult): string[] {
  const { wallMs, cpuMs, peakRssMb } = result;
  const throughput = result.chars ? `${Math.round(result.chars / (wallMs.median / 1000) / 1000)} k chars/s` : '';
  return [
    result.id,
    result.title,
    String(result.runs.length),
    `${seconds(wallMs.median)} (${seconds(wallMs.min)}–${seconds(wallMs.max)})`,
    seconds(cpuMs.median),
    `${Math.round(peakRssMb.median)} (max ${Math.round(peakRssMb.max)})`,
    String(result.layouts),
    `${result.pdfs} / ${result.pages}`,
    throughput,
    result.bytes === undefined ? '' : `${Math.round(result.bytes / 1024)}`,
  ];
}

const HEADER = ['case', 'what', 'runs', 'wall s (min–max)', 'CPU s', 'peak RSS MB', 'layouts', 'PDFs / pages', 'text', 'PDF KB'];
const WIDTHS = [4, 44, 4, 18, 5, 14, 7, 12, 14, 7];
const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(WIDTHS[i]!)).join('  ').trimEnd();

const results: CaseResult[] = [];
const failed: string[] = [];
try {
  console.log(`preppack ${TOOL_VERSION} bench: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}; every run a fresh process`);
  console.log(line(HEADER));
  for (const group of groups(buildCases())) {
    // Rows as soon as a case (or a group compared side by side) is done; a failing one is reported and the rest still run.
    try {
      for (const result of measureInterleaved(group)) {
        // Text throughput of a cold build: the characters a reader extracts from its PDFs.
        const spec = group.find((g) => g.id === result.id)!;
        const outDir = spec.args[spec.args.indexOf('--out') + 1];
        if (result.chars === undefined && /^(a|e)/.test(spec.id)) result.chars = await textCharacters(outDir!);
        if (!spec.script && outDir) result.bytes = pdfBytes(outDir);
        results.push(result);
        console.log(line(row(result)));
      }
    } catch (caught) {
      failed.push(...group.map((g) => g.id));
      for (const spec of group) console.log(line([spec.id, spec.title, '', 'FAILED']));
      console.error((caught as Error).message);
    }
  }
  if (peerFailure) {
    failed.push('p');
    console.log(line(['p', 'peers', '', 'FAILED']));
    console.error(peerFailure);
  }
  mkdirSync(dirname(JSON_PATH), { recursive: true });
  writeFileSync(JSON_PATH, `${JSON.stringify({ tool: TOOL_VERSION, node: process.version, cpus: cpus().length, date: new Date().toISOString(), cases: results }, null, 2)}\n`);
  console.log(`JSON: ${JSON_PATH}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failed.length) process.exitCode = 1;
