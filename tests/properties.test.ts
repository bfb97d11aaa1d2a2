// Property tests (fast-check, seeded so that a failure can be replayed):
// generated Markdown through `render`, and arbitrary Unicode in content
// fields through `check` and `build`. Nothing crashes, nothing hangs (each
// command is stopped after 45 s), and every word of visible text reaches
// the PDF, inside tables, nested lists and blocks taller than a page. The
// documents of one property render in one `render` call.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyOf, preppack, ROOT, scratchDir, STACK_TRACE } from './helpers.js';
import { pageBodies, readPdf } from './pdf.js';

const SEED = 20261202;

/** Words a reader must find again: Latin, accented, Greek and Cyrillic, all in the font. */
const word = fc.oneof(
  fc.stringMatching(/^[a-z]{2,12}$/),
  fc.stringMatching(/^[A-Z][a-z]{1,8}[0-9]{0,3}$/),
  fc.constantFrom('café', 'naïve', 'Ωmega', 'λόγος', 'дом', 'Straße', 'Ærø'),
  fc.stringMatching(/^[a-z0-9]{30,60}$/),
);
const line = fc.array(word, { minLength: 1, maxLength: 14 });

/** A Markdown block and the words it shows. */
type Block = { markdown: string; words: string[] };
const join_ = (words: string[]) => words.join(' ');

const leaf: fc.Arbitrary<Block> = fc.oneof(
  line.map((w) => ({ markdown: join_(w), words: w })),
  fc.tuple(fc.integer({ min: 1, max: 6 }), line).map(([depth, w]) => ({ markdown: `${'#'.repeat(depth)} ${join_(w)}`, words: w })),
  fc.array(line, { minLength: 1, maxLength: 6 }).map((items) => ({ markdown: items.map((w) => `- ${join_(w)}`).join('\n'), words: items.flat() })),
  line.map((w) => ({ markdown: `> ${join_(w)}`, words: w })),
  line.map((w) => ({ markdown: `**${join_(w)}** and _emphasis_`, words: [...w, 'emphasis'] })),
  fc.tuple(fc.integer({ min: 2, max: 5 }), fc.array(line, { minLength: 1, maxLength: 5 })).map(([columns, rows]) => ({
    markdown: [`| ${Array.from({ length: columns }, (_, i) => `Col${i}`).join(' | ')} |`, `|${' --- |'.repeat(columns)}`, ...rows.map((w) => `| ${Array.from({ length: columns }, (_, c) => (c === 0 ? join_(w) : `cell${c}`)).join(' | ')} |`)].join('\n'),
    words: [...Array.from({ length: columns }, (_, i) => `Col${i}`), ...rows.flat()],
  })),
  // A list nested as deep as fifty levels.
  fc.tuple(fc.integer({ min: 2, max: 50 }), word).map(([depth, w]) => ({ markdown: Array.from({ length: depth }, (_, d) => `${'  '.repeat(d)}- ${w}${d}`).join('\n'), words: Array.from({ length: depth }, (_, d) => `${w}${d}`) })),
  // A table cell or a kept block taller than a page.
  fc.array(word, { minLength: 900, maxLength: 1200 }).map((w) => ({ markdown: `| HeadA | HeadB |\n|---|---|\n| tall | ${join_(w)} |`, words: ['tall', ...w] })),
  fc.array(line, { minLength: 60, maxLength: 90 }).map((lines) => ({ markdown: `:::keep\n${lines.map((w) => `- ${join_(w)}`).join('\n')}\n:::`, words: lines.flat() })),
);

const document = fc.array(leaf, { minLength: 1, maxLength: 8 });

const squashed = (text: string) => text.replace(/[\s\u200b]+/g, '');

describe('generated Markdown through render', () => {
  it('never crashes, and every word of every document reaches its PDF', async () => {
    const docs = fc.sample(document, { seed: SEED, numRuns: 24 });
    const dir = scratchDir();
    const files = docs.map((blocks, i) => {
      const path = join(dir, `doc-${i}.md`);
      writeFileSync(path, `${blocks.map((b) => b.markdown).join('\n\n')}\n`);
      return path;
    });
    const result = preppack(['render', ...files, '--out', join(dir, 'out')]);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.code, result.stderr).toBe(0);
    for (const [i, blocks] of docs.entries()) {
      // Each page's running head and foot (left out by where they stand) and a tall table's repeated header row interrupt
      // text that runs on over a page, a long word included: read the pages as one text without them.
      const text = squashed((await pageBodies(join(dir, 'out', `doc-${i}.pdf`))).join('\n')).replace(/HeadAHeadB/g, '');
      for (const w of blocks.flatMap((b) => b.words)) {
        const at = text.indexOf(squashed(w).slice(0, 12));
        expect(text, `doc-${i}.md: "${w}" (near: ${at < 0 ? 'nowhere' : text.slice(at - 10, at + w.length + 40)})`).toContain(squashed(w));
      }
    }
  });

  it('any string at all as a Markdown file: exit 0 or a message naming the file, never a stack trace', () => {
    const texts = fc.sample(fc.string({ unit: 'grapheme', maxLength: 400 }), { seed: SEED, numRuns: 30 });
    const dir = scratchDir();
    const files = texts.map((text, i) => {
      const path = join(dir, `any-${i}.md`);
      writeFileSync(path, text);
      return path;
    });
    const result = preppack(['render', ...files, '--out', join(dir, 'out')]);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect([0, 1]).toContain(result.code);
    if (result.code === 1) expect(result.stderr).toMatch(/any-\d+\.md:\d+/);
  });
});

describe('arbitrary Unicode in a content field', () => {
  const content = copyOf(join(ROOT, 'content'));
  const question = join(content, 'questions', 'staff', 'staff-01-walk-through-youd-threat-model.md');
  const original = readFileSync(question, 'utf8');

  it('check answers with exit 0 or file:line messages, never a stack trace', () => {
    for (const text of fc.sample(fc.string({ unit: 'binary', maxLength: 200 }), { seed: SEED, numRuns: 12 })) {
      // Functions, not replacement strings: the text may hold "$&".
      writeFileSync(question, original.replace(/^prompt: .*$/m, () => `prompt: ${JSON.stringify(text)}`).replace(/\{#example\}\n\n/, (heading) => `${heading}${text}\n\n`));
      const result = preppack(['check', '--content', content]);
      expect(result.stderr).not.toMatch(STACK_TRACE);
      expect([0, 1]).toContain(result.code);
      if (result.code === 1) expect(result.stderr).toMatch(/\.md:\d+(:\d+)?: /);
    }
  });

  it('build prints the words of the field in the booklet', async () => {
    for (const words of fc.sample(fc.array(word, { minLength: 3, maxLength: 40 }), { seed: SEED, numRuns: 3 })) {
      writeFileSync(question, original.replace(/\{#example\}\n\n/, (heading) => `${heading}${words.join(' ')}\n\n`));
      const out = join(scratchDir(), 'out');
      const result = preppack(['build', '--content', content, '--out', out, '--level', 'staff', '--packet', 'booklet']);
      expect(result.stderr).not.toMatch(STACK_TRACE);
      expect(result.code, result.stderr).toBe(0);
      const text = squashed((await readPdf(join(out, 'staff', 'staff-booklet.pdf'))).pages.join('\n'));
      for (const w of words) expect(text).toContain(squashed(w));
    }
  });
});
