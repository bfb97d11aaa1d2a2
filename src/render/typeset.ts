// Markdown tokens → laid-out PDF: content, document, pdfmake. A document with
// `::lines … fill` areas is laid out twice, the second time with each page's
// spare space dealt out to its areas (fill.ts); one with `::lines … even`
// areas is laid out until the most lines they can all have is found; only the
// layout kept is drawn.
// A layout that lost text (completeness.ts) is done again with table rows
// free to break, then with nothing kept together; if even that loses text,
// the render fails rather than print less.
import type { Token } from 'marked';
import { buildDocument, PAPER_SIZES, renderContent, type DocumentContent, type DocumentMeta } from './document.js';
import { endPages, extentAt, fillShares, lopsided, marker, withMarkers, type FillPlan, type Marked } from './fill.js';
import { placeFields, type PlacedField } from './formFields.js';
import { withoutKeeps } from './keep.js';
import { layoutPdf, type LaidOutPdf, type RenderedPdf } from './pdf.js';
import type { Theme } from './theme.js';
import { RenderError, type DocumentSource } from './toPdfmake.js';

export interface TypesetPdf extends RenderedPdf {
  /** How far the content runs before any fill, in pages: 1.3 is a full page and 30 % of the next. */
  extent: number;
  /** Where the content's form fields went, for a fillable PDF. */
  fields: PlacedField[];
}

/** A document laid out, drawn into a PDF only when asked: a fit-to-page search lays out many and keeps one. */
export interface LaidOutDocument extends Omit<TypesetPdf, 'bytes'> {
  draw: () => Promise<Buffer>;
}

interface Layout {
  content: DocumentContent;
  marked: Marked;
  pdf: LaidOutPdf;
}

/** The content (with its `fill` lines) laid out with its markers; again with fewer keeps if text was lost. */
async function layOutWhole(tokens: readonly Token[], theme: Theme, meta: DocumentMeta, source: DocumentSource | undefined, fill?: FillPlan): Promise<Layout> {
  // pdfmake rewrites the nodes it lays out: every attempt starts from fresh ones.
  const attempt = async (flowing?: 'rows' | 'all'): Promise<Layout> => {
    const content = renderContent(tokens, theme, meta.paper, fill, source);
    // A marker after every block where fill areas need to know each page's end; else one at the end, for the extent.
    const end = marker();
    const marked = content.fillAreas.length ? withMarkers(content.content) : { content: [...content.content, end], markers: [end] };
    if (flowing) withoutKeeps(marked.content, flowing);
    return { content, marked, pdf: await layoutPdf(buildDocument(content, marked.content, theme, meta)) };
  };
  const kept = await attempt();
  if (!kept.pdf.lost) return kept;
  const rowsFlowing = await attempt('rows');
  if (!rowsFlowing.pdf.lost) return rowsFlowing;
  const flowing = await attempt('all');
  if (flowing.pdf.lost) {
    const { count, sample } = flowing.pdf.lost;
    throw new RenderError(`${count} characters of text could not be placed on the page (among them "${sample}"): a word, table or list too wide for its column?`);
  }
  return flowing;
}

/** `::lines N even` areas grow by at most this many lines. */
const MOST_EVEN_LINES = 12;

/** A sheet with this many `even` areas or more counts as packed (evenLayout). */
const MANY_EVEN_AREAS = 8;

/**
 * How much of the room left on a sheet's last page its `::lines N even`
 * areas end up taking: questions are kept whole, so a page gives up the room
 * below its last question. About 0.6 on the bundled scoring sheets; only
 * where the search starts depends on it, never what it finds.
 */
const ROOM_TAKEN = 0.6;

/** How many numbers next to the first try are tried one by one before the search halves what is left. */
const NEAR_TRIES = 3;

/**
 * How many lines every `::lines N even` area might add without a new page,
 * to try first: its share of the room left on the last page. A packed sheet
 * (many areas: a full scoring sheet whose pages are filled with whole
 * questions, or no room on its last page for one more line on every area)
 * gets 1: one more line then nearly always adds a page.
 */
function firstTry(draft: Layout, extent: number, theme: Theme, paper: DocumentMeta['paper']): number {
  const areas = draft.content.evenAreas.length;
  if (areas >= MANY_EVEN_AREAS) return 1;
  const [, top, , bottom] = theme.pageMargins;
  const room = (draft.pdf.pages - extent) * (PAPER_SIZES[paper].height - top - bottom);
  return Math.min(MOST_EVEN_LINES, Math.max(1, Math.round((ROOM_TAKEN * room) / (areas * theme.writeLineGap))));
}

/**
 * The most lines every `::lines N even` area can add without adding a page,
 * and that layout. A taller area never takes fewer pages, so the search may
 * go in any order and finds the same number: it tries `first` (firstTry),
 * then the numbers next to it one by one in the direction it points, then
 * halves what is left; no number is laid out twice. A sheet now takes two or
 * three layouts where a search from the middle took four or five.
 * If that leaves one area on a page and three on the next, the fewest more
 * lines that spread them, at the cost of one page.
 */
export async function evenLayout(draft: Layout, layOnce: (even: number) => Promise<Layout>, first: number): Promise<{ even: number; layout: Layout }> {
  const laid = new Map<number, Promise<Layout>>();
  const lay = (even: number) => {
    if (!laid.has(even)) laid.set(even, layOnce(even));
    return laid.get(even)!;
  };
  // The answer lies between low - 1 and high; best is the largest number seen to fit.
  let best = { even: 0, layout: draft };
  let [low, high] = [1, MOST_EVEN_LINES];
  const tryLines = async (even: number) => {
    const layout = await lay(even);
    if (layout.pdf.pages > draft.pdf.pages) high = even - 1;
    else [best, low] = [{ even, layout }, even + 1];
  };
  await tryLines(first);
  const up = low > first;
  for (let near = 0; near < NEAR_TRIES && low <= high; near++) await tryLines(up ? low : high);
  while (low <= high) await tryLines(Math.floor((low + high) / 2));
  for (let even = best.even + 1; lopsided(best.layout.content.evenAreas) && even <= MOST_EVEN_LINES; even++) {
    const layout = await lay(even);
    if (layout.pdf.pages > draft.pdf.pages + 1) break;
    if (!lopsided(layout.content.evenAreas)) return { even, layout };
  }
  return best;
}

export async function layOut(tokens: readonly Token[], theme: Theme, meta: DocumentMeta, source?: DocumentSource): Promise<LaidOutDocument> {
  const placed = (content: DocumentContent) => placeFields(content.formFields, PAPER_SIZES[meta.paper].height);
  const draft = await layOutWhole(tokens, theme, meta, source);
  const extent = extentAt(draft.marked.markers.at(-1)!) ?? draft.pdf.pages;
  const { even, layout: evened } = draft.content.evenAreas.length ? await evenLayout(draft, (n) => layOutWhole(tokens, theme, meta, source, { even: n }), firstTry(draft, extent, theme, meta.paper)) : { even: 0, layout: draft };
  const unfilled = { ...evened.pdf, extent, fields: placed(evened.content) };
  if (evened.content.fillAreas.length === 0) return unfilled;
  // The first layout is measured, and drawn only if it is the one kept.
  const shares = fillShares(evened.marked.markers, evened.content.fillAreas, theme.writeLineGap);
  if (shares.every((n) => n === 0)) return unfilled;
  const filled = await layOutWhole(tokens, theme, meta, source, { even, shares });
  // Filling never moves a block to another page; if it did, keep the first layout.
  const same = endPages(filled.marked.markers).every((page, i) => page === endPages(evened.marked.markers)[i]);
  return same && filled.pdf.pages === evened.pdf.pages ? { ...filled.pdf, extent, fields: placed(filled.content) } : unfilled;
}

/** Markdown tokens as a PDF. */
export async function typeset(tokens: readonly Token[], theme: Theme, meta: DocumentMeta, source?: DocumentSource): Promise<TypesetPdf> {
  const { draw, ...laidOut } = await layOut(tokens, theme, meta, source);
  return { ...laidOut, bytes: await draw() };
}
