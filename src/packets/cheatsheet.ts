// The one-page phrasing cheat sheet: what its template is given.
import type { Level, Library } from '../content/model.js';
import { firstSentence, itemsOf, levelContext, type Edition } from './common.js';

export interface PhrasingGroup {
  title: string;
  lines: string[];
}

/** Splits groups into two columns of about the same amount of text. */
function balance(groups: PhrasingGroup[]): [PhrasingGroup[], PhrasingGroup[]] {
  const size = (g: PhrasingGroup) => g.title.length + g.lines.join(' ').length + 60;
  const total = groups.reduce((sum, g) => sum + size(g), 0);
  let running = 0;
  const left: PhrasingGroup[] = [];
  const right: PhrasingGroup[] = [];
  for (const group of groups) {
    if (running + size(group) / 2 <= total / 2) left.push(group);
    else right.push(group);
    running += size(group);
  }
  return [left, right];
}

/** The calibration line: the closing note's last paragraph. */
function calibrationLine(markdown: string | undefined): string | null {
  if (!markdown) return null;
  const paragraphs = markdown.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p && !/^\s*(?:[-*+]|\d+\.)\s/.test(p));
  return paragraphs.at(-1) ?? null;
}

export function cheatsheetContext(library: Library, level: Level, edition: Edition) {
  const items = itemsOf(library, level);
  const context = levelContext(level);
  const prove = [context.demonstrate, context.storiesMustProve].filter((s) => s && s.items.length).map((s) => ({ heading: s!.heading, items: s!.items }));
  const groups: PhrasingGroup[] = items.stories.length
    ? items.stories.map((s) => ({ title: `${s.number}. ${s.title}`, lines: s.quotes }))
    : items.questions
        .filter((q) => q.sections.example)
        .map((q) => ({ title: `${q.number}. ${q.prompt}`, lines: [firstSentence(q.sections.example!.markdown)] }));
  return {
    level: context,
    edition,
    prove,
    fromStories: items.stories.length > 0,
    phrasingColumns: balance(groups),
    calibration: calibrationLine(level.sections['closing-note']?.markdown),
  };
}
