// `preppack import`: the seed pages into a content library, read back from disk.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../src/content/load.js';
import type { Library } from '../src/content/model.js';
import { ALL_SEEDS, copyOf, preppack, readTree, ROOT, scratchDir, SEED, STACK_TRACE } from './helpers.js';
import { interviewPack } from './pages.js';

/** The seeds README's own table of the export's mojibake: an oracle independent of the importer. */
function oracleRepair(text: string): string {
  return text
    .replaceAll('โ€œ', '“')
    .replaceAll('โ€™', '’')
    .replaceAll('โ€˜', '‘')
    .replaceAll('โ€”', '—')
    .replaceAll('โ€', '”');
}

const seedLines = (path: string) => oracleRepair(readFileSync(path, 'utf8')).split('\n').map((l) => l.trim());

/** The phrasing quotes of each case on a STAR page, in order, read straight off the page. */
function seedQuotes(path: string): string[][] {
  const cases: string[][] = [];
  let inPhrasing = false;
  for (const line of seedLines(path)) {
    if (/^Case \d+ — /.test(line)) cases.push([]);
    if (line.startsWith('Strong phrasing to reuse')) inPhrasing = true;
    else if (/^Case \d+ — |^Closing note$/.test(line)) inPhrasing = false;
    else if (inPhrasing && line.startsWith('• ')) cases.at(-1)!.push(line.slice(2));
  }
  return cases;
}

/** Every text a person reads in the library, joined, to search for source lines in. */
function allText(library: Library): string {
  const parts: string[] = [];
  for (const level of library.levels) {
    parts.push(level.title, level.audience ?? '', ...Object.values(level.sections).flatMap((s) => [s.heading, s.markdown]));
    for (const source of level.sources) parts.push(...Object.values(source).map(String));
  }
  for (const item of [...library.questions, ...library.stories]) {
    parts.push('prompt' in item ? item.prompt : item.title, ...Object.values(item.sections).flatMap((s) => [s.heading, s.markdown]));
  }
  return parts.join('\n');
}

describe('import of the five seed pages', () => {
  let content: string;
  let stdout: string;
  let library: Library;

  beforeAll(() => {
    content = join(scratchDir(), 'content');
    const result = preppack(['import', ...ALL_SEEDS, '--content', content]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    stdout = result.stdout;
    library = loadLibrary(content).library;
  });

  it('prints a summary line per page with its format, level and counts', () => {
    expect(stdout).toContain(`${SEED.directorStories}: STAR story page, level director: 0 questions, 4 stories, 8 quotes`);
    expect(stdout).toContain(`${SEED.managerStories}: STAR story page, level manager: 0 questions, 4 stories, 8 quotes`);
    expect(stdout).toContain(`${SEED.directorPack}: interview pack, level director (new): 18 questions, 0 stories, 0 quotes`);
    expect(stdout).toContain(`${SEED.managerPack}: interview pack, level manager (new): 18 questions, 0 stories, 0 quotes`);
    expect(stdout).toContain(`${SEED.staffQa}: Q&A page, level staff (new): 24 questions, 0 stories, 0 quotes`);
  });

  it('writes 3 levels, 18 + 18 + 24 questions and 4 + 4 stories', () => {
    const count = (items: { level: string }[], level: string) => items.filter((i) => i.level === level).length;
    expect(library.levels.map((l) => l.id).sort()).toEqual(['director', 'manager', 'staff']);
    expect([count(library.questions, 'manager'), count(library.questions, 'director'), count(library.questions, 'staff')]).toEqual([18, 18, 24]);
    expect([count(library.stories, 'manager'), count(library.stories, 'director'), count(library.stories, 'staff')]).toEqual([4, 4, 0]);
  });

  it('keeps each pack numbering and each question prompt as the page has it', () => {
    for (const [level, page] of [['manager', SEED.managerPack], ['director', SEED.directorPack]] as const) {
      const numbered = seedLines(page).map((l) => /^(\d+)\. (.+)$/.exec(l)).filter((m) => m !== null);
      const questions = library.questions.filter((q) => q.level === level);
      expect(questions.map((q) => [q.number, q.prompt])).toEqual(numbered.map((m) => [Number(m[1]), m[2]]));
    }
    const staffList = seedLines(SEED.staffQa).slice(3, 27);
    expect(library.questions.filter((q) => q.level === 'staff').map((q) => q.prompt)).toEqual(staffList);
  });

  it('keeps every phrasing quote of every story, in order', () => {
    for (const [level, page] of [['director', SEED.directorStories], ['manager', SEED.managerStories]] as const) {
      const stories = library.stories.filter((s) => s.level === level);
      expect(stories.map((s) => s.quotes)).toEqual(seedQuotes(page));
      expect(stories.every((s) => s.quotes.length === 2)).toBe(true);
    }
  });

  it('gives each story its six STAR sections and each question its answer material', () => {
    for (const story of library.stories) {
      expect(Object.keys(story.sections)).toEqual(['situation', 'task', 'action', 'result', 'why', 'phrasing']);
    }
    for (const question of library.questions) {
      const expected = question.level === 'staff' ? ['why', 'example'] : ['cover'];
      expect(Object.keys(question.sections)).toEqual(expected);
    }
    const director1 = library.questions.find((q) => q.level === 'director' && q.number === 1)!;
    expect(director1.sections.cover!.markdown).toContain('- A weak answer claims ownership of everything. Mature leaders design shared ownership deliberately.');
  });

  it('carries every line of every page into the library, apart from the noise', () => {
    const haystack = allText(library);
    const noise = /^(PS Product SecurityKnowledge Base|Help us improve this answer\. \/ ?-?|-|)$/;
    for (const page of ALL_SEEDS) {
      for (const raw of seedLines(page)) {
        if (noise.test(raw)) continue;
        const pieces = raw
          .replace(/^• /, '')
          .replace(/^\d+\. /, '')
          .replace(/^Case \d+ — /, '')
          .replace(/^Answer Example: "(.*)"$/, '$1')
          .replace(/^(Use this page for|Read this together with): (.*?)\.?$/, '$2')
          .split(/\. (?=Format: \d+ questions\.)|Format: \d+ questions\. Use with: |^Audience: /)
          .map((p) => p.replace(/\.$/, '').trim())
          .filter(Boolean);
        for (const piece of pieces) expect(haystack, `${page}: ${piece}`).toContain(piece);
      }
    }
  });

  it('repairs all mojibake, drops the page noise and keeps U+2011 hyphens', () => {
    const files = [...readTree(content).values()].join('\n');
    expect(files).not.toMatch(/โ|€|œ|™|˜/);
    expect(files).not.toContain('Help us improve this answer');
    const seed = readFileSync(SEED.staffQa, 'utf8');
    const answerPart = seed.slice(seed.indexOf('\n-\n'));
    const hyphens = (text: string) => [...text].filter((c) => c === '\u2011').length;
    const staffFiles = [...readTree(join(content, 'questions', 'staff')).values()].join('\n');
    expect(hyphens(answerPart)).toBeGreaterThan(20);
    expect(hyphens(staffFiles)).toBe(hyphens(answerPart));
    expect(files).toContain('brand‑new feature');
  });

  it('writes a library that passes check, with only missing-competency warnings', () => {
    const result = preppack(['check', '--content', content]);
    expect(result.code).toBe(0);
    const problems = result.stderr.trim().split('\n');
    expect(problems).toHaveLength(68);
    expect(problems.every((p) => p.includes(': warning: no competency tagged'))).toBe(true);
  });
});

describe('the bundled content library', () => {
  it('is exactly what importing the seeds writes, plus what was written by hand: competency tags, short labels, cues, the staff closing note', () => {
    const content = copyOf(join(ROOT, 'content'));
    const before = readTree(content);
    const result = preppack(['import', ...ALL_SEEDS, '--content', content]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('wrote 0 files');
    expect(result.stdout).toContain('68 unchanged');
    expect(readTree(content)).toEqual(before);
  });
});

describe('import safety', () => {
  function imported(): string {
    const content = join(scratchDir(), 'content');
    expect(preppack(['import', SEED.managerPack, SEED.managerStories, '--content', content]).code).toBe(0);
    return content;
  }

  it('--dry-run prints what it would write and writes nothing', () => {
    const content = join(scratchDir(), 'content');
    const result = preppack(['import', SEED.staffQa, '--content', content, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`would create ${join(content, 'levels', 'staff.md')}`);
    expect(result.stdout).toMatch(/would write 25 files/);
    expect(existsSync(content)).toBe(false);
  });

  it('never overwrites an edited file without --force, and keeps competency tags with it', () => {
    const content = imported();
    const file = join(content, 'questions', 'manager', 'manager-07-product-leadership-wants-release-exception.md');
    const original = readFileSync(file, 'utf8');
    const edited = original.replace('competencies: []', 'competencies: [risk-decisions]').replace('Verify actual risk', 'Check actual risk');
    writeFileSync(file, edited);
    const before = readTree(content);

    const refused = preppack(['import', SEED.managerPack, SEED.staffQa, '--content', content]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${file}:1: exists with other content: pass --force`);
    expect(refused.stderr).toContain('nothing was imported');
    expect(readTree(content)).toEqual(before);

    const forced = preppack(['import', SEED.managerPack, '--content', content, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(original.replace('competencies: []', 'competencies: [risk-decisions]'));
  });

  it('adds the sections of a new page to an existing level file without --force', () => {
    const content = join(scratchDir(), 'content');
    expect(preppack(['import', SEED.directorPack, '--content', content]).code).toBe(0);
    expect(readFileSync(join(content, 'levels', 'director.md'), 'utf8')).not.toContain('{#closing-note}');
    const result = preppack(['import', SEED.directorStories, '--content', content]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('level director: 0 questions, 4 stories');
    const level = readFileSync(join(content, 'levels', 'director.md'), 'utf8');
    expect(level).toContain('## What strong directors and VPs show in interview loops {#demonstrate}');
    expect(level).toContain('## What director stories must prove {#stories-must-prove}');
    expect(level).toContain('## Closing note {#closing-note}');
  });

  it('refuses a page it cannot classify, names it, and writes nothing for the whole run', () => {
    const dir = scratchDir();
    const bad = join(dir, 'notes.txt');
    writeFileSync(bad, 'Team offsite notes\n\nWe talked about lunch.\n');
    const content = join(dir, 'content');
    const result = preppack(['import', SEED.managerPack, bad, '--content', content]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^${escape(bad)}:1: cannot tell the page format`, 'm'));
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(existsSync(content)).toBe(false);
  });

  it('names a missing page file and a page that is not UTF-8', () => {
    const dir = scratchDir();
    const binary = join(dir, 'page.txt');
    writeFileSync(binary, Buffer.from([0x50, 0x53, 0x0a, 0xff, 0xfe, 0x0a]));
    const result = preppack(['import', join(dir, 'missing.txt'), binary, '--content', join(dir, 'content')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(dir, 'missing.txt')}:1: no such file`);
    expect(result.stderr).toContain(`${binary}:2:1: the file is not UTF-8: byte 0xFF here would be "ÿ" in Windows-1252 (Latin-1)`);
    expect(existsSync(join(dir, 'content'))).toBe(false);
  });

  it('names the line of a page whose question count disagrees with its header', () => {
    const dir = scratchDir();
    const page = join(dir, 'pack.txt');
    writeFileSync(page, readFileSync(SEED.managerPack, 'utf8').replace(/\n18\. What is the hardest part[\s\S]*$/, '\n'));
    const result = preppack(['import', page, '--content', join(dir, 'content')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^${escape(page)}:\\d+: the page says it has 18 questions but 17 were found`, 'm'));
  });
});

describe('pages of a known format for an unseen level', () => {
  it('creates the level from an interview pack with another title and question count', () => {
    const dir = scratchDir();
    const page = join(dir, 'architect.txt');
    writeFileSync(
      page,
      [
        'PS Product SecurityKnowledge Base',
        '',
        'Product Security Architect Interview Pack (2027)',
        '',
        'Audience: security architects and principal engineers. Format: 3 questions. Use with: Threat Modeling Handbook.',
        '',
        'What strong architects demonstrate',
        '',
        'They can:',
        '',
        '  • design controls that teams adopt;',
        '  • explain trade-offs โ€” clearly.',
        '',
        'Architecture questions (3)',
        '',
        ...[1, 2, 3].flatMap((n) => [`${n}. Architecture question number ${n}?`, '', 'Strong answer should cover', '', `  • Point ${n}a.`, `  • Point ${n}b.`, '']),
      ].join('\n'),
    );
    const content = copyOf(join(ROOT, 'content'));
    const result = preppack(['import', page, '--content', content]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('interview pack, level architect (new): 3 questions, 0 stories, 0 quotes');
    const level = readFileSync(join(content, 'levels', 'architect.md'), 'utf8');
    expect(level).toContain('title: Product Security Architect');
    expect(level).toContain('audience: security architects and principal engineers');
    expect(level).toContain('- explain trade-offs — clearly.');
    expect(preppack(['check', '--content', content]).code).toBe(0);
    const listed = preppack(['list', 'questions', '--level', 'architect', '--content', content, '--json']);
    expect(JSON.parse(listed.stdout).map((q: { prompt: string }) => q.prompt)).toEqual([1, 2, 3].map((n) => `Architecture question number ${n}?`));
  });

  it('files a STAR page titled by an alias under the level that has it, and reads a new Q&A page', () => {
    const dir = scratchDir();
    const stories = join(dir, 'vp-stories.txt');
    writeFileSync(stories, readFileSync(SEED.directorStories, 'utf8').replace('Product Security Director / VP STAR Case Stories', 'Product Security VP STAR Case Stories').replace(/Case (\d) โ€”/g, 'Case 1$1 โ€”'));
    const qa = join(dir, 'senior.txt');
    writeFileSync(
      qa,
      [
        'Senior Product Security Engineer Interview Questions',
        'Prepare for your Senior Product Security Engineer interview.',
        'Interview Questions for Senior Product Security Engineer',
        'What is a threat model?',
        'How do you rotate a key?',
        '-',
        'What is a threat model?',
        'Employers ask this question to check basics.',
        'Answer Example: "A structured look at what can go wrong."',
        'Help us improve this answer. / -',
        'How do you rotate a key?',
        'Employers ask this question to check hygiene.',
        'Answer Example: "::pagebreak is not markup here: with a second key and a cut-over."',
        'Help us improve this answer. /',
      ].join('\n'),
    );
    const content = copyOf(join(ROOT, 'content'));
    const result = preppack(['import', stories, qa, '--content', content]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('STAR story page, level director: 0 questions, 4 stories, 8 quotes');
    expect(result.stdout).toContain('Q&A page, level senior (new): 2 questions');
    const list = preppack(['list', 'stories', '--level', 'vp', '--content', content]);
    expect(list.stdout.trim().split('\n')).toHaveLength(2 + 8);
    const senior = JSON.parse(preppack(['list', 'questions', '--level', 'senior', '--content', content, '--json']).stdout);
    expect(senior).toHaveLength(2);
    // Text that looks like a layout directive is escaped, so the library still passes check.
    expect(readFileSync(join(content, 'questions', 'senior', 'senior-02-rotate-key.md'), 'utf8')).toContain('\\::pagebreak is not markup here');
    expect(preppack(['check', '--content', content]).code).toBe(0);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('pages whose names have no Latin letters', () => {
  it('refuses a role with no Latin letters, at its line, instead of writing levels/.md', () => {
    const dir = scratchDir();
    const page = join(dir, 'pack.txt');
    writeFileSync(page, interviewPack('产品安全经理', 2));
    const result = preppack(['import', page, '--content', join(dir, 'content')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${page}:5: the role "产品安全经理" has no Latin letters or digits to name its level and files by`);
    expect(existsSync(join(dir, 'content'))).toBe(false);
  });

  it('names a question whose prompt has no Latin letters by its level and number, and check accepts what it wrote', () => {
    const dir = scratchDir();
    const page = join(dir, 'pack.txt');
    writeFileSync(page, interviewPack('Product Security Manager', 2).replace(/^1\. How would you handle .*$/m, '1. 你会如何处理租户隔离？'));
    const content = join(dir, 'content');
    expect(preppack(['import', page, '--content', content]).code).toBe(0);
    expect(existsSync(join(content, 'questions', 'manager', 'manager-01.md'))).toBe(true);
    writeFileSync(join(content, 'competencies.yaml'), '- id: judgment\n  title: Judgment\n  description: Makes risk decisions.\n');
    const check = preppack(['check', '--content', content]);
    expect(check.stderr).not.toMatch(/manager-01\.md:\d+: (?!warning)/);
  });
});
