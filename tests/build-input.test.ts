// `preppack build` on unusual and broken input: what gets built, what stops
// the build, and that a stopped build writes nothing.
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOf, preppack, ROOT, scratchDir, SEED, STACK_TRACE } from './helpers.js';
import { readPdf, squash } from './pdf.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const MANAGER_Q1 = join('questions', 'manager', 'manager-01-run-intake-product-security-team.md');

function listing(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, name.name);
      if (name.isDirectory()) walk(path);
      else files.set(path, sha(path));
    }
  };
  walk(dir);
  return files;
}

describe('a failed build', () => {
  it('stops on a content error with path:line, writes nothing and leaves earlier outputs as they were', () => {
    const out = join(scratchDir(), 'out');
    const content = copyOf(join(ROOT, 'content'));
    expect(preppack(['build', '--level', 'manager', '--packet', 'cheatsheet', '--content', content, '--out', out]).code).toBe(0);
    const before = listing(out);
    const file = join(content, MANAGER_Q1);
    writeFileSync(file, readFileSync(file, 'utf8').replace('competencies: [intake-prioritization]', 'competencies: [intake-prioritization]\ncolour: red'));
    const result = preppack(['build', '--content', content, '--out', out]);
    expect(result.code).toBe(1);
    const colour = readFileSync(file, 'utf8').split('\n').indexOf('colour: red') + 1;
    expect(result.stderr).toContain(`${file}:${colour}: unknown field "colour"`);
    expect(result.stderr).toContain('nothing was built');
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(listing(out)).toEqual(before);
  });

  it.each([
    ['a syntax error', 'booklet.md.hbs', '# Booklet\n\n{{#if level.title}}\nunclosed block\n', /booklet\.md\.hbs:3: template syntax error: {{#if}} is never closed/],
    ['an unknown directive', 'scorecard.md.hbs', '# Sheet\n\n::tickbox Candidate\n', /scorecard\.md\.hbs:3: unknown directive "::tickbox"/],
    ['a field the context lacks', 'cheatsheet.md.hbs', '# Sheet\n\n{{level.nickname}}\n', /cheatsheet\.md\.hbs:3:\d+: template error: "nickname" is neither a field of this packet.s data nor a helper/],
    ['a bad directive argument', 'scorecard.md.hbs', '# Sheet\n\n::lines 3\n\n::lines 0\n', /scorecard\.md\.hbs:5: ::lines takes a whole number from 1 to 40 \(0 with "fill" and no #name\), then optionally "fill" or "even" and "#name", not "0"/],
    ['a reference to no heading', 'booklet.md.hbs', '# Booklet\n\n::ref nowhere | Somewhere\n', /booklet\.md\.hbs:3: ::ref points at "nowhere", but no heading has \{#nowhere\}/],
    ['a theme that is not JSON', 'theme.json', '{ "font": ', /theme\.json:1: theme is not valid JSON/],
  ])('stops on %s in a template, naming file and line, and writes nothing', (_, name, text, message) => {
    const templates = scratchDir();
    writeFileSync(join(templates, name), text);
    const out = join(scratchDir(), 'out');
    const result = preppack(['build', '--templates', templates, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(existsSync(out)).toBe(false);
  });

  it('stops when a cheat sheet cannot fit one page, naming the level and the content to shorten, not a bundled template', () => {
    const content = copyOf(join(ROOT, 'content'));
    const story = join(content, 'stories', 'manager', 'manager-story-2-handle-conflict-over-near-release.md');
    const long = '“' + 'I kept the decision explicit, evidence-based and owned by the people who carry its risk. '.repeat(12) + '”';
    appendFileSync(story, Array.from({ length: 14 }, () => `- ${long}\n`).join(''));
    const phrasingLine = readFileSync(story, 'utf8').split('\n').findIndex((line) => line.includes('{#phrasing}')) + 1;
    const out = join(scratchDir(), 'out');
    const result = preppack(['build', '--level', 'manager', '--content', content, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${story}:${phrasingLine}: the cheat sheet for level "manager" cannot fit one page even at 8 pt with its question cues left out and its labels cut`);
    expect(result.stderr).toMatch(/the longest part is the phrasing to reuse here \(\d+ words\); shorten it/);
    expect(result.stderr).not.toContain('.hbs');
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(existsSync(out)).toBe(false);
  });
});

describe('unusual content', () => {
  it('skips the scoring sheet of a level with no questions, with a notice, and builds its booklet and cheat sheet', async () => {
    const content = copyOf(join(ROOT, 'content'));
    const page = join(scratchDir(), 'architect.txt');
    writeFileSync(page, readFileSync(SEED.managerStories, 'utf8').replace('Product Security Manager STAR Case Stories', 'Product Security Architect STAR Case Stories'));
    expect(preppack(['import', page, '--content', content]).code).toBe(0);
    const out = join(scratchDir(), 'out');
    const result = preppack(['build', '--level', 'architect', '--content', content, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('skipped the scorecard of level "architect": it has no questions to score');
    expect(readdirSync(join(out, 'architect')).sort()).toEqual(['architect-booklet.pdf', 'architect-cheatsheet.pdf']);
    const sheet = await readPdf(join(out, 'architect', 'architect-cheatsheet.pdf'));
    expect(sheet.pages).toHaveLength(1);
    expect(sheet.squashed).toContain(squash('“I tried to convert heat into decision quality.”'));
    const booklet = await readPdf(join(out, 'architect', 'architect-booklet.pdf'));
    expect(booklet.squashed).toContain(squash('Coach an engineer through a difficult stakeholder relationship'));
  });

  it('prints interviewer-only notes on the scoring sheet and never in the booklet or cheat sheet', async () => {
    const content = copyOf(join(ROOT, 'content'));
    appendFileSync(join(content, MANAGER_Q1), '\n## Interviewer notes {#interviewer-notes}\n\nPress for a named owner per intake lane (zebra-marker).\n');
    const out = join(scratchDir(), 'out');
    expect(preppack(['build', '--level', 'manager', '--content', content, '--out', out]).code).toBe(0);
    const marker = squash('zebra-marker');
    expect((await readPdf(join(out, 'manager', 'manager-scorecard.pdf'))).squashed).toContain(marker);
    expect((await readPdf(join(out, 'manager', 'manager-booklet.pdf'))).squashed).not.toContain(marker);
    expect((await readPdf(join(out, 'manager', 'manager-cheatsheet.pdf'))).squashed).not.toContain(marker);
  });

  it('keeps every point of a question too long for one page (a keep-together block pdfmake would drop)', async () => {
    const content = copyOf(join(ROOT, 'content'));
    const points = Array.from({ length: 90 }, (_, i) => `- Listen-for point number ${i + 1} of a very long checklist.`).join('\n');
    const file = join(content, MANAGER_Q1);
    writeFileSync(file, readFileSync(file, 'utf8').replace('- Clear entry paths:', `${points}\n- Clear entry paths:`));
    const out = join(scratchDir(), 'out');
    expect(preppack(['build', '--level', 'manager', '--packet', 'scorecard,booklet', '--content', content, '--out', out]).code).toBe(0);
    for (const packet of ['scorecard', 'booklet']) {
      const text = (await readPdf(join(out, 'manager', `manager-${packet}.pdf`))).squashed;
      for (let i = 1; i <= 90; i++) expect(text, `${packet} point ${i}`).toContain(squash(`Listen-for point number ${i} of a very long checklist.`));
    }
  });

  it('prints typographic quotes and every HTML entity as its character, while the content keeps what it has', async () => {
    const content = copyOf(join(ROOT, 'content'));
    const file = join(content, MANAGER_Q1);
    const source = readFileSync(file, 'utf8').replace('- Service levels that are honest about capacity.', `- Say "no" when it's needed &mdash; then explain the 'why'&hellip; &copy; 2026, it&#8217;s fair.`);
    writeFileSync(file, source);
    const out = join(scratchDir(), 'out');
    expect(preppack(['build', '--level', 'manager', '--packet', 'booklet,scorecard', '--content', content, '--out', out]).code).toBe(0);
    for (const packet of ['booklet', 'scorecard']) {
      const text = (await readPdf(join(out, 'manager', `manager-${packet}.pdf`))).squashed;
      expect(text, packet).toContain(squash('Say “no” when it’s needed — then explain the ‘why’… © 2026, it’s fair.'));
    }
    expect(readFileSync(file, 'utf8')).toBe(source);
  });

  it.each(['letter', 'a4'])('resolves every page reference on %s, even to a story whose title wraps', async (paper) => {
    const content = copyOf(join(ROOT, 'content'));
    const story = join(content, 'stories', 'manager', 'manager-story-1-rebuild-intake-prioritization-after-team.md');
    const long = 'Rebuild intake and prioritization after the team became a ticket sink for every request from every product squad, vendor questionnaire and urgent incident in the company';
    writeFileSync(story, readFileSync(story, 'utf8').replace(/^title: .*$/m, `title: ${long}`));
    const out = join(scratchDir(), 'out');
    expect(preppack(['build', '--level', 'manager', '--packet', 'booklet', '--paper', paper, '--content', content, '--out', out]).code).toBe(0);
    const booklet = await readPdf(join(out, 'manager', 'manager-booklet.pdf'));
    expect(booklet.squashed).not.toContain('00000');
    // The story's own page: its title and its "Use for" line.
    const storyPage = booklet.pages.findIndex((page) => squash(page).includes(squash(`Story 1: ${long}`)) && squash(page).includes('Usefor:')) + 1;
    expect(storyPage).toBeGreaterThan(2);
    // The references to it name its page, as do the contents.
    const reference = booklet.squashed.indexOf(squash('Best fit: Story 1: Rebuild intake'));
    expect(booklet.squashed.slice(reference, reference + 300), booklet.squashed.slice(reference, reference + 300)).toContain(`page${storyPage}`);
    expect(booklet.squashed).toContain(squash(`Story 1: ${long} ${storyPage}`));
  });

  it('uses the templates of --templates DIR and the bundled ones for what it lacks', async () => {
    const templates = scratchDir();
    mkdirSync(templates, { recursive: true });
    const bundled = readFileSync(join(ROOT, 'templates', 'cheatsheet.md.hbs'), 'utf8');
    const custom = bundled.replace('{{#if calibration}}', 'Printed for the Tuesday loop. 加油\n\n{{#if calibration}}');
    writeFileSync(join(templates, 'cheatsheet.md.hbs'), custom);
    const out = join(scratchDir(), 'out');
    const result = preppack(['build', '--level', 'staff', '--templates', templates, '--out', out]);
    expect(result.code).toBe(0);
    // The template's own text is checked for characters the font lacks, as the content is.
    const line = custom.split('\n').findIndex((l) => l.includes('加油')) + 1;
    expect(result.stderr).toContain(`${join(templates, 'cheatsheet.md.hbs')}:${line}:31: warning: no font has a glyph for "加" (U+52A0)`);
    expect((await readPdf(join(out, 'staff', 'staff-cheatsheet.pdf'))).squashed).toContain(squash('Printed for the Tuesday loop.'));
    expect((await readPdf(join(out, 'staff', 'staff-booklet.pdf'))).squashed).toContain(squash('Candidate prep booklet'));
  });
});
