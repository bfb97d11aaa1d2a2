// Names in every script: a roster of twelve candidates (Chinese simplified and
// traditional, Japanese, Korean, Arabic, Hebrew, Devanagari, Thai, Greek,
// Cyrillic, a name of Latin and Arabic, a 100-character name), each with
// three interviewers named in other scripts, built with the machine's fonts
// (the README's Fonts section: fonts-noto-core and fonts-noto-cjk) and
// without them. Read back with pdftotext and pdf.js.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { PDFDocument, PDFTextField } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preppack, ROOT, scratchDir, SYSTEM_FONTS } from './helpers.js';
import { emptyBoxes, placedWords } from './pdf.js';
import { fileStem } from '../src/text/fileStem.js';

const LONG = 'Zoë Ångström-Łukasiewicz de la Fuente y Montgomery-Smith y Nguyễn Thị Bích Ngọc Ferreira da Silva Ōt';

const NAMES = [
  '王芳',
  '陳美玲',
  '佐藤 さくら',
  '김민준',
  'Layla حداد',
  'فاطمة الزهراء',
  'נועה כהן',
  'प्रिया शर्मा',
  'สมชาย ใจดี',
  'Σοφία Παπαδοπούλου',
  'Мария Иванова',
  LONG,
];

const LEVELS = ['manager', 'director', 'staff'];
/** Each candidate's interviewers: three names of other scripts. */
const interviewersOf = (i: number) => [3, 6, 9].map((shift) => NAMES[(i + shift) % NAMES.length]!);

const yamlRoster = () =>
  NAMES.map((name, i) => `- candidate: ${JSON.stringify(name)}\n  level: ${LEVELS[i % 3]}\n  interviewers: ${JSON.stringify(interviewersOf(i))}\n  date: 2026-12-${String(i + 1).padStart(2, '0')}\n`).join('');
const csvRoster = () =>
  `candidate,level,interviewers,date\n${NAMES.map((name, i) => `"${name}",${LEVELS[i % 3]},"${interviewersOf(i).join(', ')}",2026-12-${String(i + 1).padStart(2, '0')}`).join('\n')}\n`;

/** Text in reading order as pdftotext -raw gives it (the order it is drawn in: the text layer a screen reader reads), without blanks and the marks it puts round right-to-left text. */
const squashed = (path: string) => execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(/[\s\u200e\u200f\u202a-\u202e]/g, '');
const bare = (name: string) => name.replace(/\s/g, '');

function roster(kind: 'yaml' | 'csv'): string {
  const path = join(scratchDir(), `loops.${kind}`);
  writeFileSync(path, kind === 'yaml' ? yamlRoster() : csvRoster());
  return path;
}

describe('a roster with names in every script', () => {
  it('is exactly what the issue asks: twelve names, one of 100 characters', () => {
    expect(NAMES).toHaveLength(12);
    expect([...LONG]).toHaveLength(100);
  });

  it('builds every loop on a machine with the fonts the README names: every name on every sheet as text, no empty box, Arabic in reading order', async () => {
    const out = join(scratchDir(), 'out');
    const result = preppack(['panel', '--roster', roster('yaml'), '--out', out, '--strict'], undefined, SYSTEM_FONTS);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readdirSync(join(out, 'panels'))).toHaveLength(12);
    for (const [i, candidate] of NAMES.entries()) {
      const folder = join(out, 'panels', fileStem(candidate));
      const interviewers = interviewersOf(i);
      const sheets = [...interviewers.map((name) => ({ file: `${fileStem(name)}-scorecard.pdf`, names: [candidate, name] })), { file: 'panel-plan.pdf', names: [candidate, ...interviewers] }, { file: 'debrief.pdf', names: [candidate, ...interviewers] }];
      expect(readdirSync(folder).filter((f) => f.endsWith('.pdf')).sort()).toEqual(sheets.map((s) => s.file).sort());
      for (const sheet of sheets) {
        const path = join(folder, sheet.file);
        const text = squashed(path);
        for (const name of sheet.names) expect(text, `${candidate}: ${sheet.file}`).toContain(bare(name));
        expect(await emptyBoxes(path), `${candidate}: ${sheet.file}`).toBe(0);
      }
    }
    // "فاطمة الزهراء" reads from the right: her first name is right of her family name, on the sheet of each of her loops.
    const fatima = join(out, 'panels', fileStem(NAMES[5]!), 'panel-plan.pdf');
    const words = placedWords(fatima).filter((w) => w.page === 1);
    // Poppler gives each Arabic word's letters as drawn, right to left: found by a letter only it has (ف of فاطمة, ز of الزهراء).
    const first = words.find((w) => w.text.includes('ف'));
    const family = words.find((w) => w.text.includes('ز') && Math.abs(w.yMin - (first?.yMin ?? -1)) < 1);
    expect(first && family).toBeTruthy();
    expect(first!.xMin).toBeGreaterThan(family!.xMax - 1);
  }, 300_000);

  it('writes the same bytes from the CSV form of the roster, on A4', () => {
    const yaml = join(scratchDir(), 'out');
    const csv = join(scratchDir(), 'out');
    // On A4: the roster test above is on Letter.
    expect(preppack(['panel', '--roster', roster('yaml'), '--out', yaml, '--paper', 'a4'], undefined, SYSTEM_FONTS).code).toBe(0);
    expect(preppack(['panel', '--roster', roster('csv'), '--out', csv, '--paper', 'a4'], undefined, SYSTEM_FONTS).code).toBe(0);
    const sum = (folder: string) => execFileSync('sh', ['-c', `cd "${folder}" && find panels -name '*.pdf' | LC_ALL=C sort | xargs sha256sum`], { encoding: 'utf8' });
    expect(sum(csv)).toBe(sum(yaml));
  }, 300_000);

  it('on a machine with only the bundled font: a warning per name it cannot print (roster line), exit 0; with --strict exit 1 and nothing written', () => {
    const path = roster('yaml');
    const out = join(scratchDir(), 'out');
    const result = preppack(['panel', '--roster', path, '--out', out]);
    expect(result.code).toBe(0);
    const warned = result.stderr.split('\n').filter((line) => line.includes('warning: the candidate'));
    // DejaVu Sans has Greek, Cyrillic, Hebrew, Arabic and the accented Latin: the other five candidates are warned of, at their lines.
    expect(warned.map((line) => /loops\.yaml:(\d+):/.exec(line)?.[1])).toEqual(['1', '5', '9', '13', '29', '33']);
    expect(result.stderr).toContain(`${path}:1: warning: the candidate "王芳": no font has a glyph for "王" (U+738B), "芳" (U+82B3): they print as empty boxes; install fonts-noto-cjk`);
    expect(result.stderr).toContain(`${path}:29: warning: the candidate "प्रिया शर्मा": no font has a glyph for`);
    expect(result.stderr).toContain('install fonts-noto-core');
    // Printed as empty boxes, the names still read as text (/ActualText): pdftotext, a screen reader.
    for (const name of ['王芳', '김민준', 'प्रिया शर्मा']) expect(squashed(join(out, 'panels', fileStem(name), 'debrief.pdf'))).toContain(bare(name));
    const strict = join(scratchDir(), 'out');
    const refused = preppack(['panel', '--roster', path, '--out', strict, '--strict']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('preppack: nothing was built: no font can print these characters (--strict)');
    expect(existsSync(strict)).toBe(false);
  }, 300_000);
});

describe('long names', () => {
  // Eight interviewers of 40 characters each, in several scripts, for a candidate of 99.
  const forty = (name: string) => {
    const chars = [...`${name} ${name}`].slice(0, 40);
    if (/\s/.test(chars[39]!)) chars[39] = chars[0]!;
    return chars.join('');
  };
  const interviewers = ['Alexandra Montgomery-Smith Ferreira Silva', 'Мария Александровна Иванова-Петровская', 'ليلى عبد الرحمن حداد الخطيب المصرية', 'Σοφία Παπαδοπούλου Κωνσταντινίδου Νικολ', '佐藤さくら'.repeat(8), 'प्रियंका शर्मा वर्मा गुप्ता अग्रवाल सिं', 'Nguyễn Thị Bích Ngọc Trần Hoàng Phương A', 'Jean-Baptiste Emmanuel Zorg de la Croix'].map(forty);
  const candidate = '王'.repeat(50) + ' Wang Fang Montgomery-Smith Ferreira da Silva Ōtsuka Nguyễn'.slice(0, 49);

  it.each(['manager', 'staff'])('fit every sheet of a %s panel on Letter and A4: the grids by initials and a key, every name as text', async (level) => {
    expect(interviewers.map((name) => [...name].length)).toEqual(Array(8).fill(40));
    expect([...candidate]).toHaveLength(99);
    for (const paper of ['letter', 'a4']) {
      const out = join(scratchDir(), 'out');
      const result = preppack(['panel', '--level', level, '--candidate', candidate, '--interviewers', interviewers.join(','), '--paper', paper, '--out', out, '--strict'], undefined, SYSTEM_FONTS);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const folder = join(out, 'panels', fileStem(candidate));
      for (const sheet of ['panel-plan.pdf', 'debrief.pdf']) {
        const text = squashed(join(folder, sheet));
        for (const name of [candidate, ...interviewers]) expect(text, `${paper} ${sheet}`).toContain(bare(name));
        expect(execFileSync('pdfinfo', [join(folder, sheet)], { encoding: 'utf8' })).toMatch(/Pages: +1\n/);
        expect(await emptyBoxes(join(folder, sheet))).toBe(0);
      }
    }
  }, 300_000);
});

describe('a fillable sheet in any script', () => {
  it('takes text in three scripts typed with pdf-lib: stored, read back by pdf-lib, pdf.js and qpdf, and drawn without an empty box', async () => {
    const out = join(scratchDir(), 'out');
    expect(preppack(['build', '--level', 'staff', '--packet', 'scorecard', '--fillable', '--questions', '2', '--out', out]).code).toBe(0);
    const path = join(out, 'staff', 'staff-scorecard.pdf');
    // The fields' own font is embedded (DejaVu Sans, whole): not Helvetica, which has no Cyrillic, Greek, Hebrew or Arabic.
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' });
    expect(fonts).not.toContain('Helvetica');
    expect(fonts).toMatch(/DejaVuSans-\d+ +CID TrueType +Identity-H +yes no +yes/);

    const document = await PDFDocument.load(readFileSync(path));
    document.registerFontkit(fontkit as never);
    const form = document.getForm();
    const texts = form.getFields().filter((field) => field instanceof PDFTextField) as PDFTextField[];
    const typed = [
      { text: 'Мария Иванова', font: await document.embedFont(readFileSync(join(ROOT, 'fonts', 'DejaVuSans.ttf')), { subset: false }) },
      { text: 'ليلى حداد', font: await document.embedFont(readFileSync('/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf'), { subset: false }) },
      { text: 'สมชาย ใจดี', font: await document.embedFont(readFileSync('/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf'), { subset: false }) },
    ];
    expect(texts.length).toBeGreaterThanOrEqual(3);
    texts.forEach((field, i) => {
      const { text, font } = typed[i % typed.length]!;
      field.setText(text);
      field.updateAppearances(font);
    });
    const filled = join(scratchDir(), 'filled.pdf');
    writeFileSync(filled, await document.save({ updateFieldAppearances: false }));

    const expected = Object.fromEntries(texts.map((field, i) => [field.getName(), typed[i % typed.length]!.text]));
    const back = (await PDFDocument.load(readFileSync(filled))).getForm();
    for (const [name, text] of Object.entries(expected)) expect(back.getTextField(name).getText()).toBe(text);
    const reader = await getDocument({ data: new Uint8Array(readFileSync(filled)), verbosity: 0 }).promise;
    const objects = (await reader.getFieldObjects()) as Record<string, { value?: unknown }[]>;
    for (const [name, text] of Object.entries(expected)) expect(objects[name]?.find((o) => o.value !== undefined)?.value, JSON.stringify(objects[name])).toBe(text);
    await reader.destroy();
    const qpdf = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=acroform', filled], { encoding: 'utf8' })) as { acroform: { fields: { fullname: string; value?: string }[] } };
    for (const [name, text] of Object.entries(expected)) expect(qpdf.acroform.fields.find((f) => f.fullname === name)?.value).toBe(`u:${text}`);
    // As printed (pdftoppm draws the fields' looks): no glyph of any field is the empty box.
    expect(await emptyBoxes(filled, { annotations: true })).toBe(0);
    const png = join(scratchDir(), 'page');
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', filled, png]);
    expect(readdirSync(join(png, '..')).some((f) => f.startsWith('page') && f.endsWith('.png'))).toBe(true);
  });
});
