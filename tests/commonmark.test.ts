// Every example of the CommonMark spec (npm commonmark-spec) through one
// `preppack render`: no error, every word the spec's HTML shows reaches the
// PDF in order, and no link but http, https or mailto is live.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'htmlparser2';
import type { ChildNode } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { preppack, scratchDir, STACK_TRACE } from './helpers.js';
import { linkTargets, readPdf } from './pdf.js';

interface SpecExample {
  markdown: string;
  html: string;
  section: string;
  number: number;
}

const { tests: examples } = createRequire(import.meta.url)('commonmark-spec') as { tests: SpecExample[] };

// The spec writes a tab as →.
const tabs = (text: string) => text.replaceAll('→', '\t');
const name = (example: SpecExample) => `example-${String(example.number).padStart(3, '0')}`;

/** Quotes compared straight (the house style prints them curly) and blanks removed (lines break anywhere). */
const comparable = (text: string) => text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/[\s\u200b]+/g, '');

/** The words a browser shows for the spec's HTML, read with an HTML parser: its text, without tags, comments, scripts or styles, entities decoded. */
function visibleWords(html: string): string[] {
  const parts: string[] = [];
  const visit = (nodes: readonly ChildNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') parts.push(node.data);
      else if (node.type === 'tag') {
        parts.push(' ');
        visit(node.children);
        parts.push(' ');
      }
    }
  };
  visit(parseDocument(tabs(html), { decodeEntities: true }).children);
  return parts.join('').split(/\s+/).filter(Boolean);
}

/** The words of `words` not found in `text` in order. */
function missingInOrder(text: string, words: readonly string[]): string[] {
  let at = 0;
  const missing: string[] = [];
  for (const word of words) {
    const found = text.indexOf(comparable(word), at);
    if (found < 0) missing.push(word);
    else at = found + comparable(word).length;
  }
  return missing;
}

describe('the CommonMark spec', () => {
  it(`renders all ${examples.length} examples in one run, every visible word in order, no unsafe link`, { timeout: 240_000 }, async () => {
    expect(examples.length).toBe(652);
    const dir = scratchDir();
    mkdirSync(join(dir, 'spec'));
    const files = examples.map((example) => {
      const file = join(dir, 'spec', `${name(example)}.md`);
      writeFileSync(file, tabs(example.markdown));
      return file;
    });
    const result = preppack(['render', ...files, '--out', join(dir, 'out')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.stdout).toContain(`${examples.length} PDFs`);
    // Only warnings: images that are not beside the file, characters the font lacks.
    const warnings = result.stderr.trim().split('\n');
    for (const line of warnings) expect(line).toMatch(/^.+example-\d{3}\.md:\d+(:\d+)?: warning: (the image "[^"]*" .*; its description is printed instead|no font has a glyph for "(.+?)")/);

    const problems: string[] = [];
    let live = 0;
    for (const example of examples) {
      const pdf = join(dir, 'out', `${name(example)}.pdf`);
      // A character no font has is said (checked above) and not looked for.
      const unprintable = warnings.filter((line) => line.includes(`${name(example)}.md:`)).flatMap((line) => /no font has a glyph for "(.+?)"/.exec(line)?.[1] ?? []);
      const words = visibleWords(example.html).map((word) => [...word].filter((char) => !unprintable.includes(char)).join('')).filter(Boolean);
      const missing = missingInOrder(comparable((await readPdf(pdf)).pages.join('\n')), words);
      if (missing.length) problems.push(`${name(example)} (${example.section}): ${missing.slice(0, 5).join(' ')}`);
      for (const target of await linkTargets(pdf)) {
        if (/^(https?:|mailto:)/i.test(target)) live++;
        else problems.push(`${name(example)}: a live link to ${target}`);
      }
    }
    expect(problems).toEqual([]);
    // The autolinks and absolute links of the spec stay live.
    expect(live).toBeGreaterThan(20);
  });
});
