// Linear time, measured as a ratio in one run (never a wall-clock limit):
// every reader, and the layout, is given each family of input at a size and
// at ten times the size, and must take no more than LINEAR_SLACK times as
// long again as ten times the time of the smaller one. A quadratic path
// takes a hundred times as long for ten times the input; these were (before
// issue 17): `a_a_…`, `*a_*a_…`, runs of headings, code spans glued to text,
// a long paragraph, many headings of one text, competencies.yaml. Every
// family goes 10 KB → 100 KB, and to 1 MB: every reader, every document
// shape through the lexer, one inline shape of each cause, and the whole
// render (layout and drawing) of the shapes a long document is made of.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../src/content/load.js';
import { parseContentFile } from '../src/content/parse.js';
import { importPages } from '../src/import/importPages.js';
import { renderMarkdown } from '../src/index.js';
import { readRoster } from '../src/loops/roster.js';
import { boundMarkedRules, MAX_RUNS } from '../src/render/linearMarked.js';
import { lexMarkdown } from '../src/render/markdown.js';
import { tooDeep } from '../src/render/nesting.js';
import { controlsIn } from '../src/text/controls.js';
import { decodeText } from '../src/text/decode.js';
import { ROOT, SEED } from './helpers.js';

/** How far above linear a family may go: noise and a busy machine, not a square. */
const LINEAR_SLACK = 3;
const KB = 1000;

/** The fastest of `runs` timings of `work`, in ms: the least disturbed by the rest of the machine. */
async function fastest(work: () => unknown, runs = 2): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** Times `work` on each size; every step of ten may cost at most LINEAR_SLACK × 10 (a floor of 5 ms: below it the machine's noise rules). */
async function expectLinear(name: string, make: (size: number) => string, work: (input: string) => unknown, sizes: readonly number[]): Promise<string> {
  await work(make(sizes[0]!));
  const times: number[] = [];
  for (const size of sizes) {
    const input = make(size);
    times.push(await fastest(() => work(input), size >= 1000 * KB ? 1 : 2));
  }
  const shown = `${name}: ${sizes.map((s, i) => `${s / KB} KB ${times[i]!.toFixed(0)} ms`).join(' → ')}`;
  for (let i = 1; i < times.length; i++) {
    const step = sizes[i]! / sizes[i - 1]!;
    expect(times[i], shown).toBeLessThanOrEqual(LINEAR_SLACK * step * Math.max(times[i - 1]!, 5));
  }
  return shown;
}

const WORDS = 'security threat model risk review team product owner engineer vulnerability incident response design'.split(' ');
function words(size: number): string {
  const out: string[] = [];
  for (let length = 0, i = 0; length < size; i++) {
    const word = WORDS[(i * 7) % WORDS.length]!;
    out.push(word);
    length += word.length + 1;
  }
  return out.join(' ');
}
const repeat = (unit: string) => (size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Inline shapes that were quadratic in marked, or near it. */
const INLINE = ['a_', '**a', '*a', '__a', '_a', 'a*', '*a_', '*a*', '**a**', 'x_y_', '*_a', '_*a', '*a **b', '***a', '_a __b', '**a *b', 'a_ _b', '[a](', '![a](', '<a ', '`a', '\\', '&amp;', 'www.a', '~a', '[^a', '['];

/** One shape of each cause, taken on to 1 MB: email autolinks, an opener with no closer, the rule of three, strong runs, code spans, links, images. */
const TO_A_MEGABYTE = ['a_', '*a_', '*a **b', '**a', '`a', '[a](', '![a]('];

/** Whole documents: the body of a long file of each kind. */
const DOCUMENTS: Record<string, (size: number) => string> = {
  paragraph: words,
  lines: (size) => Array.from({ length: Math.ceil(size / 71) }, () => words(70)).join('\n'),
  headings: (size) => Array.from({ length: Math.ceil(size / 36) }, () => `## ${words(30)}`).join('\n\n'),
  list: (size) => Array.from({ length: Math.ceil(size / 43) }, () => `- ${words(40)}`).join('\n'),
  table: (size) => `| a | b | c |\n|---|---|---|\n${Array.from({ length: Math.ceil(size / 20) }, () => '| x y | z w | q r |').join('\n')}`,
  'nested lists, 100 deep': (size) => Array.from({ length: Math.ceil(size / 60) }, (_, i) => `${'  '.repeat(i % 100)}- ${words(20)}`).join('\n'),
  cjk: repeat('安全威胁模型风险评审团队'),
  'a_ glued': repeat('a_'),
  'code glued to text': repeat('`a'),
  'strong runs': repeat('**a'),
  backslashes: repeat('\\'),
  'image openers': repeat('![a]('),
};

describe('linear time, by family (each size ten times the last, timed in one run)', () => {
  it('marked still has the rules the bounds rewrite, and a long emphasis span still pairs', () => {
    expect(boundMarkedRules()).toEqual({ url: true, text: true, emphasis: true });
    // A bold paragraph holding forty italic words, each a run of the same delimiter: still bold, every word italic.
    const italics = Array.from({ length: 40 }, (_, i) => `*w${i}*`).join(' ');
    const [paragraph] = lexMarkdown(`**Bold ${italics} end.**\n`) as { tokens: { type: string; tokens: { type: string }[] }[] }[];
    expect(paragraph!.tokens.map((t) => t.type)).toEqual(['strong']);
    expect(paragraph!.tokens[0]!.tokens.filter((t) => t.type === 'em')).toHaveLength(40);
    expect(40).toBeLessThan(MAX_RUNS);
  });

  it('lexes every inline shape in linear time, 10 KB → 100 KB, and one of each cause to 1 MB', { timeout: 240_000 }, async () => {
    const lines: string[] = [];
    for (const unit of INLINE) {
      const sizes = TO_A_MEGABYTE.includes(unit) ? [10 * KB, 100 * KB, 1000 * KB] : [10 * KB, 100 * KB];
      lines.push(await expectLinear(JSON.stringify(unit), repeat(unit), lexMarkdown, sizes));
    }
    console.log(lines.join('\n'));
  });

  it('lexes every document shape in linear time, 10 KB → 100 KB → 1 MB', async () => {
    for (const [name, make] of Object.entries(DOCUMENTS)) await expectLinear(name, make, lexMarkdown, [10 * KB, 100 * KB, 1000 * KB]);
  });

  it('renders every document shape in linear time (layout and drawing), 10 KB → 100 KB, and the long-document ones to 1 MB', { timeout: 300_000 }, async () => {
    const lines: string[] = [];
    const render = async (text: string) => (await renderMarkdown(`# Linear\n\n${text}\n`)).pages;
    for (const [name, make] of Object.entries(DOCUMENTS)) {
      const long = name === 'paragraph' || name === 'lines' || name === 'headings' || name === 'list';
      lines.push(await expectLinear(name, make, render, long ? [10 * KB, 100 * KB, 1000 * KB] : [10 * KB, 100 * KB]));
    }
    console.log(lines.join('\n'));
  });

  it('reads rosters, content files, competencies, pages to import and text checks in linear time, 10 KB → 100 KB → 1 MB', async () => {
    const { library } = loadLibrary(join(ROOT, 'content'));
    const rosterYaml = (size: number) => Array.from({ length: Math.ceil(size / 90) }, (_, i) => `- candidate: Person ${i}\n  level: staff\n  interviewers: Sam, Kai\n  date: 2026-12-01\n  seed: ${i}`).join('\n');
    const rosterCsv = (size: number) => `candidate,level,interviewers,date\n${Array.from({ length: Math.ceil(size / 40) }, (_, i) => `Person ${i},staff,Sam;Kai,2026-12-01`).join('\n')}`;
    await expectLinear('roster (YAML)', rosterYaml, (text) => readRoster('loops.yaml', text, library), [10 * KB, 100 * KB, 1000 * KB]);
    await expectLinear('roster (CSV)', rosterCsv, (text) => readRoster('loops.csv', text, library), [10 * KB, 100 * KB, 1000 * KB]);
    const question = (size: number) =>
      `---\nid: staff-99-x\nlevel: staff\nnumber: 99\nprompt: How?\ncompetencies: [threat-modeling]\n---\n\n## Strong answer should cover {#cover}\n\n${Array.from({ length: Math.ceil(size / 45) }, () => `- ${words(40)}`).join('\n')}\n`;
    await expectLinear('content file', question, (text) => parseContentFile({ kind: 'question', path: 'content/questions/staff/staff-99-x.md', folder: 'staff', bytes: Buffer.from(text) }), [10 * KB, 100 * KB, 1000 * KB]);
    const competencies = (size: number) => Array.from({ length: Math.ceil(size / 70) }, (_, i) => `- id: competency-${i}\n  title: Competency ${i}\n  description: ${words(20)}`).join('\n');
    await expectLinear('competencies.yaml', competencies, (text) => parseContentFile({ kind: 'competencies', path: 'content/competencies.yaml', bytes: Buffer.from(text) }), [10 * KB, 100 * KB, 1000 * KB]);
    const page = readFileSync(SEED.staffQa, 'utf8');
    const pages = (size: number) => `${page}\n${Array.from({ length: Math.ceil(size / 80) }, () => words(78)).join('\n')}`;
    await expectLinear('page to import', pages, (text) => importPages([{ path: 'page.txt', text }], 'content', new Map(), false), [10 * KB, 100 * KB, 1000 * KB]);
    const latin1 = (size: number) => `${words(size)}\n caf\u00e9`;
    await expectLinear('decoding (a Latin-1 byte at the end)', latin1, (text) => decodeText('x.md', Buffer.from(text, 'latin1')), [10 * KB, 100 * KB, 1000 * KB]);
    await expectLinear('nesting depth', DOCUMENTS['nested lists, 100 deep']!, tooDeep, [10 * KB, 100 * KB, 1000 * KB]);
    await expectLinear('control characters', (size) => `${words(size)}\u0007`.repeat(2), controlsIn, [10 * KB, 100 * KB, 1000 * KB]);
  });
});
