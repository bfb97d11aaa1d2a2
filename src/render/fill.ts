// Write-on areas that use the page: `::lines N fill` is at least N ruled lines,
// plus an equal share of whatever its page would otherwise leave blank;
// `::lines N even` is at least N lines, and as many more as every such area of
// the document can have without adding a page (typeset.ts searches for it).
//
// The document is laid out once with every area at its minimum; an invisible
// marker after each top-level block tells where each page's text ends. Each
// page's spare space, in whole lines, is dealt out to the areas on that page
// and the document is laid out again. The growth of a page never exceeds its
// spare space, so every block stays on its page; if one moved all the same,
// the first layout is kept. An area in a column shorter than its neighbour
// first gets the lines that fit beside the neighbour for free: markers at the
// end of each column tell how much shorter it is.
import type { PdfNode } from './widgets.js';

/**
 * Extra lines for write-on areas: `shares[i]` for the i-th `::lines N fill`
 * area; `even` for every `::lines N even` area alike (a sheet's evidence
 * areas: the same room for every question, whichever page it falls on).
 */
export interface FillPlan {
  shares?: readonly number[];
  even?: number;
}

interface Position {
  pageNumber: number;
  verticalRatio: number;
  pageInnerHeight: number;
}

/** A fill area, as the layout sees it. */
export interface FillArea {
  /** The index of the top-level block that holds it. */
  block: number;
  /** `::lines 0 fill`: lines only from its page's spare room, and then at least FEWEST_SPARE_LINES. */
  spareOnly?: boolean;
  /** In a set of columns: the markers at the end of its column and of the others. */
  column?: { own: PdfNode; others: PdfNode[] };
}

/** A `::lines 0 fill` area is drawn only from this many spare lines: one or two lines read as a stray rule, not room to write. */
export const FEWEST_SPARE_LINES = 3;

/** A zero-height vector pdfmake places like content (so it records its position) and that draws nothing. */
export function marker(): PdfNode {
  return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 0, y2: 0, lineWidth: 0.01, strokeOpacity: 0 }] };
}

export interface Marked {
  content: PdfNode[];
  markers: PdfNode[];
}

/** The content with a marker after each top-level block. */
export function withMarkers(content: readonly PdfNode[]): Marked {
  const markers = content.map(() => marker());
  return { content: content.flatMap((node, i) => [node, markers[i]!]), markers };
}

/** After pdfmake has laid it out: where a marker landed. */
function positionOf(node: PdfNode): Position | undefined {
  const positions = node.positions as Position[] | undefined;
  return positions?.[0];
}

/** How far into the document a marker landed, in pages: 1.3 is a full page and 30 % of the next. */
export function extentAt(node: PdfNode): number | undefined {
  const at = positionOf(node);
  return at ? at.pageNumber - 1 + at.verticalRatio : undefined;
}

/** The page each top-level block ends on, from its marker. */
export function endPages(markers: readonly PdfNode[]): number[] {
  return markers.map((m) => positionOf(m)?.pageNumber ?? 0);
}

/** Whole lines that fit beside a taller neighbouring column, at no cost to the page. */
function freeLines(area: FillArea, lineGap: number): number {
  const own = area.column && positionOf(area.column.own);
  if (!own) return 0;
  const others = area.column!.others.map(positionOf).filter((p): p is Position => p?.pageNumber === own.pageNumber);
  const lowest = Math.max(own.verticalRatio, ...others.map((p) => p.verticalRatio));
  return Math.floor(((lowest - own.verticalRatio) * own.pageInnerHeight) / lineGap);
}

/** Extra lines for each fill area, from where the first layout put things. */
export function fillShares(markers: readonly PdfNode[], areas: readonly FillArea[], lineGap: number): number[] {
  const spare = new Map<number, number>();
  for (const m of markers) {
    const at = positionOf(m);
    if (!at) continue;
    // The last marker of a page wins: markers are in document order.
    spare.set(at.pageNumber, at.pageInnerHeight * (1 - at.verticalRatio));
  }
  const pages = endPages(markers);
  const areasOnPage = new Map<number, number[]>();
  areas.forEach((area, index) => {
    const page = pages[area.block]!;
    if (!areasOnPage.has(page)) areasOnPage.set(page, []);
    areasOnPage.get(page)!.push(index);
  });
  const shares = areas.map((area) => freeLines(area, lineGap));
  for (const [page, onPage] of areasOnPage) {
    // A point of slack against rounding in pdfmake's arithmetic.
    let lines = Math.floor(((spare.get(page) ?? 0) - 1) / lineGap);
    // Areas drawn only from spare room: as many as can have enough lines each, those nearest the page's foot.
    const takers = onPage.every((i) => areas[i]!.spareOnly) ? onPage.slice(onPage.length - Math.min(onPage.length, Math.floor(lines / FEWEST_SPARE_LINES))) : onPage;
    if (takers.length === 0) continue;
    for (let turn = 0; lines > 0; turn = (turn + 1) % takers.length, lines--) shares[takers[turn]!]! += 1;
  }
  return shares;
}

/** How many of `areas` each page holds, by page number (pdfmake records where it put a node). */
export function areasPerPage(areas: readonly PdfNode[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const area of areas) {
    const page = positionOf(area)?.pageNumber;
    if (page !== undefined) counts.set(page, (counts.get(page) ?? 0) + 1);
  }
  return counts;
}

/** A page holding one area before a page holding three or more: a sheet that crams its second page while its first has room for less. */
export function lopsided(areas: readonly PdfNode[]): boolean {
  const counts = areasPerPage(areas);
  return [...counts].some(([page, count]) => count === 1 && (counts.get(page + 1) ?? 0) >= 3);
}
