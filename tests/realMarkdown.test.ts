// `preppack render` on Markdown people outside this project wrote (READMEs
// with badges and HTML, API docs, changelogs, book chapters, Chinese and
// Japanese docs, GFM samples: tests/fixtures/real-markdown/SOURCES.md), read
// back with poppler as a reader would see it: what GitHub shows is there,
// and none of the Markdown or HTML it hides.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { nameToEmoji } from 'gemoji';
import { parseDocument } from 'htmlparser2';
import { Marked, type Token } from 'marked';
import { decodeHTML } from 'entities';
import { beforeAll, describe, expect, it } from 'vitest';
import { preppack, ROOT, scratchDir, SYSTEM_FONTS } from './helpers.js';

const CORPUS = join(ROOT, 'tests', 'fixtures', 'real-markdown');
const files = readdirSync(CORPUS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((folder) => readdirSync(join(CORPUS, folder.name)).filter((name) => name.endsWith('.md')).map((name) => join(folder.name, name)));

/** What a file shows, read with marked (GFM) and htmlparser2, not with preppack's own code. */
interface Expected {
  words: string[];
  tags: string[];
  code: string;
  hasCode: boolean;
  markers: string[];
  footnotes: string[];
  shortcodes: string[];
  /** Each paragraph written over several lines: the two words on either side of its first line break. */
  softBreaks: [string, string][];
}

const oracle = new Marked({ gfm: true });
const WORD = /[\p{L}\p{N}]{2,}/gu;

function htmlText(html: string): string {
  const parts: string[] = [];
  const visit = (nodes: ReturnType<typeof parseDocument>['children']) => {
    for (const node of nodes) {
      if (node.type === 'text') parts.push(node.data);
      else if (node.type === 'tag') {
        if (node.name === 'img' && node.attribs.alt) parts.push(` ${node.attribs.alt} `);
        // A block element starts a new line of text.
        parts.push(' ');
        visit(node.children as never);
        parts.push(' ');
      }
    }
  };
  visit(parseDocument(html, { decodeEntities: true }).children);
  return parts.join('');
}

function expectedOf(markdown: string): Expected {
  const tokens = oracle.lexer(markdown);
  const text: string[] = [];
  const tags: string[] = [];
  const code: string[] = [];
  const softBreaks: [string, string][] = [];
  const visit = (list: readonly Token[]) => {
    for (const token of list) {
      const t = token as Token & { tokens?: Token[]; items?: { tokens: Token[] }[]; header?: { tokens: Token[] }[]; rows?: { tokens: Token[] }[][] };
      switch (token.type) {
        case 'code':
        case 'codespan':
          code.push(token.text);
          text.push(` ${token.text} `);
          continue;
        case 'html':
          tags.push(...(token.raw.match(/<\/?[a-zA-Z][^>]*>|<!--[\s\S]*?-->/g) ?? []));
          text.push(htmlText(token.raw));
          continue;
        case 'image':
          text.push(` ${token.text} `);
          continue;
        case 'link':
          // `[^note]` read as a link to a definition: a footnote reference, which prints as its number.
          if (token.raw.startsWith('[^')) continue;
          break;
        case 'text':
        case 'escape':
          if (!t.tokens) text.push(decodeHTML(token.text));
          break;
        case 'paragraph': {
          const lines = token.raw.trim().split('\n');
          const plain = !/[<`|\\]|  $|\[/m.test(token.raw) && (t.tokens ?? []).every((i) => i.type === 'text' || i.type === 'strong' || i.type === 'em');
          if (lines.length >= 2 && plain && lines[0]!.length >= 40) {
            const before = lines[0]!.match(WORD)?.at(-1);
            const after = lines[1]!.match(WORD)?.[0];
            if (before && after) softBreaks.push([before, after]);
          }
          break;
        }
      }
      if (t.items) for (const item of t.items) visit(item.tokens);
      if (t.header) for (const cell of t.header) visit(cell.tokens);
      if (t.rows) for (const row of t.rows) for (const cell of row) visit(cell.tokens);
      if (t.tokens) visit(t.tokens);
      text.push(' ');
    }
  };
  visit(tokens);
  const shown = text.join('');
  const inCode = code.join('\n');
  const notCode = (piece: string) => !squash(inCode).includes(squash(piece));
  const definitions = new Set([...markdown.matchAll(/^ {0,3}\[\^([^\]\s]+)\]:/gm)].map((m) => m[1]!));
  return {
    // Emoji shortcodes print as the emoji or its name; footnote labels as numbers; alert markers as a title.
    words: [...new Set(shown.replace(/:[a-z0-9_+-]+:/g, ' ').replace(/\[\^[^\]\s]+\]:?/g, ' ').replace(/\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]/gi, ' ').match(WORD) ?? [])],
    tags: [...new Set(tags)].filter(notCode),
    code: inCode,
    hasCode: code.length > 0,
    markers: [...new Set(shown.match(/\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]/gi) ?? [])].filter(notCode),
    footnotes: [...new Set([...shown.matchAll(/\[\^([^\]\s]+)\]/g)].filter((m) => definitions.has(m[1]!)).map((m) => m[0]))].filter(notCode),
    shortcodes: [...new Set([...shown.matchAll(/:([a-z0-9_+-]+):/g)].filter((m) => nameToEmoji[m[1]!]).map((m) => m[0]))].filter(notCode),
    softBreaks,
  };
}

/** Text without white space, zero-width spaces or the continuation mark of a wrapped code line. */
const squash = (text: string) => text.replace(/[\s\u200b↪]+/g, '');

interface Rendered {
  text: string;
  /** The text in the order it is drawn (pdftotext -raw): a table cell's lines together, as the reader reads them. */
  raw: string;
  pages: string[];
  fonts: string;
  title: string;
}

const out = scratchDir();
const rendered = new Map<string, Rendered>();
let result: ReturnType<typeof preppack>;

beforeAll(() => {
  // The machine's fonts (the README's Fonts section: Noto for every script), as a user would have them.
  result = preppack(['render', ...files.map((file) => join(CORPUS, file)), '--out', out, '--json'], ROOT, SYSTEM_FONTS);
  if (result.code !== 0) return;
  const written = (JSON.parse(result.stdout) as { files: { source: string; path: string }[] }).files;
  for (const file of written) {
    const pdf = file.path;
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    const title = /^Title:\s*(.*)$/m.exec(execFileSync('pdfinfo', ['-enc', 'UTF-8', pdf], { encoding: 'utf8' }))?.[1] ?? '';
    rendered.set(file.source.slice(CORPUS.length + 1), { text, raw, pages: text.split('\f'), fonts, title });
  }
});

describe('render on real Markdown (tests/fixtures/real-markdown)', () => {
  it('has at least 25 files, each with its source and licence', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
    const sources = readFileSync(join(CORPUS, 'SOURCES.md'), 'utf8');
    for (const file of files) {
      expect(sources, file).toContain(`| ${file} |`);
      expect(readdirSync(join(CORPUS, file, '..')), file).toContain('LICENSE.txt');
    }
  });

  it('renders every file with exit 0', () => {
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.code, result.stderr).toBe(0);
    expect([...rendered.keys()].sort()).toEqual([...files].sort());
  });

  describe.each(files)('%s', (file) => {
    const expected = expectedOf(readFileSync(join(CORPUS, file), 'utf8'));
    const get = () => rendered.get(file)!;

    it('prints no HTML tag or comment, alert marker, footnote label or emoji shortcode', () => {
      const shown = squash(get().text);
      for (const tag of expected.tags) expect(shown, `${file}: the tag ${tag}`).not.toContain(squash(tag));
      for (const marker of [...expected.markers, ...expected.footnotes, ...expected.shortcodes]) expect(get().text, `${file}: ${marker}`).not.toContain(marker);
    });

    it('prints every word of the text GitHub shows', () => {
      const shown = squash(get().text);
      const drawn = squash(get().raw);
      const missing = expected.words.filter((word) => !shown.includes(word) && !drawn.includes(word));
      expect(missing, `${file}: words missing`).toEqual([]);
    });

    it('has a running head and title of plain text, on one line', () => {
      const { title, pages } = get();
      expect(title.length).toBeGreaterThan(0);
      expect(title).not.toMatch(/[[\]<>`*]|https?:|\]\(|^#/);
      // The running head: the first line of a page after the first.
      const page = pages[1] ?? pages[0]!;
      expect(page.split('\n')[0]!.trim()).toBe(title.length > 120 ? page.split('\n')[0]!.trim() : title);
    });

    it('leaves no page blank: each has text besides its running head and foot', () => {
      const { pages, title } = get();
      const bodies = pages.slice(0, -1).map((page) => page.split('\n').map((line) => line.trim()).filter((line) => line && line !== title && !/^Page \d+ of \d+$/.test(line)));
      expect(bodies.map((lines, i) => (lines.length ? 0 : i + 1)).filter(Boolean), `${file}: blank pages`).toEqual([]);
    });

    it('sets code in the monospaced font', () => {
      if (expected.hasCode) expect(get().fonts).toMatch(/DejaVuSansMono/);
      else expect(get().fonts).not.toMatch(/DejaVuSansMono/);
    });

    it('reflows paragraphs written over several lines', () => {
      const lines = get().text.split('\n').map((line) => line.trim());
      // A source line break kept would end a printed line with its last word and start the next with the following one.
      const kept = expected.softBreaks.filter(([before, after]) => lines.some((line, i) => line.endsWith(before) && (lines[i + 1] ?? '').startsWith(after)));
      expect(kept.length, `${file}: ${kept.length} of ${expected.softBreaks.length} source line breaks kept`).toBeLessThanOrEqual(Math.max(1, expected.softBreaks.length * 0.25));
    });
  });
});

describe('the corpus covers what the issue names', () => {
  it('holds badges, HTML, alerts, footnotes, emoji shortcodes, Chinese and Japanese', () => {
    const all = files.map((file) => readFileSync(join(CORPUS, file), 'utf8')).join('\n');
    expect(all).toMatch(/img\.shields\.io/);
    expect(all).toMatch(/<p align="center">|<div align="center">/);
    expect(all).toMatch(/<details>/);
    expect(all).toMatch(/<kbd>/);
    expect(all).toMatch(/> \[!NOTE\]/);
    expect(all).toMatch(/\[\^\w+\]:/);
    expect(all).toMatch(/:wink:|:tada:|:smile:/);
    expect(all).toMatch(/[\u3040-\u30ff]/);
    expect(all).toMatch(/[\u4e00-\u9fff]/);
    expect(basename(files.find((f) => /CHANGELOG/.test(f))!)).toBe('CHANGELOG.md');
  });
});
