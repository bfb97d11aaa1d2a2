// Fallback fonts: named in the config and the theme, found installed, used
// run by run for what the theme's font lacks, recorded in the manifest, and
// the same bytes again for the same fonts. Read back with pdffonts, pdf.js
// and pdftotext.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, preppack, ROOT, scratchDir, SYSTEM_FONTS } from './helpers.js';
import { emptyBoxes, placedWords } from './pdf.js';

const NOTO = '/usr/share/fonts/truetype/noto';
const fontsOf = (path: string) => execFileSync('pdffonts', [path], { encoding: 'utf8' });
const text = (path: string) => execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' });

/** A project folder with a config and a font file of its own (the machine's fonts are not seen: tests/setup). */
function project(config: string): string {
  const dir = scratchDir();
  mkdirSync(join(dir, 'fonts'));
  copyFileSync(join(NOTO, 'NotoSansThai-Regular.ttf'), join(dir, 'fonts', 'Thai.ttf'));
  writeFileSync(join(dir, 'preppack.config.yaml'), config);
  return dir;
}

describe('fallback fonts', () => {
  it('named in the config as a file: a Thai name prints in it, and the manifest says so', async () => {
    const dir = project('fonts:\n  - fonts/Thai.ttf\n');
    const result = preppack(['build', '--level', 'staff', '--packet', 'scorecard', '--candidate', 'สมชาย ใจดี', '--out', 'out'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const pdf = join(dir, 'out', 'staff', 'สมชาย-ใจดี-scorecard.pdf');
    expect(fontsOf(pdf)).toContain('NotoSansThai-Regular');
    expect(text(pdf)).toContain('สมชาย ใจดี');
    expect(await emptyBoxes(pdf)).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as { files: { fonts?: string[] }[] };
    expect(manifest.files[0]!.fonts).toEqual([`Noto Sans Thai (${join(dir, 'fonts', 'Thai.ttf')})`]);
  });

  it('a fallback font that changes (a newer file, a font added to the config) makes the files again; the same fonts leave them', () => {
    const dir = project('fonts:\n  - fonts/Thai.ttf\n');
    const build = () => preppack(['build', '--level', 'staff', '--packet', 'scorecard', '--candidate', 'สมชาย', '--out', 'out'], dir).stdout;
    expect(build()).not.toContain('unchanged');
    expect(build()).toContain('(1 unchanged)');
    const font = join(dir, 'fonts', 'Thai.ttf');
    utimesSync(font, new Date(Date.UTC(2027, 0, 1)), new Date(Date.UTC(2027, 0, 1)));
    expect(build()).not.toContain('unchanged');
    expect(build()).toContain('(1 unchanged)');
    copyFileSync(join(NOTO, 'NotoSansHebrew-Regular.ttf'), join(dir, 'fonts', 'Hebrew.ttf'));
    writeFileSync(join(dir, 'preppack.config.yaml'), 'fonts:\n  - fonts/Thai.ttf\n  - fonts/Hebrew.ttf\n');
    expect(build()).not.toContain('unchanged');
  });

  it('without it the same name is a warning naming the option and what to install', () => {
    const dir = project('paper: a4\n');
    const result = preppack(['build', '--level', 'staff', '--packet', 'scorecard', '--candidate', 'สมชาย ใจดี', '--out', 'out'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^--candidate: warning: the candidate "สมชาย ใจดี": no font has a glyph for "ส" \(U\+0E2A\), .*: they print as empty boxes; install fonts-noto-core/m);
  });

  it.each([
    ['fonts: ["No Such Font"]\n', 'preppack.config.yaml:1: fonts: no installed font is called "No Such Font"'],
    ['fonts:\n  - fonts/Thai.ttf\n  - fonts/missing.ttf\n', 'preppack.config.yaml:3: fonts: '],
    ['fonts:\n  - preppack.config.yaml\n', 'preppack.config.yaml:2: fonts: '],
  ])('a wrong font in the config is an error at its line, exit 2: %j', (config, message) => {
    const dir = project(config);
    const result = preppack(['build', '--level', 'staff', '--out', 'out'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("named in the theme: the theme's fallback prints what the font lacks", async () => {
    const dir = project('paper: letter\n');
    const templates = join(dir, 'templates');
    cpSync(join(ROOT, 'templates'), templates, { recursive: true });
    const theme = JSON.parse(readFileSync(join(templates, 'theme.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(templates, 'theme.json'), JSON.stringify({ ...theme, fallbackFonts: ['../fonts/Thai.ttf'] }, null, 2));
    const result = preppack(['build', '--level', 'staff', '--packet', 'scorecard', '--interviewer', 'ใจดี', '--templates', 'templates', '--out', 'out'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(fontsOf(join(dir, 'out', 'staff', 'staff-scorecard.pdf'))).toContain('NotoSansThai-Regular');
  });

  it('found installed (fontconfig): every script of a Markdown file prints, the same bytes twice, an Arabic paragraph set from the right', async () => {
    const dir = scratchDir();
    const file = join(dir, 'scripts.md');
    // Lines of a real Chinese README (justjavac/free-programming-books-zh_CN) too: a long run of Han characters with a link, book titles in 《》.
    writeFileSync(file, '# 各种文字\n\n中文：王芳。日本語：佐藤さくら。한국어: 김민준.\n\nمرحبا بكم في المقابلة\n\nשלום עולם\n\nनमस्ते दुनिया · สวัสดีชาวโลก · Γειά σου · Привет\n\n* [Happy-LLM：从零开始的大语言模型原理与实践教程](https://github.com/datawhalechina/happy-llm)\n* [《Real-Time Rendering 3rd》提炼总结](https://github.com/QianMo/Real-Time-Rendering-3rd-Summary-Ebook)\n');
    const out = join(dir, 'out');
    const first = preppack(['render', file, '--out', out, '--strict'], undefined, SYSTEM_FONTS);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const pdf = join(out, 'scripts.pdf');
    expect(await emptyBoxes(pdf)).toBe(0);
    // 《 and 》 are set in the CJK font the text around them uses, not in the first installed font that has them (Noto Sans Lisu).
    expect(fontsOf(pdf)).toContain('NotoSansCJK');
    expect(fontsOf(pdf)).not.toContain('Lisu');
    const bytes = readFileSync(pdf);
    expect(preppack(['render', file, '--out', out, '--strict'], undefined, SYSTEM_FONTS).code).toBe(0);
    expect(readFileSync(pdf).equals(bytes)).toBe(true);
    const extracted = text(pdf).replace(/[\s\u200e\u200f\u202a-\u202e]/g, '');
    for (const piece of ['王芳', '佐藤さくら', '김민준', 'नमस्ते', 'สวัสดีชาวโลก', 'Γειάσου', 'Привет']) expect(extracted).toContain(piece);
    // The Arabic paragraph ends at the right margin (Letter: 612 pt wide, 56 pt margins).
    const arabic = placedWords(pdf).filter((w) => /[\u0600-\u06ff\ufe70-\ufeff]/u.test(w.text));
    expect(arabic.length).toBeGreaterThan(0);
    expect(Math.max(...arabic.map((w) => w.xMax))).toBeGreaterThan(612 - 56 - 2);
    expect(readdirSync(out)).toContain('scripts.pdf');
  });

  it('without fontconfig, found in the system font folders (as on macOS and Windows): each file opened only when looked in', async () => {
    // A PATH with node and git but no fc-match: preppack reads the font folders instead.
    const bin = join(scratchDir(), 'bin');
    mkdirSync(bin);
    for (const tool of ['node', 'git']) symlinkSync(execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim(), join(bin, tool));
    const dir = scratchDir();
    const file = join(dir, 'thai.md');
    writeFileSync(file, '# สวัสดี\n\nสมชาย ใจดี · 王芳\n');
    const out = join(dir, 'out');
    const result = spawnSync(process.execPath, [BIN, 'render', file, '--out', out, '--strict'], { encoding: 'utf8', env: { ...process.env, PATH: bin } });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(await emptyBoxes(join(out, 'thai.pdf'))).toBe(0);
  });

  it('mirrors brackets in right-to-left text (UAX #9 L4): "(ليلى حداد)" alone in a paragraph opens on the right and closes on the left', () => {
    const dir = scratchDir();
    const file = join(dir, 'brackets.md');
    writeFileSync(file, 'Before.\n\n(ليلى حداد)\n');
    const out = join(dir, 'out');
    expect(preppack(['render', file, '--out', out], undefined, SYSTEM_FONTS).code).toBe(0);
    const line = placedWords(join(out, 'brackets.pdf')).filter((w) => /[\u0600-\u06ff\ufe70-\ufeff]/u.test(w.text));
    const right = line.reduce((a, b) => (b.xMax > a.xMax ? b : a));
    const left = line.reduce((a, b) => (b.xMin < a.xMin ? b : a));
    // Drawn as a reader sees it: the opening bracket on the right is drawn with the glyph of ")", and the closing one on the left with "(".
    expect(right.text).toContain(')');
    expect(left.text).toContain('(');
  });
});

describe('the library', () => {
  it('takes fallback fonts with useFonts, and names a wrong one', async () => {
    const { renderMarkdown, useFonts, PreppackError } = await import('../src/index.js');
    await expect(useFonts(['/no/such/font.ttf'])).rejects.toBeInstanceOf(PreppackError);
    const without = await renderMarkdown('# สวัสดี\n');
    expect(without.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('no font has a glyph for "ส"'));
    await useFonts([join(NOTO, 'NotoSansThai-Regular.ttf')]);
    try {
      const { bytes, warnings } = await renderMarkdown('# สวัสดี\n');
      expect(warnings).toEqual([]);
      const path = join(scratchDir(), 'thai.pdf');
      writeFileSync(path, bytes);
      expect(fontsOf(path)).toContain('NotoSansThai');
      expect(await emptyBoxes(path)).toBe(0);
    } finally {
      await useFonts([]);
    }
  });
});

describe('the font runs stage', () => {
  it('sets a zero-width space (a break opportunity in a long word) in a font that has it: Noto Sans CJK has none and draws a box', async () => {
    const { configuredFont, fontChain } = await import('../src/fonts/fontChain.js');
    const { withFontRuns } = await import('../src/fonts/fontRuns.js');
    const cjk = configuredFont('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
    if (typeof cjk === 'string') throw new Error(cjk);
    const document: Record<string, unknown> = { content: [{ text: '实践教\u200b程 and 《Qt》' }], defaultStyle: { font: 'DejaVuSans' } };
    withFontRuns(document, (family) => fontChain(family, [cjk], false));
    const runs = (document.content as { text: { text: string; font?: string }[] }[])[0]!.text;
    expect(runs.map((run) => [run.text, run.font ?? 'DejaVuSans'])).toEqual([
      ['实践教', cjk.family],
      ['\u200b', 'DejaVuSans'],
      // A space keeps to the run it is in.
      ['程 ', cjk.family],
      ['and ', 'DejaVuSans'],
      // The book-title marks go with the CJK font the document already uses, though the text inside them is Latin.
      ['《', cjk.family],
      ['Qt', 'DejaVuSans'],
      ['》', cjk.family],
    ]);
  });
});
