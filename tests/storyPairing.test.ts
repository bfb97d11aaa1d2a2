// Which stories a booklet suggests for each question: by meaning (shared
// competencies and what both say), spread across the stories, each with why.
// Read back from the built booklets' text, as a candidate reads them.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../src/content/load.js';
import { pairStories, stem, terms, tfidf } from '../src/packets/storyPairing.js';
import { outputOf, ROOT } from './helpers.js';

const text = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });

/** Each story's "Use for: Q1, Q4" line in the booklet's STAR stories, by story number. */
function useFor(booklet: string): Map<number, number[]> {
  const stories = booklet.slice(booklet.lastIndexOf('STAR stories'));
  const uses = new Map<number, number[]>();
  for (const match of stories.matchAll(/Story (\d+): [^\n]*\n(?:[^\n]*\n){0,4}?\s*Use for:\s*([Q\d, ]+)/g)) {
    uses.set(Number(match[1]), [...match[2]!.matchAll(/Q(\d+)/g)].map((m) => Number(m[1])));
  }
  return uses;
}

describe('stories that fit', () => {
  const out = outputOf(['build', '--packet', 'booklet', '--out', '{out}']);
  const { library } = loadLibrary(join(ROOT, 'content'));

  for (const level of ['director', 'manager']) {
    it(`the ${level} booklet suggests every story, none for more than 60 % of the questions`, () => {
      const booklet = text(join(out, level, `${level}-booklet.pdf`));
      const questions = library.questions.filter((q) => q.level === level).length;
      const stories = library.stories.filter((s) => s.level === level);
      const uses = useFor(booklet);
      expect([...uses.keys()].sort()).toEqual(stories.map((s) => s.number).sort());
      for (const [story, served] of uses) {
        expect(served.length, `story ${story}`).toBeGreaterThan(0);
        expect(served.length / questions, `story ${story}: ${served.join(', ')}`).toBeLessThanOrEqual(0.6);
      }
    });
  }

  it('says why each story fits, and pairs by what both say, not by tag count alone', () => {
    const booklet = text(join(out, 'director', 'director-booklet.pdf'));
    // Every suggestion says why: the competencies both show, in brackets after the title.
    const suggestions = [...booklet.matchAll(/→ (?:Best fit: )?Story \d+: [^()→]*\(([^)]+)\)/g)];
    expect(suggestions.length).toBeGreaterThan(10);
    expect(suggestions.length).toBe([...booklet.matchAll(/→ (?:Best fit: )?Story \d+:/g)].length);
    // The incident story is suggested (it never was when ties went to the lower number).
    expect(useFor(booklet).get(4)?.length).toBeGreaterThan(0);
    const manager = text(join(out, 'manager', 'manager-booklet.pdf'));
    // "What would make you reject a candidate…" shares only people leadership with "coach an engineer": not suggested.
    const q14 = manager.slice(manager.indexOf('14. What would make you reject'), manager.indexOf('15. How do you keep your roadmap'));
    expect(q14).toContain('reject a candidate');
    expect(q14).not.toContain('Coach an engineer');
  });

  it('spreads stories when one fits everything by tags: none over 60 % of four or more questions, every one used', () => {
    const { library: lib } = loadLibrary(join(ROOT, 'content'));
    const questions = lib.questions.filter((q) => q.level === 'director');
    // Every story tagged with every competency: tags alone cannot tell them apart.
    const all = [...new Set(questions.flatMap((q) => q.competencies))];
    const stories = lib.stories.filter((s) => s.level === 'director').map((s) => ({ ...s, competencies: all }));
    const pairs = pairStories(questions, stories);
    const served = (n: number) => questions.filter((q) => pairs.get(q.id)!.some((f) => f.story.number === n)).length;
    for (const story of stories) {
      expect(served(story.number)).toBeGreaterThan(0);
      expect(served(story.number)).toBeLessThanOrEqual(Math.floor(0.6 * questions.length));
    }
    for (const q of questions) expect(pairs.get(q.id)!.length).toBeLessThanOrEqual(2);
  });

  it('stems words so that forms of one word meet, and weighs rare words above common ones', () => {
    expect(stem('incidents')).toBe(stem('incident'));
    expect(stem('prioritizing')).toBe(stem('prioritize'));
    expect(stem('policies')).toBe(stem('policy'));
    expect(terms('The candidates and the incident’s timeline')).toEqual([stem('incident'), stem('timeline')]);
    const [a] = tfidf([terms('incident incident budget'), terms('budget roadmap'), terms('budget hiring')]);
    expect(a!.get(stem('incident'))!).toBeGreaterThan(a!.get(stem('budget'))!);
  });
});
