// File names from people's names in any script: kept as letters, safe on
// every file system, distinct within a run, and said when made distinct.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distinctStems, fileStem, MAX_STEM_BYTES } from '../src/text/fileStem.js';
import { preppack, scratchDir } from './helpers.js';
import { readPdf, squash } from './pdf.js';

describe('a file name stem', () => {
  it.each([
    ['王芳 Wang Fang', '王芳-wang-fang'],
    ['王芳', '王芳'],
    ['Мария Иванова', 'мария-иванова'],
    ['Σοφία Παπαδοπούλου', 'σοφία-παπαδοπούλου'],
    ['José Ñúñez', 'josé-ñúñez'],
    ['Jose\u0301 N\u0303u\u0301n\u0303ez', 'josé-ñúñez'],
    ["Siobhán O'Brien", 'siobhán-obrien'],
    ['ليلى حداد', 'ليلى-حداد'],
    ['Layla حداد', 'layla-حداد'],
    ['נועה כהן', 'נועה-כהן'],
    ['प्रिया शर्मा', 'प्रिया-शर्मा'],
    ['สมชาย ใจดี', 'สมชาย-ใจดี'],
    ['佐藤 さくら', '佐藤-さくら'],
    ['ジョン・スミス', 'ジョン-スミス'],
    ['김민준', '김민준'],
    ['陳美玲', '陳美玲'],
    ['../../etc/pass wd', 'etc-pass-wd'],
    ['a\\b:c*d?e"f<g>h|i', 'a-b-c-d-e-f-g-h-i'],
    ['Con', 'con-name'],
    ['LPT1', 'lpt1-name'],
    ['...', ''],
    ['///', ''],
    ['«—»', ''],
  ])('%s → %s', (name, stem) => {
    expect(fileStem(name)).toBe(stem);
  });

  it(`is at most ${MAX_STEM_BYTES} bytes, cut between letters, never inside one`, () => {
    const long = 'प्रियंका '.repeat(12).trim();
    const stem = fileStem(long);
    expect(Buffer.byteLength(stem)).toBeLessThanOrEqual(MAX_STEM_BYTES);
    expect(stem.endsWith('-')).toBe(false);
    expect(long.replaceAll(' ', '-').startsWith(stem)).toBe(true);
    expect(stem.split('-').every((word) => word === 'प्रियंका')).toBe(true);
    const han = fileStem('王'.repeat(100));
    expect(han).toBe('王'.repeat(26));
  });

  it('gives names that share a stem distinct ones, and says which', () => {
    expect(distinctStems(['Wang Fang', 'Sam', 'wang-fang', 'WANG FANG'])).toEqual({
      stems: ['wang-fang', 'sam', 'wang-fang-2', 'wang-fang-3'],
      renamed: [
        { name: 'wang-fang', stem: 'wang-fang-2', sharedWith: 'Wang Fang' },
        { name: 'WANG FANG', stem: 'wang-fang-3', sharedWith: 'Wang Fang' },
      ],
    });
  });
});

describe('names that are not Latin on the command line', () => {
  it('build --candidate "王芳" writes 王芳-scorecard.pdf', async () => {
    const out = join(scratchDir(), 'out');
    const result = preppack(['build', '--level', 'staff', '--packet', 'scorecard', '--candidate', '王芳', '--out', out]);
    expect(result.code).toBe(0);
    expect(readdirSync(join(out, 'staff'))).toEqual(['王芳-scorecard.pdf']);
  });

  it('panel --candidate "Мария Иванова" writes her folder, and sheets for interviewers of other scripts', async () => {
    const out = join(scratchDir(), 'out');
    const result = preppack(['panel', '--level', 'manager', '--candidate', 'Мария Иванова', '--interviewers', 'Σοφία,Sam Lee,sam-lee', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('preppack: Мария Иванова\'s interviewer "sam-lee" would share a file name with "Sam Lee": its sheet is named "sam-lee-2"');
    expect(readdirSync(join(out, 'panels'))).toEqual(['мария-иванова']);
    expect(readdirSync(join(out, 'panels', 'мария-иванова')).sort()).toEqual(['manifest.json', 'debrief.pdf', 'panel-plan.pdf', 'sam-lee-2-scorecard.pdf', 'sam-lee-scorecard.pdf', 'σοφία-scorecard.pdf'].sort());
    const sheet = await readPdf(join(out, 'panels', 'мария-иванова', 'sam-lee-2-scorecard.pdf'));
    expect(sheet.squashed).toContain(squash('Interviewer: sam-lee'));
  });

  it.each([['...'], ['///']])('--candidate "%s" is a clear error, exit 2, nothing written', (name) => {
    const out = join(scratchDir(), 'out');
    const result = preppack(['build', '--level', 'staff', '--packet', 'scorecard', '--candidate', name, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`the candidate name "${name}" has no letter or digit to make a file name from`);
    expect(existsSync(out)).toBe(false);
  });
});
