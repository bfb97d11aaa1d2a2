// The cheat sheet on exactly one page: the largest type, from the theme's size
// down to 8 pt, at which it fits; failing that, shorter question cues, then
// none. If even that is too much, the error names the content to shorten.
import type { Level, Library } from '../content/model.js';
import { cheatsheetContext, type CueForm } from '../packets/cheatsheet.js';
import { itemsOf } from '../packets/common.js';
import { error, ProblemsError, type Problem } from '../problems.js';
import type { RenderedPdf } from '../render/pdf.js';
import { scaleTheme, type Theme } from '../render/theme.js';
import { renderMarkdown, type PacketOptions, type PacketResult } from './packetDocument.js';

/** The cheat sheet never prints its text smaller than this. */
export const MIN_CHEATSHEET_SIZE = 8;
const STEP = 0.25;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The largest size in [min, max], in quarter points, at which `fits`; undefined if none. */
async function largestFitting(max: number, fits: (size: number) => Promise<RenderedPdf | undefined>) {
  const sizes: number[] = [];
  for (let size = max; size >= MIN_CHEATSHEET_SIZE - 1e-9; size -= STEP) sizes.push(Math.round(size * 100) / 100);
  const first = await fits(sizes[0]!);
  if (first) return { size: sizes[0]!, pdf: first };
  let best: { size: number; pdf: RenderedPdf } | undefined;
  let low = 1;
  let high = sizes.length - 1;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const pdf = await fits(sizes[middle]!);
    if (pdf) {
      best = { size: sizes[middle]!, pdf };
      high = middle - 1;
    } else low = middle + 1;
  }
  return best;
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
    `the cheat sheet for level "${level.id}" cannot fit one page even at ${MIN_CHEATSHEET_SIZE} pt with its question cues left out ` +
    `(${prove.reduce((sum, s) => sum + words(s.markdown), 0)} words to prove, ${quotes} phrasing quotes, ${items.questions.length} questions)`;
  const longest = parts[0];
  if (!longest) return error(level.path, 1, `${summary}: shorten the level's content`);
  return error(longest.path, longest.line, `${summary}: the longest part is ${longest.what} here (${longest.words} words); shorten it`);
}

export async function fitCheatsheet(options: PacketOptions, theme: Theme): Promise<PacketResult> {
  const template = options.templates.templates.cheatsheet;
  for (const cues of ['full', 'short', 'none'] satisfies CueForm[]) {
    const markdown = template.render(cheatsheetContext(options.library, options.level, options.edition, cues));
    const onePage = async (size: number) => {
      const pdf = await renderMarkdown(options, markdown, scaleTheme(theme, size / theme.fontSize));
      return pdf.pages === 1 ? pdf : undefined;
    };
    const fitted = await largestFitting(theme.fontSize, onePage);
    if (fitted) return { kind: 'pdf', bytes: fitted.pdf.bytes, pages: 1, markdown, fontSize: fitted.size };
  }
  throw new ProblemsError([tooMuch(options.library, options.level)]);
}
