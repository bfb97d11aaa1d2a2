// Markdown as GitHub shows it (issue 20): HTML inside Markdown, alerts,
// footnotes, emoji shortcodes, table alignment and code, each read back from
// the PDF `render` writes.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { GifWriter } from 'omggif';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preppack, ROOT, scratchDir } from './helpers.js';
import { placedWords, readPdf, squash } from './pdf.js';

/** Renders one Markdown text; the PDF's path. */
function render(markdown: string, name = 'doc'): string {
  const dir = scratchDir();
  writeFileSync(join(dir, `${name}.md`), markdown);
  const result = preppack(['render', `${name}.md`, '--out', 'out'], dir);
  expect(result.code, result.stderr).toBe(0);
  return join(dir, 'out', `${name}.pdf`);
}

const text = (pdf: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
const fonts = (pdf: string) => execFileSync('pdffonts', [pdf], { encoding: 'utf8' });

describe('HTML inside Markdown', () => {
  const html = [
    '# Tool',
    '',
    '<!-- YAML',
    'added: v1.0.0',
    '-->',
    '',
    '<p align="center">',
    '  <a href="https://example.com"><img src="https://example.com/logo.png" alt="Tool logo"></a>',
    '</p>',
    '',
    '<details>',
    '<summary>Click to see more</summary>',
    '',
    'Hidden **Markdown** inside.',
    '',
    '</details>',
    '',
    'Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, x<sup>2</sup> and H<sub>2</sub>O.<br>Next line.',
    '',
    '<h2>Made in HTML</h2>',
    '',
    '<table><tr><th>Name</th><th>Role</th></tr><tr><td>Ana</td><td>Lead</td></tr></table>',
    '',
    '<script>alert("never")</script>',
    '<style>p { color: red }</style>',
    '',
    '<custom-tag>Kept text</custom-tag>',
    '',
  ].join('\n');

  it('prints what each tag stands for, never a tag, a comment, or a script', async () => {
    const pdf = render(html);
    const shown = text(pdf);
    expect(shown).not.toMatch(/<\/?[a-z][^>]*>|<!--|-->/i);
    expect(shown).not.toContain('added: v1.0.0');
    expect(shown).not.toContain('alert(');
    expect(shown).not.toContain('color: red');
    for (const words of ['Tool logo', 'Click to see more', 'Hidden Markdown inside.', 'Made in HTML', 'Kept text', 'Next line.']) expect(squash(shown)).toContain(squash(words));
    // `<br>`: a line break.
    expect(shown.split('\n').map((line) => line.trim())).toContain('Next line.');
    // `<h2>` is a heading: a bookmark.
    const read = await readPdf(pdf);
    expect(JSON.stringify(read.outline)).toContain('Made in HTML');
  });

  it('sets <kbd> in the code font, centres <p align="center">, and makes <table> a table', () => {
    const pdf = render(html);
    expect(fonts(pdf)).toMatch(/DejaVuSansMono/);
    const words = placedWords(pdf);
    const logo = words.find((w) => w.text === 'Tool')!;
    const page = words.filter((w) => w.page === 1);
    const left = Math.min(...page.map((w) => w.xMin));
    // The logo's description stands in the middle of the line, not at the margin.
    const logoWord = page.find((w) => w.text === 'logo' && w.yMin > logo.yMin)!;
    expect(logoWord.xMin).toBeGreaterThan(left + 150);
    // The table's two cells side by side.
    const ana = page.find((w) => w.text === 'Ana')!;
    const lead = page.find((w) => w.text === 'Lead')!;
    expect(Math.abs(ana.yMin - lead.yMin)).toBeLessThan(2);
    expect(lead.xMin).toBeGreaterThan(ana.xMax);
  });

  it('keeps the Markdown between <div align="center"> and </div> inside it, centred', () => {
    const pdf = render('# Doc\n\nLeft paragraph at the margin.\n\n<div align="center">\n\n**Centred** words\n\n</div>\n\nAfter.\n');
    const page = placedWords(pdf).filter((w) => w.page === 1);
    const margin = page.find((w) => w.text === 'Left')!.xMin;
    expect(page.find((w) => w.text === 'Centred')!.xMin).toBeGreaterThan(margin + 150);
    expect(page.find((w) => w.text === 'After.')!.xMin).toBeCloseTo(margin, 0);
  });
});

describe('GitHub alerts, footnotes and emoji', () => {
  it('prints each alert as its titled box, without the marker', () => {
    const kinds = ['NOTE', 'TIP', 'IMPORTANT', 'WARNING', 'CAUTION'];
    const pdf = render(`# Alerts\n\n${kinds.map((kind) => `> [!${kind}]\n> About ${kind.toLowerCase()}.\n`).join('\n')}`);
    const shown = text(pdf);
    expect(shown).not.toMatch(/\[!/);
    const lines = shown.split('\n').map((line) => line.trim());
    for (const kind of kinds) {
      const title = kind[0] + kind.slice(1).toLowerCase();
      expect(lines[lines.indexOf(title) + 1]).toBe(`About ${kind.toLowerCase()}.`);
    }
  });

  it('numbers footnotes by first reference and prints them at the end, each linked both ways', async () => {
    const pdf = render('# Notes\n\nFirst claim[^b] and second[^a].\n\nNo such note[^missing].\n\n[^a]: The A note.\n[^b]: The B note.\n');
    const shown = text(pdf);
    expect(shown).not.toContain('[^a]');
    expect(shown).not.toContain('[^b]');
    // A reference to no note prints as written, as on GitHub.
    expect(shown).toContain('[^missing]');
    const lines = squash(shown);
    expect(lines).toContain(squash('First claim1 and second2.'));
    expect(lines.indexOf(squash('1.The B note.'))).toBeGreaterThan(lines.indexOf('Nosuchnote'));
    expect(lines).toContain(squash('2.The A note.'));
    // Internal links: each reference to its note, each ↩ back.
    const objects = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'], { encoding: 'latin1' });
    expect((objects.match(/\/S \/GoTo/g) ?? []).length).toBe(4);
  });

  it('prints an emoji shortcode as the emoji where a font has it, else its name, never :name:', () => {
    const pdf = render('# Emoji\n\nShip it :rocket: and :relaxed: done; keep 10:30:45 as is.\n');
    const shown = text(pdf);
    expect(shown).not.toMatch(/:rocket:|:relaxed:/);
    expect(shown).toContain('10:30:45');
    // DejaVu Sans has ☺ (U+263A); no bundled font has 🚀, so its name prints.
    expect(shown).toMatch(/☺/);
    expect(shown).toMatch(/rocket/);
  });
});

/** The colour of the pixel at (x, y) points of page 1, read from pdftoppm's PPM. */
function pixelAt(pdf: string, x: number, y: number): [number, number, number] {
  const root = join(scratchDir(), 'page');
  execFileSync('pdftoppm', ['-r', '72', '-f', '1', '-l', '1', '-singlefile', pdf, root]);
  const ppm = readFileSync(`${root}.ppm`);
  // P6\n<width> <height>\n255\n, then RGB bytes.
  const [, width] = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 32).toString('latin1'))!.map(Number) as [number, number];
  const header = ppm.subarray(0, 32).toString('latin1').match(/^P6\s+\d+\s+\d+\s+255\s/)![0].length;
  const at = header + (Math.round(y) * width + Math.round(x)) * 3;
  return [ppm[at]!, ppm[at + 1]!, ppm[at + 2]!];
}

describe('images from the file\'s folder', () => {
  it('draws a GIF\'s first frame, WebP pictures and an SVG', () => {
    const dir = scratchDir();
    // Two frames of 40 × 20 pixels: red, then blue.
    const gif = Buffer.alloc(4096);
    const writer = new GifWriter(gif, 40, 20, { palette: [0xff0000, 0x0000ff], loop: 0 });
    writer.addFrame(0, 0, 40, 20, new Array(800).fill(0), { delay: 10 });
    writer.addFrame(0, 0, 40, 20, new Array(800).fill(1), { delay: 10 });
    writeFileSync(join(dir, 'moving.gif'), gif.subarray(0, writer.end()));
    writeFileSync(join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="40"><rect width="160" height="40" fill="#1f4e79"/><text x="10" y="26" font-size="16" fill="white">Vector words</text></svg>');
    // WebP, lossy and lossless (made with ImageMagick: tests/fixtures/images/).
    for (const name of ['red-lossy.webp', 'blue-lossless.webp']) writeFileSync(join(dir, name), readFileSync(join(ROOT, 'tests', 'fixtures', 'images', name)));
    writeFileSync(join(dir, 'doc.md'), '# Pictures\n\n![moving](moving.gif)\n\n![logo](logo.svg)\n\n![red](red-lossy.webp)\n\n![blue](blue-lossless.webp)\n');
    const result = preppack(['render', 'doc.md', '--out', 'out'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const pdf = join(dir, 'out', 'doc.pdf');
    expect(text(pdf)).toContain('Vector words');
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' });
    expect(images).toMatch(/\s40\s+20\s+rgb/);
    // The GIF's frame and the two WebP pictures, at their own sizes.
    expect(images.match(/\s40\s+20\s+rgb/g)).toHaveLength(2);
    expect(images).toMatch(/\s30\s+10\s+rgb/);
    // The GIF, centred under the heading: red, its first frame.
    const words = placedWords(pdf);
    // The heading, not the running head above it.
    const heading = words.filter((w) => w.text === 'Pictures').reduce((a, b) => (b.yMin > a.yMin ? b : a));
    const [r, g, b] = pixelAt(pdf, 306, heading.yMin + 40);
    expect(r).toBeGreaterThan(200);
    expect(g + b).toBeLessThan(60);
  });
});

describe('pictures preppack will not draw', () => {
  it('refuses a WebP too large to hold, or animated, from its header, before decoding: a warning, its description printed', () => {
    const dir = scratchDir();
    // An extended WebP header (VP8X) and nothing else: a canvas of 16000 × 16000, then the same with the animation flag.
    const header = (width: number, height: number, flags: number) => {
      const bytes = Buffer.alloc(30);
      bytes.write('RIFF', 0, 'latin1');
      bytes.writeUInt32LE(22, 4);
      bytes.write('WEBPVP8X', 8, 'latin1');
      bytes.writeUInt32LE(10, 16);
      bytes[20] = flags;
      bytes.writeUIntLE(width - 1, 24, 3);
      bytes.writeUIntLE(height - 1, 27, 3);
      return bytes;
    };
    writeFileSync(join(dir, 'huge.webp'), header(16000, 16000, 0));
    writeFileSync(join(dir, 'moving.webp'), header(40, 20, 0x02));
    writeFileSync(join(dir, 'doc.md'), '# Pictures\n\n![Huge chart](huge.webp)\n\n![Moving logo](moving.webp)\n');
    const result = preppack(['render', 'doc.md', '--out', 'out'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('doc.md:3: warning: the image "huge.webp" is 16000 × 16000 pixels, more than preppack prints');
    expect(result.stderr).toContain('doc.md:5: warning: the image "moving.webp" is an animated WebP');
    expect(text(join(dir, 'out', 'doc.pdf'))).toMatch(/Huge chart[\s\S]*Moving logo/);
  });
});

describe('tables and code', () => {
  it('aligns table columns as written (:--:, --:)', () => {
    const pdf = render('# T\n\n| Left | Centre | Right |\n| :--- | :----: | ----: |\n| a | b | c |\n| longer left text | longer centre text | longer right text |\n');
    const words = placedWords(pdf);
    const at = (t: string) => words.find((w) => w.text === t)!;
    // Right: the short cell ends where the long one ends; centre: their middles meet.
    expect(at('c').xMax).toBeCloseTo(words.filter((w) => w.text === 'text').at(-1)!.xMax, 0);
    const centreMiddle = (at('b').xMin + at('b').xMax) / 2;
    const long = words.filter((w) => ['longer', 'centre', 'text'].includes(w.text)).slice(2, 5);
    expect(centreMiddle).toBeCloseTo((long[0]!.xMin + long.at(-1)!.xMax) / 2, -1);
    expect(at('a').xMin).toBeCloseTo(words.find((w) => w.text === 'longer')!.xMin, 0);
  });

  it('sets code in DejaVu Sans Mono, wraps a long line with ↪ and loses nothing, keeps box drawings in columns', () => {
    const long = `const url = "${'abcdefghij'.repeat(14)}";`;
    const pdf = render(['# Code', '', '```js', 'function f(a) {', '  return a; // done', '}', long, '```', '', '```', '┌──┬──┐', '│ab│cd│', '└──┴──┘', '```', '', 'Inline `code` too.', ''].join('\n'));
    expect(fonts(pdf)).toMatch(/DejaVuSansMono\s/);
    // Highlighted: the keyword bold, the comment oblique.
    expect(fonts(pdf)).toMatch(/DejaVuSansMono-Bold\s/);
    expect(fonts(pdf)).toMatch(/DejaVuSansMono-Oblique\s/);
    const shown = text(pdf);
    expect(shown).toContain('↪');
    expect(squash(shown.replace(/↪/g, ''))).toContain(squash(long));
    const words = placedWords(pdf);
    const rows = ['┌──┬──┐', '│ab│cd│', '└──┴──┘'].map((row) => words.find((w) => w.text === row)!);
    for (const row of rows) expect(row.xMin).toBeCloseTo(rows[0]!.xMin, 1);
    for (const row of rows) expect(row.xMax).toBeCloseTo(rows[0]!.xMax, 1);
  });
});

describe('layout of real documents', () => {
  it('never leaves a table\'s last row alone on a page under its repeated header', () => {
    const dir = scratchDir();
    const table = ['| Name | Value |', '|---|---|', ...Array.from({ length: 12 }, (_, i) => `| row ${i} | value ${i} |`)].join('\n');
    const names = Array.from({ length: 8 }, (_, i) => `table-${15 + i}`);
    for (const [i, name] of names.entries()) {
      const filler = Array.from({ length: 15 + i }, (_, n) => `Filler paragraph ${n} with words that take a line of the page.`).join('\n\n');
      writeFileSync(join(dir, `${name}.md`), `# T\n\n${filler}\n\n${table}\n\nAfter.\n`);
    }
    const result = preppack(['render', ...names.map((name) => `${name}.md`), '--out', 'out'], dir);
    expect(result.code, result.stderr).toBe(0);
    let split = 0;
    for (const name of names) {
      const rows = text(join(dir, 'out', `${name}.pdf`)).split('\f').slice(0, -1).map((page) => (page.match(/\brow \d+\b/g) ?? []).length).filter(Boolean);
      expect(rows.reduce((sum, n) => sum + n, 0), name).toBe(12);
      if (rows.length > 1) {
        split++;
        expect(rows.at(-1), `${name}: ${rows.join(' + ')}`).toBeGreaterThanOrEqual(2);
      }
    }
    expect(split).toBeGreaterThan(2);
  });

  it('never leaves a page blank when a heading and a block kept whole (code, :::keep) meet a page foot', () => {
    const dir = scratchDir();
    const code = ['```js', ...Array.from({ length: 15 }, (_, i) => `var a${i} = ${i};`), '```'].join('\n');
    const keep = [':::keep', ...Array.from({ length: 15 }, (_, i) => `- kept item ${i}`), ':::'].join('\n');
    const names: string[] = [];
    // The filler moves the heading down the page a line at a time, across where it no longer fits with the block.
    for (const [kind, block] of [['code', code], ['keep', keep]] as const) {
      for (let lines = 22; lines <= 34; lines += 2) {
        const filler = Array.from({ length: lines }, (_, i) => `Filler paragraph ${i} with words that take a line of the page.`).join('\n\n');
        writeFileSync(join(dir, `${kind}-${lines}.md`), `# T\n\n${filler}\n\n## Heading\n\n${block}\n\nAfter.\n`);
        names.push(`${kind}-${lines}`);
      }
    }
    const result = preppack(['render', ...names.map((name) => `${name}.md`), '--out', 'out'], dir);
    expect(result.code, result.stderr).toBe(0);
    for (const name of names) {
      const pages = text(join(dir, 'out', `${name}.pdf`)).split('\f').slice(0, -1);
      const blank = pages.filter((page) => page.split('\n').filter((line) => line.trim() && line.trim() !== 'T' && !/^Page \d+ of \d+$/.test(line.trim())).length === 0);
      expect(blank.length, `${name}: blank pages`).toBe(0);
      // The heading is on the page of its block.
      const withHeading = pages.find((page) => page.includes('Heading'))!;
      expect(withHeading).toMatch(/a0 = 0|kept item 0/);
    }
  });
});
