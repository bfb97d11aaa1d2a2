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
 * Whether a sheet looks packed: many areas (a full scoring sheet, an area a
 * question, its pages filled with whole questions), or no room on its last
 * page for one more line on every area. One more line then nearly always adds
 * a page.
 */
function looksPacked(draft: Layout, extent: number, theme: Theme, paper: DocumentMeta['paper']): boolean {
  const areas = draft.content.evenAreas.length;
  const [, top, , bottom] = theme.pageMargins;
  const room = (draft.pdf.pages - extent) * (PAPER_SIZES[paper].height - top - bottom);
  return areas >= MANY_EVEN_AREAS || room < areas * theme.writeLineGap;
}

/**
 * The most lines every `::lines N even` area can add without adding a page,
 * and that layout: a binary search, as a taller area never takes fewer pages.
 * A packed sheet tries one line first: one layout says there is no room (the
 * search from the middle took three to learn it). Any order of tries finds
 * the same number; no number is laid out twice.
 * If that leaves one area on a page and three on the next, the fewest more
 * lines that spread them, at the cost of one page.
 */
async function evenLayout(draft: Layout, layOnce: (even: number) => Promise<Layout>, packed: boolean): Promise<{ even: number; layout: Layout }> {
  const laid = new Map<number, Promise<Layout>>();
  const lay = (even: number) => {
    if (!laid.has(even)) laid.set(even, layOnce(even));
    return laid.get(even)!;
  };
  let best = { even: 0, layout: draft };
  let [low, high] = [1, MOST_EVEN_LINES];
  if (packed) {
    const layout = await lay(1);
    if (layout.pdf.pages > draft.pdf.pages) high = 0;
    else [best, low] = [{ even: 1, layout }, 2];
  }
  while (low <= high) {
    const even = Math.floor((low + high) / 2);
    const layout = await lay(even);
    if (layout.pdf.pages <= draft.pdf.pages) {
      best = { even, layout };
      low = even + 1;
    } else high = even - 1;
  }
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
  const { even, layout: evened } = draft.content.evenAreas.length ? await evenLayout(draft, (n) => layOutWhole(tokens, theme, meta, source, { even: n }), looksPacked(draft, extent, theme, meta.paper)) : { even: 0, layout: draft };
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
