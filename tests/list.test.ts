// `preppack list`: what the bundled library holds, filtered by level and competency.
import { describe, expect, it } from 'vitest';
import { preppack } from './helpers.js';

const tableRows = (stdout: string) => stdout.trim().split('\n').slice(2);

describe('list', () => {
  it('shows the 18 manager questions, 24 staff questions and, by alias, the 18 director questions', () => {
    const manager = preppack(['list', 'questions', '--level', 'manager']);
    expect(manager.code).toBe(0);
    expect(tableRows(manager.stdout)).toHaveLength(18);
    expect(tableRows(manager.stdout).every((row) => /\smanager\s/.test(row))).toBe(true);
    expect(tableRows(preppack(['list', 'questions', '--level', 'staff']).stdout)).toHaveLength(24);
    const vp = tableRows(preppack(['list', 'questions', '--level', 'vp']).stdout);
    expect(vp).toHaveLength(18);
    expect(vp.every((row) => /\sdirector\s/.test(row))).toBe(true);
    expect(vp[11]).toContain('How would you respond if a board member asks whether the company is “secure enough”?');
  });

  it('prints the 8 stories as JSON with their quotes', () => {
    const result = preppack(['list', 'stories', '--json']);
    const stories = JSON.parse(result.stdout) as { level: string; quotes: string[] }[];
    expect(stories).toHaveLength(8);
    expect(stories.filter((s) => s.level === 'manager')).toHaveLength(4);
    expect(stories.every((s) => s.quotes.length === 2 && s.quotes.every((q) => q.startsWith('“')))).toBe(true);
  });

  it('lists the levels with their aliases and counts', () => {
    const levels = JSON.parse(preppack(['list', 'levels', '--json']).stdout) as { id: string; aliases: string[]; questions: number; stories: number }[];
    expect(levels.map((l) => [l.id, l.questions, l.stories])).toEqual([['director', 18, 4], ['manager', 18, 4], ['staff', 24, 0]]);
    expect(levels[0]!.aliases).toEqual(expect.arrayContaining(['vp', 'principal']));
  });

  it('filters by competency, alone and with a level', () => {
    const all = JSON.parse(preppack(['list', 'questions', '--competency', 'incident-leadership', '--json']).stdout) as { competencies: string[]; level: string }[];
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((q) => q.competencies.includes('incident-leadership'))).toBe(true);
    const staff = JSON.parse(preppack(['list', 'questions', '--competency', 'incident-leadership', '--level', 'staff', '--json']).stdout) as { level: string }[];
    expect(staff.length).toBeGreaterThan(0);
    expect(staff.length).toBeLessThan(all.length);
    expect(staff.every((q) => q.level === 'staff')).toBe(true);
  });

  it('lists the competencies, each used by at least one question or story', () => {
    const competencies = JSON.parse(preppack(['list', 'competencies', '--json']).stdout) as { id: string; questions: number; stories: number }[];
    expect(competencies.length).toBeGreaterThanOrEqual(8);
    expect(competencies.length).toBeLessThanOrEqual(14);
    expect(competencies.every((c) => c.questions + c.stories > 0)).toBe(true);
  });

  it('exits 2 on an unknown level, listing the known ones', () => {
    const result = preppack(['list', 'questions', '--level', 'intern']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown level "intern": known levels are director (vp, principal), manager, staff (staff-engineer)');
    expect(result.stdout).toBe('');
  });

  it('exits 2 on an unknown competency', () => {
    const result = preppack(['list', 'stories', '--competency', 'juggling']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown competency "juggling"');
  });
});
