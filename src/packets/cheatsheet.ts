// The one-page phrasing cheat sheet: what its template is given. The page
// holds what the level has: its what-to-prove points, the stories' reusable
// phrasing, a cue per question (with the stories that fit it) and the
// calibration line. When that cannot fit one page, the longest cues are left
// out, as few as need be (the rest stay whole), then all of them, then the
// labels are cut (the build asks for `{ upToChars }`, `'none'`, then
// `'clipped'`).
import type { Level, Library } from '../content/model.js';
import { itemsOf, levelContext, type Edition } from './common.js';
import { pairStories } from './storyPairing.js';
import { questionCue, questionLabel } from './cues.js';

/**
 * Every cue whole; only the cues of at most `upToChars` characters (a cue is
 * never cut mid-phrase); none; last, for a pack too large for whole prompts
 * (40 questions), no cues and labels cut to a line (marked "…"): give its
 * questions `short:` labels instead.
 */
export type CueForm = 'full' | { upToChars: number } | 'none' | 'clipped';
/** A label cut to about a line of a half column, in the last form. */
const CLIPPED_LABEL_CHARS = 46;

/** The lengths of a level's cues, shortest first, each once: where a shorter form of the sheet can draw its line. */
export function cueLengths(library: Library, level: Level): number[] {
  const lengths = itemsOf(library, level).questions.flatMap((q) => questionCue(q)?.length ?? []);
  return [...new Set(lengths)].sort((a, b) => a - b);
}

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
    const cue = cues === 'none' || cues === 'clipped' || !full || (typeof cues === 'object' && full.length > cues.upToChars) ? null : full;
    const stories = (pairs.get(q.id) ?? []).map((f) => f.story.number);
    // The authored short label, else the whole question without its lead-in ("How would you…"): a label cut mid-phrase reads as another question.
    const label = q.short ?? questionLabel(q.prompt, cues === 'clipped' ? CLIPPED_LABEL_CHARS : Infinity);
    return {
      number: q.number,
      label,
      cue,
      // Joined by no-break spaces: a reference is never parted across lines.
      stories: stories.length ? `${stories.length === 1 ? 'Story' : 'Stories'}\u00a0${stories.join(',\u00a0')}` : null,
      size: label.length + (cue?.length ?? 0) + 30,
    };
  });
  return {
    level: context,
    edition,
    prove,
    phrasingColumns: phrasing.length ? balance(phrasing) : [],
    cuesFromExamples: items.questions.length > 0 && items.questions.every((q) => q.sections.example),
    withCues: questionCues.some((q) => q.cue),
    // Every question that has a cue shows it ("for each question"), or only the shorter ones do.
    allCues: questionCues.every((q, i) => q.cue || !questionCue(items.questions[i]!)),
    cueColumns: questionCues.length ? balance(questionCues) : [],
    calibration: calibrationLine(level.sections['closing-note']?.markdown),
  };
}
