// The one-page phrasing cheat sheet: what its template is given. The page
// holds what the level has: its what-to-prove points, the stories' reusable
// phrasing, a cue per question (with the stories that fit it) and the
// calibration line. When that cannot fit one page, the cues are shortened,
// then left out (the build asks for `cues: 'short'`, then `'none'`).
import type { Level, Library } from '../content/model.js';
import { itemsOf, levelContext, type Edition } from './common.js';
import { pairStories } from './storyPairing.js';
import { clipWords, questionCue, questionLabel } from './cues.js';

export type CueForm = 'full' | 'short' | 'none';
/** A shortened cue keeps at most this many words. */
export const SHORT_CUE_WORDS = 12;

interface Sized {
  size: number;
}

/** Splits items into two columns of about the same amount of text, in order. */
function balance<T extends Sized>(items: readonly T[]): [T[], T[]] {
  const total = items.reduce((sum, item) => sum + item.size, 0);
  let running = 0;
  const left: T[] = [];
  const right: T[] = [];
  for (const item of items) {
    if (running + item.size / 2 <= total / 2) left.push(item);
    else right.push(item);
    running += item.size;
  }
  return [left, right];
}

/** The calibration line: the closing note's last paragraph. */
function calibrationLine(markdown: string | undefined): string | null {
  if (!markdown) return null;
  const paragraphs = markdown.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p && !/^\s*(?:[-*+]|\d+\.)\s/.test(p));
  return paragraphs.at(-1) ?? null;
}

export function cheatsheetContext(library: Library, level: Level, edition: Edition, cues: CueForm = 'full') {
  const items = itemsOf(library, level);
  const context = levelContext(level);
  const pairs = pairStories(items.questions, items.stories);
  const prove = [context.demonstrate, context.storiesMustProve].filter((s) => s && s.items.length).map((s) => ({ heading: s!.heading, items: s!.items }));
  const phrasing = items.stories.map((s) => ({ title: `${s.number}. ${s.title}`, quotes: s.quotes, size: s.title.length + s.quotes.join(' ').length + 40 }));
  const questionCues = items.questions.map((q) => {
    const full = questionCue(q);
    const cue = cues === 'none' || !full ? null : cues === 'short' ? clipWords(full, SHORT_CUE_WORDS) : full;
    const stories = (pairs.get(q.id) ?? []).map((f) => f.story.number);
    const label = questionLabel(q.prompt);
    return {
      number: q.number,
      label,
      cue,
      stories: stories.length ? `${stories.length === 1 ? 'Story' : 'Stories'} ${stories.join(', ')}` : null,
      size: label.length + (cue?.length ?? 0) + 30,
    };
  });
  return {
    level: context,
    edition,
    prove,
    phrasingColumns: phrasing.length ? balance(phrasing) : [],
    cuesFromExamples: items.questions.length > 0 && items.questions.every((q) => q.sections.example),
    cueColumns: questionCues.length ? balance(questionCues) : [],
    calibration: calibrationLine(level.sections['closing-note']?.markdown),
  };
}
