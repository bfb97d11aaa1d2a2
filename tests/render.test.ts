// `preppack render`: any Markdown file as a PDF in the house style, read back
// as a user would see it.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputNames } from '../src/pipeline/markdownFiles.js';
import { preppack, scratchDir, STACK_TRACE } from './helpers.js';
import { linkTargets, readPdf, squash } from './pdf.js';

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
/** A 1×1 baseline JPEG, with its end-of-image marker. */
const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxD/2Q==', 'base64');

const NOTE = `# Threat modelling notes

A paragraph with *emphasis*, **strong** text, \`inline code\` and a [link](https://example.com).

## Lists

- first point
- second point

1. step one
2. step two

## Quote and code

> Security is a process, not a product.

\`\`\`
npm audit --json
\`\`\`

## Table

| Risk | Owner |
|---|---|
| Injection | AppSec |

::lines 3
`;

function write(path: string, text: string | Buffer): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

describe('preppack render', () => {
  it('renders headings, paragraphs, lists, quotes, code, tables and directives, on Letter by default', async () => {
    const dir = scratchDir();
    const file = write(join(dir, 'notes.md'), NOTE);
    const result = preppack(['render', file, '--out', join(dir, 'out')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/notes\.pdf\s+1 page/);
    const pdf = await readPdf(join(dir, 'out', 'notes.pdf'));
    for (const text of ['Threat modelling notes', 'emphasis', 'strong', 'inline code', 'link', 'first point', 'step two', 'Security is a process, not a product.', 'npm audit --json', 'Injection', 'AppSec']) {
      expect(pdf.squashed).toContain(squash(text));
    }
    expect(pdf.info.Title).toBe('Threat modelling notes');
    expect(pdf.sizes[0]).toEqual({ width: 612, height: 792 });
  });

  it('renders many files in one call; output names follow the inputs and never collide', async () => {
    const dir = scratchDir();
    const files = [
      write(join(dir, 'a', 'notes.md'), '# From a\n'),
      write(join(dir, 'b', 'notes.md'), '# From b\n'),
      write(join(dir, 'a-notes.md'), '# Already a-notes\n'),
      write(join(dir, 'Guide Book.md'), '# Guide\n'),
    ];
    const result = preppack(['render', ...files, '--out', join(dir, 'out')]);
    expect(result.code).toBe(0);
    const written = readdirSync(join(dir, 'out')).sort();
    expect(written).toHaveLength(4);
    expect(written).toEqual(['Guide Book.pdf', 'a-notes-2.pdf', 'a-notes.pdf', 'b-notes.pdf']);
    expect((await readPdf(join(dir, 'out', 'a-notes.pdf'))).squashed).toContain('Froma');
    expect((await readPdf(join(dir, 'out', 'b-notes.pdf'))).squashed).toContain('Fromb');
    expect((await readPdf(join(dir, 'out', 'a-notes-2.pdf'))).squashed).toContain('Alreadya-notes');
  });

  it('joins the lines of a paragraph with spaces, as GitHub does, and keeps a hard break', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'lines.md'), 'one two three\nfour `code` five\nsix seven  \neight nine\\\nten\n');
    expect(preppack(['render', 'lines.md', '--out', 'out'], dir).code).toBe(0);
    const page = (await readPdf(join(dir, 'out', 'lines.pdf'))).pages[0];
    expect(page).toContain('one two three four code five six seven\neight nine\nten');
  });

  it("takes the title from the first level-1 heading's words (setext too), never from a code block's # comment or a badge", async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'tool.md'), '```sh\n# install it\nnpm i tool\n```\n\nThe *tool* [![ci](badge.svg)](https://example.com)\n========\n\ntext\n');
    expect(preppack(['render', 'tool.md', '--out', 'out'], dir).code).toBe(0);
    const pdf = await readPdf(join(dir, 'out', 'tool.pdf'));
    expect(pdf.info.Title).toBe('The tool');
    // The running head; the heading itself shows the badge's description after its words.
    const lines = (pdf.pages[0] ?? '').split('\n').map((line) => line.trim());
    expect(lines).toContain('The tool');
    expect(lines.map(squash)).toContain('Thetoolci');
  });

  it('gives distinct names to any set of inputs, distinct even where case is not (macOS, Windows), safe on every file system', () => {
    const stems = ['notes', 'Notes', 'notes-2', 'a-notes', 'NOTES', '日本', '', '..', 'a/notes', 'Release Notes: 2.1', 'con', 'x*y?'];
    const folders = ['a', 'b', 'A', 'a b', '日本'];
    const paths = folders.flatMap((folder) => stems.map((stem) => `/x/${folder}/${stem}.md`));
    const names = outputNames(paths);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(paths.length);
    for (const name of names) {
      expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]|^[ .]|[ .]\.pdf$/);
      expect(name.toLowerCase()).not.toMatch(/^(con|prn|aux|nul)\.pdf$/);
    }
  });

  it('keeps the source\'s own name and case: README.md → README.pdf, "Release Notes.md" → "Release Notes.pdf"', () => {
    expect(outputNames(['/x/README.md', '/x/Release Notes.md', '/x/CHANGELOG.markdown'])).toEqual(['README.pdf', 'Release Notes.pdf', 'CHANGELOG.pdf']);
    // Two of one name but for case would be one file on macOS and Windows: their folders tell them apart.
    expect(outputNames(['/x/a/README.md', '/x/b/readme.md'])).toEqual(['a-README.pdf', 'b-readme.pdf']);
  });

  it('prints A5 and A4 when asked, and refuses an unknown paper with exit 2', async () => {
    const dir = scratchDir();
    const file = write(join(dir, 'notes.md'), NOTE);
    expect(preppack(['render', file, '--paper', 'a5', '--out', join(dir, 'a5')]).code).toBe(0);
    const a5 = await readPdf(join(dir, 'a5', 'notes.pdf'));
    expect(a5.sizes.every((s) => Math.round(s.width) === 420 && Math.round(s.height) === 595)).toBe(true);
    expect(a5.squashed).toContain('AppSec');
    expect(preppack(['render', file, '--paper', 'A4', '--out', join(dir, 'a4')]).code).toBe(0);
    expect((await readPdf(join(dir, 'a4', 'notes.pdf'))).sizes[0]).toEqual({ width: 595.28, height: 841.89 });
    const bad = preppack(['render', file, '--paper', 'tabloid', '--out', join(dir, 'bad')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown paper "tabloid": the papers are letter, a4, a5');
  });

  it('--toc starts with a contents page whose entries carry page numbers, and bookmarks every heading', async () => {
    const dir = scratchDir();
    const chapters = Array.from({ length: 3 }, (_, i) => `## Chapter ${i + 1}\n\n${'Words to fill the page. '.repeat(300)}\n`).join('\n');
    const file = write(join(dir, 'book.md'), `# The book\n\n${chapters}`);
    const result = preppack(['render', file, '--toc', '--out', join(dir, 'out')]);
    expect(result.code).toBe(0);
    const pdf = await readPdf(join(dir, 'out', 'book.pdf'));
    expect(pdf.pages[0]).toContain('Contents');
    const entries = [...pdf.pages[0]!.matchAll(/Chapter (\d)\D*?(\d+)\s*$/gm)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(entries.map(([chapter]) => chapter)).toEqual([1, 2, 3]);
    for (const [chapter, page] of entries) expect(pdf.pages[page! - 1]).toContain(`Chapter ${chapter}`);
    expect(pdf.pages.join('\n')).not.toContain('00000');
    const bookmarks = JSON.stringify(pdf.outline);
    for (const title of ['The book', 'Chapter 1', 'Chapter 2', 'Chapter 3']) expect(bookmarks).toContain(title);
  });

  it('a heading followed by a long paragraph is never the last line of its page, wherever the page ends', async () => {
    const dir = scratchDir();
    const long = 'The paragraph after the heading runs on for many lines so that it is too long to move whole. '.repeat(12);
    // Push the heading down a line at a time through the foot of the first page.
    const files = Array.from({ length: 14 }, (_, i) => {
      const filler = Array.from({ length: 24 + i }, (_, k) => `Filler line ${k + 1}.`).join('\n\n');
      return write(join(dir, `doc-${i}.md`), `# Keeping\n\n${filler}\n\n## The kept heading\n\n${long}\n`);
    });
    expect(preppack(['render', ...files, '--out', join(dir, 'out')]).code).toBe(0);
    let moved = 0;
    for (let i = 0; i < files.length; i++) {
      const pdf = await readPdf(join(dir, 'out', `doc-${i}.pdf`));
      const page = pdf.pages.find((text) => text.includes('The kept heading'))!;
      const lines = page.split('\n').map((l) => l.trim()).filter((l) => l && !/^Page \d+ of \d+$/.test(l));
      const at = lines.indexOf('The kept heading');
      // At least two lines of the paragraph follow it on its page.
      const after = lines.slice(at + 1, at + 3);
      expect(after).toHaveLength(2);
      for (const line of after) expect(line.length).toBeGreaterThan(30);
      expect(squash(lines.slice(at + 1).join(' '))).toContain(squash('The paragraph after the heading'));
      if (pdf.pages.indexOf(page) > 0) moved++;
      expect(squash(pdf.pages.join('')).match(/toolongtomovewhole/g)).toHaveLength(12);
    }
    // Some of the documents did have to move the heading to the next page.
    expect(moved).toBeGreaterThan(0);
    expect(moved).toBeLessThan(files.length);
  });

  it("shows PNG and JPEG images from the file's folder", () => {
    const dir = scratchDir();
    write(join(dir, 'img', 'dot.png'), PNG);
    write(join(dir, 'photo one.jpg'), JPEG);
    const file = write(join(dir, 'pics.md'), '# Pictures\n\n![a dot](img/dot.png)\n\n![a photo](photo%20one.jpg)\n\nAfter the picture.\n');
    const result = preppack(['render', file, '--out', join(dir, 'out')]);
    expect(result.code).toBe(0);
    const bytes = readFileSync(join(dir, 'out', 'pics.pdf')).toString('latin1');
    // The PNG (with its alpha mask) and the JPEG.
    expect(bytes.match(/\/Subtype \/Image/g)!.length).toBeGreaterThanOrEqual(2);
    expect(bytes).toContain('/Filter /DCTDecode');
  });

  it.each([
    ['outside the folder', '![x](../outside.png)', 'is outside the Markdown file\'s folder'],
    ['missing', '![x](nothere.png)', 'is not there'],
    ['on the web', '![x](https://example.com/x.png)', 'is not a file beside the Markdown'],
    ['not an image', '![x](notes.txt)', 'is not a PNG, JPEG, GIF, WebP or SVG file'],
    ['damaged', '![x](fake.png)', 'is damaged or not really a PNG file'],
  ])('an image %s is a warning naming file and line, its description printed; an error with --strict', async (_, image, message) => {
    const root = scratchDir();
    write(join(root, 'outside.png'), PNG);
    const dir = join(root, 'doc');
    write(join(dir, 'notes.txt'), 'text');
    write(join(dir, 'fake.png'), 'not a picture at all');
    const good = write(join(dir, 'good.md'), '# Good\n');
    const file = write(join(dir, 'pics.md'), `# Pictures\n\nText.\n\n${image}\n\nAfter it.\n`);
    const result = preppack(['render', good, file, '--out', join(root, 'out')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${file}:5: warning: the image`);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('its description is printed instead');
    const text = (await readPdf(join(root, 'out', 'pics.pdf'))).squashed;
    // In a small tinted box, as a badge: no brackets.
    expect(text).toContain('xAfterit.');
    expect(text).not.toContain('[x]');
    const strict = preppack(['render', good, file, '--out', join(root, 'strict'), '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(`${file}:5: the image`);
    expect(strict.stderr).not.toMatch(STACK_TRACE);
    expect(existsSync(join(root, 'strict'))).toBe(false);
  });

  it('a directive error names file and line; a missing file or a folder is exit 1 with nothing written', () => {
    const dir = scratchDir();
    const file = write(join(dir, 'bad.md'), '# Bad\n\nText.\n\n::lines many\n');
    const result = preppack(['render', file, '--out', join(dir, 'out')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5: `));
    expect(result.stderr).not.toMatch(STACK_TRACE);
    const missing = preppack(['render', join(dir, 'none.md'), dir, '--out', join(dir, 'out')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${join(dir, 'none.md')}:1: no such file`);
    expect(missing.stderr).toContain(`${dir}:1: a folder, not a file: not read`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('says which characters the font cannot print, with file and line, and still renders', async () => {
    const dir = scratchDir();
    const file = write(join(dir, 'cjk.md'), '# Notes\n\nPlain text.\n\nA word in Japanese: 日本.\n');
    const result = preppack(['render', file, '--out', join(dir, 'out')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${file}:5:21: warning: no font has a glyph for "日" (U+65E5): it prints as an empty box`);
    expect(result.stderr).toContain('"本" (U+672C)');
    expect((await readPdf(join(dir, 'out', 'cjk.pdf'))).squashed).toContain('Plaintext.');
  });

  it('says so of a character the font lacks written as a character reference, at its column', () => {
    const dir = scratchDir();
    const file = write(join(dir, 'refs.md'), '# Refs\n\nMalayalam &#3334; and &copy; and &#87654321;.\n');
    const result = preppack(['render', file, '--out', join(dir, 'out')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${file}:3:11: warning: no font has a glyph for "ആ" (U+0D06, written "&#3334;")`);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says many characters a file cannot print in one warning, and takes a reference in code as the text it prints', () => {
    const dir = scratchDir();
    const file = write(join(dir, 'zh.md'), '# 说明\n\n这是一个中文的说明文件，字很多。\n\nCode: `&#3334;` prints as written.\n\n```\n&#3334; &copy;\n```\n');
    const result = preppack(['render', file, '--out', join(dir, 'out')]);
    expect(result.code).toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:3: warning: no font has a glyph for "说" \\(U\\+8BF4\\) and \\d+ other characters: \\d+ characters \\(Han, punctuation\\) print as empty boxes; install fonts-noto-cjk`));
    expect(result.stderr).not.toContain('U+0D06');
  });

  it('a file rendered after another that printed Ď (a D and a caron in the font) still reads back its every D', async () => {
    const dir = scratchDir();
    const first = write(join(dir, 'first.md'), '# First\n\n&Dcaron; Ď\n');
    const second = write(join(dir, 'second.md'), '# Second\n\nDefined Deadline\n');
    expect(preppack(['render', first, second, '--out', join(dir, 'out')]).code).toBe(0);
    expect((await readPdf(join(dir, 'out', 'second.pdf'))).squashed).toContain('DefinedDeadline');
  });

  it('prints code spans as written, inline HTML as what it stands for, and opens a quote after = or *', async () => {
    const dir = scratchDir();
    const file = write(join(dir, 'as-written.md'), '# As written\n\nSee <a href="https://example.com/x">here</a>, `f&ouml;&ouml;` and &ouml;, *"quoted"* and title="this".\n');
    expect(preppack(['render', file, '--out', join(dir, 'out')]).code).toBe(0);
    const pdf = join(dir, 'out', 'as-written.pdf');
    expect((await readPdf(pdf)).squashed).toContain(squash('See here, f&ouml;&ouml; and ö, “quoted” and title=“this”.'));
    expect(await linkTargets(pdf)).toContain('https://example.com/x');
  });
});
