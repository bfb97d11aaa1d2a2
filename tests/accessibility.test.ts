// Accessible PDFs (PDF/UA-1): every PDF preppack writes is tagged, and passes
// the machine-checkable Matterhorn conditions (tests/accessibility.ts), read
// back from the files with qpdf and pdf.js.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, elementsOf, pdfObjects, readingOrder, structureTree } from './accessibility.js';
import { copyOf, preppack, ROOT, scratchDir, SYSTEM_FONTS } from './helpers.js';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const pdfsIn = (dir: string): string[] =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.pdf'))
    .sort()
    .map((name) => join(dir, name));

describe('a full build', () => {
  let out: string;
  beforeAll(() => {
    out = scratchDir();
    const run = preppack(['build', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('tags every packet: structure, reading order, artifacts, metadata', async () => {
    const pdfs = pdfsIn(out);
    expect(pdfs).toHaveLength(9);
    for (const pdf of pdfs) expect({ pdf, problems: await accessibilityProblems(pdf) }).toEqual({ pdf, problems: [] });
  });

  it('gives a booklet headings, lists and tables a reader can move through', () => {
    const types = elementsOf(structureTree(join(out, 'director', 'director-booklet.pdf'))!).map((e) => e.type);
    for (const type of ['H1', 'H2', 'L', 'LI', 'Lbl', 'LBody', 'P']) expect(types).toContain(type);
  });

  it('reads the two-column cheat sheet column by column, band by band, as it is printed', async () => {
    const order = await readingOrder(join(out, 'director', 'director-cheatsheet.pdf'));
    expect(order.length).toBeGreaterThan(50);
    // Both columns are read, and the text is all there.
    expect(order.some((piece) => piece.x > 306)).toBe(true);
    expect(outOfPrintedOrder(order, 306)).toEqual([]);
    // The check sees an order that is not the printed one: the same pieces, the right column first.
    expect(outOfPrintedOrder([...order.filter((piece) => piece.x >= 306), ...order.filter((piece) => piece.x < 306)], 306)).not.toEqual([]);
  });

  it('reads a scoring sheet page question by question, each column top to bottom', async () => {
    const order = (await readingOrder(join(out, 'manager', 'manager-scorecard.pdf'))).filter((piece) => piece.page === 2);
    expect(order.length).toBeGreaterThan(20);
    // The right-hand column (evidence, rating) starts where its "Evidence" label does.
    const split = order.find((piece) => piece.text === 'Evidence')!.x - 1;
    expect(outOfPrintedOrder(order, split)).toEqual([]);
  });
});

/**
 * Where a reading order leaves the printed order of a page set in bands of two
 * columns (a heading across the page, then two columns, then the next band):
 * each column is read top to bottom, the left before the right, and a band
 * before the one below it.
 */
function outOfPrintedOrder(order: readonly { text: string; page: number; x: number; y: number }[], split: number): string[] {
  // Pieces of one line share a baseline; a superscript sits a little higher.
  const LINE = 2;
  const problems: string[] = [];
  let bandTop = Infinity;
  let lowest = Infinity;
  order.forEach((piece, i) => {
    const before = order[i - 1];
    const column = piece.x < split ? 0 : 1;
    if (!before || before.page !== piece.page) {
      bandTop = lowest = piece.y;
      return;
    }
    const was = before.x < split ? 0 : 1;
    if (column === was && piece.y > before.y + LINE) problems.push(`"${piece.text}" is read after "${before.text}", which is printed below it`);
    if (column === 1 && was === 0 && piece.y > bandTop + LINE) problems.push(`"${piece.text}" (right column) is printed above the band it is read in`);
    if (column === 0 && was === 1) {
      if (piece.y > lowest + LINE) problems.push(`"${piece.text}" is read after the right column but printed above its foot`);
      bandTop = piece.y;
    }
    lowest = Math.min(lowest, piece.y);
  });
  return problems;
}

describe("a level's language", () => {
  it("is its packets' /Lang", () => {
    const content = copyOf(join(ROOT, 'content'));
    const level = join(content, 'levels', 'staff.md');
    writeFileSync(level, readFileSync(level, 'utf8').replace(/^title: /m, 'language: pt-BR\ntitle: '));
    const out = scratchDir();
    const run = preppack(['build', '--content', content, '--level', 'staff', '--packet', 'cheatsheet', '--out', out]);
    expect(run.stderr).toBe('');
    expect(pdfObjects(join(out, 'staff', 'staff-cheatsheet.pdf')).root['/Lang']).toBe('u:pt-BR');
  });
});

/** A fillable manager panel for `candidate` and `interviewers`, made cleanly, of `count` PDFs each of which passes the check. */
async function passingPanel([candidate, interviewers]: [string, string], count: number, env: Record<string, string> = {}): Promise<{ out: string; pdfs: string[] }> {
  const out = scratchDir();
  const run = preppack(['panel', '--level', 'manager', '--candidate', candidate, '--interviewers', interviewers, '--fillable', '--out', out], ROOT, env);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const pdfs = pdfsIn(out);
  expect(pdfs).toHaveLength(count);
  for (const pdf of pdfs) expect({ pdf, problems: await accessibilityProblems(pdf) }).toEqual({ pdf, problems: [] });
  return { out, pdfs };
}

describe('a panel with fillable sheets', () => {
  it('names every field for a screen reader and hangs each widget in a Form element at its place in the reading order', async () => {
    const { out, pdfs } = await passingPanel(['Zoë Ødegård', 'Sam,Kai'], 4);

    const sheet = pdfs.find((pdf) => pdf.endsWith('sam-scorecard.pdf'))!;
    // What a viewer's screen reader is given for each field (pdf.js: Firefox).
    const widgets = await visibleWidgets(sheet);
    const spoken = new Map(widgets.map((w) => [w.fieldName, w.alternativeText] as const));
    expect(spoken.get('date')).toBe('Date');
    expect(spoken.get('q2.evidence')).toBe('Question 2 evidence');
    expect(widgets.filter((w) => w.fieldName === 'q2.rating').map((w) => w.alternativeText)).toEqual(['Definitely not', 'No', 'Yes', 'Strong yes', 'Not assessed'].map((choice) => `Question 2 rating: ${choice}`));
    for (const [name, words] of spoken) expect({ name, words: words.trim().length > 0 }).toEqual({ name, words: true });

    // Each Form element holds one widget, after the words printed with it: a blank after its label, a rating's button in its column header.
    const elements = elementsOf(structureTree(sheet)!);
    const forms = elements.filter((e) => e.type === 'Form');
    expect(forms.length).toBe(widgets.length);
    for (const form of forms) expect(form.annotations).toHaveLength(1);
    const withField = (type: string) => elements.filter((e) => e.type === type && e.children.some((c) => c.type === 'Form'));
    // Candidate, interviewer and level are printed; the date is the blank.
    expect(withField('P')).toHaveLength(1);
    expect(withField('P')[0]!.order.at(-1)).toHaveProperty('element.type', 'Form');
    // Six questions and the overall recommendation, of five choices each: a column header each, the anchor under it a cell of the row below.
    expect(withField('TH')).toHaveLength((6 + 1) * 5);
    const rating = elements.find((e) => e.type === 'Table' && e.children[0]!.children.some((cell) => cell.children.some((c) => c.type === 'Form')))!;
    expect(rating.children.map((row) => row.children.map((cell) => cell.type).join(' '))).toEqual(['TH TH TH TH TH TH', 'TD TD TD TD TD TD']);

    // The summary collect writes from the sheets is tagged too.
    const loop = join(out, 'panels', readdirSync(join(out, 'panels'))[0]!);
    expect(preppack(['collect', loop]).code).toBe(0);
    expect(await accessibilityProblems(join(loop, 'debrief-summary.pdf'))).toEqual([]);
  });
});

describe('names in other scripts', () => {
  it('tags sheets for a candidate named in Chinese and interviewers named in Arabic and Chinese, set in the installed Noto fonts (CFF-based CJK faces)', async () => {
    const { pdfs } = await passingPanel(['王秀英', 'Sam,كريم,李伟'], 5, SYSTEM_FONTS);
    // The name is read where it is printed: the candidate field's paragraph.
    const sheet = pdfs.find((pdf) => pdf.endsWith('sam-scorecard.pdf'))!;
    const order = (await readingOrder(sheet)).map((piece) => piece.text);
    expect(order.slice(order.indexOf('Candidate:') + 1, order.indexOf('Interviewer:')).join('').trim()).toBe('王秀英');
  });
});

/** The form widgets of every page that a reader meets (not the hidden sheet data), as pdf.js gives them. */
async function visibleWidgets(path: string): Promise<{ fieldName: string; alternativeText: string }[]> {
  const document = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  const widgets = [];
  for (let n = 1; n <= document.numPages; n++) {
    const annotations = (await (await document.getPage(n)).getAnnotations()) as { subtype: string; fieldName: string; alternativeText: string; hidden: boolean }[];
    widgets.push(...annotations.filter((a) => a.subtype === 'Widget' && !a.hidden));
  }
  await document.destroy();
  return widgets;
}

describe('render', () => {
  it('tags this README and Markdown written elsewhere: headings nest without skipping, links in Link elements, code as Code', async () => {
    const corpus = join(ROOT, 'tests', 'fixtures', 'real-markdown');
    const files = ['README.md', ...readdirSync(corpus, { recursive: true }).map(String).filter((name) => name.endsWith('.md') && name.includes('/')).map((name) => join(corpus, name))];
    expect(files.length).toBeGreaterThan(20);
    const out = scratchDir();
    const run = preppack(['render', ...files, '--out', out]);
    expect(run.code).toBe(0);
    const types = new Set<string>();
    for (const pdf of pdfsIn(out)) {
      expect({ pdf, problems: await accessibilityProblems(pdf) }).toEqual({ pdf, problems: [] });
      for (const element of elementsOf(structureTree(pdf)!)) types.add(element.type);
    }
    for (const type of ['H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Link', 'Code', 'Table', 'TR', 'TH', 'TD', 'BlockQuote', 'Note']) expect([...types]).toContain(type);
  }, 300_000);

  it("says the document's language: the front matter's lang, else the config's language, else en; a tag that is none is a warning", () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'french.md'), '---\nlang: fr-CA\n---\n\n# Bonjour\n');
    writeFileSync(join(dir, 'plain.md'), '# Hello\n');
    writeFileSync(join(dir, 'wrong.md'), '---\ntitle: x\nlang: not a language\n---\n\n# Hello\n');
    writeFileSync(join(dir, 'preppack.config.yaml'), 'language: de\n');
    const out = scratchDir();
    const run = preppack(['render', 'french.md', 'plain.md', 'wrong.md', '--out', out], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/wrong\.md:3: warning: lang: "not a language" is not a language tag .*\(the PDF says de\)/);
    const lang = (name: string) => pdfObjects(join(out, name)).root['/Lang'];
    expect([lang('french.pdf'), lang('plain.pdf'), lang('wrong.pdf')]).toEqual(['u:fr-CA', 'u:de', 'u:de']);
  });

  it('numbers headings without skipping a level, whatever the Markdown skips', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'skips.md'), '### Starts deep\n\ntext\n\n# Top\n\n#### Four under one\n\ntext\n\n## Two\n');
    const out = scratchDir();
    expect(preppack(['render', join(dir, 'skips.md'), '--out', out]).code).toBe(0);
    const headings = elementsOf(structureTree(join(out, 'skips.pdf'))!).filter((e) => /^H\d$/.test(e.type)).map((e) => e.type);
    expect(headings).toEqual(['H1', 'H1', 'H2', 'H2']);
  });

  it('describes a figure by its alt text, and warns of an image without one', async () => {
    const dir = scratchDir();
    // A 1×1 PNG.
    writeFileSync(join(dir, 'chart.png'), Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'));
    writeFileSync(join(dir, 'figures.md'), '# Figures\n\n![Risk by quarter](chart.png)\n\n![](chart.png)\n');
    const out = scratchDir();
    const run = preppack(['render', join(dir, 'figures.md'), '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/figures\.md:5: .*no alt text/);
    const pdf = join(out, 'figures.pdf');
    expect(await accessibilityProblems(pdf)).toEqual([]);
    expect(elementsOf(structureTree(pdf)!).filter((e) => e.type === 'Figure').map((e) => e.alt)).toEqual(['Risk by quarter']);
  });

  it('writes the old untagged file with --no-tags: PDF 1.3, no structure, no object streams', async () => {
    const out = scratchDir();
    const plain = scratchDir();
    expect(preppack(['render', 'README.md', '--out', out]).code).toBe(0);
    expect(preppack(['render', 'README.md', '--out', plain, '--no-tags']).code).toBe(0);
    expect(structureTree(join(plain, 'README.pdf'))).toBeUndefined();
    // The check fails such a file, as it would fail any untagged PDF.
    expect(await accessibilityProblems(join(plain, 'README.pdf'))).toContain('01-001 the document has no structure tree');
    const info = execFileSync('pdfinfo', [join(plain, 'README.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+no/);
    expect(info).toMatch(/PDF version:\s+1\.3/);
    expect(execFileSync('pdfinfo', [join(out, 'README.pdf')], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
  });
});
