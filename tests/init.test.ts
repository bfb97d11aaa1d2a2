// `preppack init` starts a library that checks and builds; `preppack
// templates eject` copies the templates to customise. Neither replaces a file.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preppack, ROOT, scratchDir, STACK_TRACE } from './helpers.js';
import { readPdf, squash } from './pdf.js';

describe('preppack init', () => {
  it('writes a starter library that passes check and builds every packet', async () => {
    const dir = scratchDir();
    const init = preppack(['init', 'kb'], dir);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('4 files in kb');
    // Every file says what it is and what its keys mean, in comments the loader skips.
    for (const file of ['competencies.yaml', 'levels/engineer.md', 'questions/engineer/engineer-01-threat-model-new-feature.md', 'stories/engineer/engineer-story-1-design-change-before-launch.md']) {
      const text = readFileSync(join(dir, 'kb', file), 'utf8');
      const head = text.startsWith('---') ? text.slice(3, text.indexOf('\n---', 3)) : text;
      expect(head.split('\n').filter((line) => line.startsWith('# ')).length, file).toBeGreaterThanOrEqual(2);
    }
    const check = preppack(['check', '--content', 'kb', '--strict'], dir);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain('kb: 1 level, 1 question, 1 story, 2 competencies; 0 errors, 0 warnings');
    // The starter question shows how to write anchors; the sheet prints them under its rating row.
    expect(check.stdout).toContain('anchors: 1 written by authors, 0 stated from listen-for points');
    const build = preppack(['build', '--content', 'kb', '--out', 'out'], dir);
    expect(build.code, build.stderr).toBe(0);
    expect(readdirSync(join(dir, 'out', 'engineer')).sort()).toEqual(['engineer-booklet.pdf', 'engineer-cheatsheet.pdf', 'engineer-scorecard.pdf']);
    const booklet = await readPdf(join(dir, 'out', 'engineer', 'engineer-booklet.pdf'));
    expect(booklet.squashed).toContain(squash('Walk me through how you would threat model a new feature that ships in two sprints.'));
    expect(booklet.squashed).toContain(squash('Change a design before launch without slowing the team'));
    const sheet = await readPdf(join(dir, 'out', 'engineer', 'engineer-scorecard.pdf'));
    expect(sheet.squashed).toContain(squash('Every question’s anchors were written by its author.'));
    expect(sheet.squashed).toContain(squash('a method in general terms, with no example of their own.'));
    // Anchors are for interviewers: the booklet has none of them.
    expect(booklet.squashed).not.toContain(squash('with no example of their own'));
  });

  it('into a folder that has its files already: exit 1, each named, nothing replaced', () => {
    const dir = scratchDir();
    expect(preppack(['init'], dir).code).toBe(0);
    const level = join(dir, 'content', 'levels', 'engineer.md');
    writeFileSync(level, `${readFileSync(level, 'utf8')}\nEdited.\n`);
    const again = preppack(['init'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${join('content', 'levels', 'engineer.md')}:1: is there already: not replaced`);
    expect(again.stderr).toContain('nothing was written');
    expect(again.stderr).not.toMatch(STACK_TRACE);
    expect(readFileSync(level, 'utf8')).toContain('Edited.');
  });
});

describe('preppack templates eject', () => {
  it('copies the bundled templates and theme; an edited copy is used by --templates', async () => {
    const dir = scratchDir();
    const eject = preppack(['templates', 'eject', 'style'], dir);
    expect(eject.code, eject.stderr).toBe(0);
    const bundled = readdirSync(join(ROOT, 'templates')).sort();
    expect(readdirSync(join(dir, 'style')).sort()).toEqual(bundled);
    for (const name of bundled) expect(readFileSync(join(dir, 'style', name), 'utf8')).toBe(readFileSync(join(ROOT, 'templates', name), 'utf8'));
    const cheatsheet = join(dir, 'style', 'cheatsheet.md.hbs');
    writeFileSync(cheatsheet, readFileSync(cheatsheet, 'utf8').replace('{{#if prove.length}}', 'Printed by the Tuesday panel.\n\n{{#if prove.length}}'));
    expect(preppack(['build', '--level', 'staff', '--packet', 'cheatsheet', '--templates', 'style', '--out', 'out'], dir).code).toBe(0);
    expect((await readPdf(join(dir, 'out', 'staff', 'staff-cheatsheet.pdf'))).squashed).toContain(squash('Printed by the Tuesday panel.'));
    const again = preppack(['templates', 'eject', 'style'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${join('style', 'cheatsheet.md.hbs')}:1: is there already: not replaced`);
    expect(readFileSync(cheatsheet, 'utf8')).toContain('Tuesday panel');
  });
});
