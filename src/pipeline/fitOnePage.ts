// One-page documents on exactly one page: the largest type, from the theme's
// size down to 8 pt (8.5 pt for the cheat sheet), at which the document
// fits. The cheat sheet, failing that, leaves out its longest cues, as few as
// it can at 8.5 pt, then all of them, then cuts its question labels to a line
// (at 8 pt); if even that is too much, the error names the content to
// shorten.
import type { Level, Library } from '../content/model.js';
import { cheatsheetContext, cueLengths, type CueForm } from '../packets/cheatsheet.js';
import { itemsOf } from '../packets/common.js';
import { error, PreppackError, type Problem } from '../problems.js';
import { scaleTheme, type Theme } from '../render/theme.js';
import type { LaidOutDocument } from '../render/typeset.js';
import { layOutMarkdown, type PacketOptions, type PacketResult } from './packetDocument.js';

/** A one-page document (the panel plan, the debrief sheet) never prints its text smaller than this. */
export const MIN_ONE_PAGE_SIZE = 8;
/** The cheat sheet is studied, not filled in: its body never smaller than this (its smallest type, the subtitle, then 7.2 pt). */
export const MIN_CHEATSHEET_SIZE = 8.5;
const STEP = 0.25;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Down to a quarter point. */
const quarter = (size: number) => Math.floor(size / STEP + 1e-6) * STEP;

/**
 * The largest size in quarter points, from `max` down to the minimum, at which
 * the sheet is one page, or undefined. Text takes room about in proportion to
 * the square of its size, so each layout's extent (1.3 pages, say) predicts
 * the size to try next, between the largest size known to fit and the
 * smallest known not to: a few layouts instead of a search over all sizes.
 */
async function largestFitting(max: number, start: number, minimum: number, render: (size: number) => Promise<LaidOutDocument>) {
  let fitting: { size: number; pdf: LaidOutDocument } | undefined;
  let tooBig = max + STEP;
  let size = start;
  for (;;) {
    const pdf = await render(size);
    if (pdf.pages === 1) fitting = { size, pdf };
    else tooBig = size;
    const floor = fitting ? fitting.size + STEP : minimum;
    const guess = quarter(size * Math.sqrt(1 / Math.max(pdf.extent, 1e-3)));
    // Far below the minimum: no need to lay it out at the minimum to know.
    if (!fitting && guess < minimum - 2 * STEP) return undefined;
    const next = Math.min(Math.max(guess, floor), tooBig - STEP);
    if (next < floor || next >= tooBig) return fitting;
    size = next;
  }
}

/** The size at which text that runs `extent` pages at `size` would about fill one page, within the sizes tried. */
function predictedSize(size: number, extent: number, max: number, minimum: number): number {
  return Math.min(max, Math.max(minimum, Math.round(size * Math.sqrt(1 / Math.max(extent, 1e-3)) / STEP) * STEP));
}

/** Why a level's sheet cannot fit one page, pointing at the content that takes the most room. */
function tooMuch(library: Library, level: Level): Problem {
  const items = itemsOf(library, level);
  const prove = ['demonstrate', 'stories-must-prove'].map((key) => level.sections[key]).filter((s) => s !== undefined);
  const parts = [
    ...prove.map((s) => ({ path: level.path, line: s.line, words: words(s.markdown), what: `the "${s.heading}" list` })),
    ...items.stories.filter((s) => s.sections.phrasing).map((s) => ({ path: s.path, line: s.sections.phrasing!.line, words: words(s.quotes.join(' ')), what: 'the phrasing to reuse' })),
  ].sort((a, b) => b.words - a.words);
  const quotes = items.stories.reduce((sum, s) => sum + s.quotes.length, 0);
  const summary =
    `the cheat sheet for level "${level.id}" cannot fit one page even at ${MIN_ONE_PAGE_SIZE} pt with its question cues left out and its labels cut ` +
    `(${prove.reduce((sum, s) => sum + words(s.markdown), 0)} words to prove, ${quotes} phrasing quotes, ${items.questions.length} questions)`;
  const longest = parts[0];
  if (!longest) return error(level.path, 1, `${summary}: shorten the level's content`);
  return error(longest.path, longest.line, `${summary}: the longest part is ${longest.what} here (${longest.words} words); shorten it`);
}

/**
 * Markdown on one page at the largest size that fits, starting the search at
 * `start`; undefined if even the smallest does not. Each size is only laid
 * out: the caller draws the one that fits.
 */
async function onOnePage(options: PacketOptions, markdown: string, theme: Theme, start: number, minimum: number) {
  const tried: { size: number; extent: number }[] = [];
  const fitted = await largestFitting(theme.fontSize, start, minimum, async (size) => {
    const pdf = await layOutMarkdown(options, markdown, scaleTheme(theme, size / theme.fontSize));
    tried.push({ size, extent: pdf.extent });
    return pdf;
  });
  return { fitted, lastTried: tried.at(-1)! };
}

/** Each of `items` made into a form only when the one before did not fit. */
export function* lazily<T>(items: readonly T[], make: (item: T) => string): Generator<string> {
  for (const item of items) yield make(item);
}

/**
 * The first of a document's forms (fullest first) that fits one page, at the
 * largest size at which it does; undefined if none does. A form the same as
 * the one before is not tried again. Each shorter form starts at the size the
 * longer one's last layout predicts for it: its room shrinks about with its
 * length.
 */
export async function firstFormOnOnePage(options: PacketOptions, theme: Theme, forms: Iterable<string>, minimum = MIN_ONE_PAGE_SIZE) {
  let start = theme.fontSize;
  let previous: string | undefined;
  let last: { size: number; extent: number; length: number } | undefined;
  for (const markdown of forms) {
    if (markdown === previous) continue;
    previous = markdown;
    if (last) start = predictedSize(last.size, (last.extent * markdown.length) / last.length, theme.fontSize, minimum);
    const { fitted, lastTried } = await onOnePage(options, markdown, theme, start, minimum);
    if (fitted) return { ...fitted, markdown };
    last = { ...lastTried, length: markdown.length };
  }
  return undefined;
}

/**
 * The most cues a sheet keeps on one page at its smallest size: the longest
 * length `n` at which the cues of at most `n` characters fit, found by
 * halving (fewer cues never take more room). Undefined if even the shortest
 * alone do not fit.
 */
async function mostCuesThatFit(options: PacketOptions, theme: Theme, lengths: readonly number[], form: (cues: CueForm) => string) {
  const smallest = scaleTheme(theme, MIN_CHEATSHEET_SIZE / theme.fontSize);
  let fits = -1;
  // Every cue, the longest length, has been tried.
  let fitsNot = lengths.length - 1;
  while (fitsNot - fits > 1) {
    const middle = (fits + fitsNot) >> 1;
    const pdf = await layOutMarkdown(options, form({ upToChars: lengths[middle]! }), smallest);
    if (pdf.pages === 1) fits = middle;
    else fitsNot = middle;
  }
  return fits >= 0 ? lengths[fits] : undefined;
}

export async function fitCheatsheet(options: PacketOptions, theme: Theme): Promise<PacketResult> {
  const template = options.templates.templates.cheatsheet;
  const form = (cues: CueForm) => template.render(cheatsheetContext(options.library, options.level, options.edition, cues));
  const whole = await firstFormOnOnePage(options, theme, [form('full')], MIN_CHEATSHEET_SIZE);
  const upToChars = whole ? undefined : await mostCuesThatFit(options, theme, cueLengths(options.library, options.level), form);
  const shorter: CueForm[] = upToChars === undefined ? ['none'] : [{ upToChars }, 'none'];
  // A pack too large for whole labels at 8.5 pt (40 questions) still gets its sheet: labels cut to a line, down to 8 pt.
  const fitted =
    whole ??
    (await firstFormOnOnePage(options, theme, lazily(shorter, form), MIN_CHEATSHEET_SIZE)) ??
    (await firstFormOnOnePage(options, theme, [form('clipped')], MIN_ONE_PAGE_SIZE));
  if (fitted) return { kind: 'pdf', bytes: await fitted.pdf.draw(), pages: 1, markdown: fitted.markdown, fontSize: fitted.size, fonts: fitted.pdf.fonts ?? [] };
  throw new PreppackError([tooMuch(options.library, options.level)]);
}
