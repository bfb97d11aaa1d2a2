// Keeping headings with their text, where it costs least.
//
// pdfmake lays the whole document out again for every page break a
// `pageBreakBefore` rule inserts. So a run of headings and the first part of
// what follows (a short paragraph, the first list item or two, a small block)
// become one `unbreakable` block: kept together in the one layout pass. A
// heading followed by something too big to move whole (a long paragraph, a
// long table) is marked `keepWithNext` (patches/): it goes to the next page
// unless the first lines of what follows fit below it, in the same pass.
// `keepWithText`, a rule pdfmake runs after layout at the cost of a pass per
// break, remains for headings the layout could not see to (inside containers).
import type { PdfNode } from './widgets.js';

/** What a block is, as far as keeping it with a heading goes. */
export type BlockKind =
  | { kind: 'heading' }
  /** A stack of list rows: the first rows can join the heading. */
  | { kind: 'rows'; lines: number[] }
  /** A paragraph or a quote, with its estimated line count. */
  | { kind: 'text'; lines: number }
  /** Small enough to move whole (a rating row, fields, a reference…). */
  | { kind: 'small' }
  /** Too big to move whole. */
  | { kind: 'large' };

/** A heading keeps at most this many lines of a paragraph in its block; a longer one flows. */
const MOVABLE_LINES = 6;

function group(nodes: PdfNode[]): PdfNode {
  return { stack: nodes, unbreakable: true };
}

/** Splits off the rows that give at least two lines of text. */
function leadingRows(rows: PdfNode, lines: number[]): { head: PdfNode; rest: PdfNode | undefined } {
  const items = rows.stack as PdfNode[];
  let take = 1;
  if ((lines[0] ?? 0) < 2 && items.length > 1) take = 2;
  const head = { ...rows, stack: items.slice(0, take), margin: [0, 0, 0, 0] };
  const rest = items.length > take ? { ...rows, stack: items.slice(take) } : undefined;
  return { head, rest };
}

/** Each run of headings in `nodes`, grouped with the start of what follows it. */
export function keepHeadingsWithText(nodes: readonly PdfNode[], kindOf: (node: PdfNode) => BlockKind): PdfNode[] {
  const result: PdfNode[] = [];
  for (let index = 0; index < nodes.length; ) {
    const node = nodes[index]!;
    if (kindOf(node).kind !== 'heading') {
      result.push(node);
      index++;
      continue;
    }
    const headings: PdfNode[] = [];
    while (index < nodes.length && kindOf(nodes[index]!).kind === 'heading') headings.push(nodes[index++]!);
    const next = nodes[index];
    const kind = next ? kindOf(next) : undefined;
    // A page break asked for before the first heading stays on the group.
    const pageBreak = headings[0]!.pageBreak;
    const withBreak = (block: PdfNode) => {
      if (pageBreak) {
        delete headings[0]!.pageBreak;
        block.pageBreak = pageBreak;
      }
      return block;
    };
    if (!next || !kind || kind.kind === 'large' || (kind.kind === 'text' && kind.lines > MOVABLE_LINES)) {
      // The next block flows: the headings move to the next page unless the
      // first lines of it fit below them (keepWithNext, patches/: same pass).
      if (next) result.push(withBreak({ ...group(headings), keepWithNext: true }));
      else result.push(...headings);
      continue;
    }
    index++;
    if (kind.kind === 'rows') {
      const { head, rest } = leadingRows(next, kind.lines);
      result.push(withBreak(group([...headings, head])));
      if (rest) result.push(rest);
    } else result.push(withBreak(group([...headings, next])));
  }
  return result;
}

interface NodeInfo {
  id?: string;
  headlineLevel?: number;
  stack?: boolean;
  style?: unknown;
  columns?: unknown;
  table?: unknown;
}

interface NodeQueries {
  getFollowingNodesOnPage: () => NodeInfo[];
  getNodesOnNextPage: () => NodeInfo[];
  getPreviousNodesOnPage: () => NodeInfo[];
}

const FURNITURE = new Set(['runningHeader', 'footer']);

/** A node of the body's text itself: not a container, not the header or footer. */
const isBodyLeaf = (n: NodeInfo) => !n.stack && !n.columns && !n.table && !(typeof n.style === 'string' && FURNITURE.has(n.style));

/** How many page breaks the rule may ask for in one document: each costs pdfmake a whole layout. */
export const MAX_KEEP_BREAKS = 12;

/**
 * pdfmake's `pageBreakBefore` rule, for headings `keepHeadingsWithText` could
 * not group: a heading (or run of headings) is not the last text on its page
 * when the text it heads starts on the next one and moving it there helps
 * (there is text above it). One rule per document: after MAX_KEEP_BREAKS
 * breaks it asks for no more, so a document of headings is laid out a
 * bounded number of times, not once per heading.
 */
export function keepWithTextRule(): (node: NodeInfo, nodes: NodeQueries) => boolean {
  let left = MAX_KEEP_BREAKS;
  const isText = (n: NodeInfo) => isBodyLeaf(n) && !n.headlineLevel;
  return (node, nodes) => {
    if (left <= 0 || !node.headlineLevel) return false;
    if (nodes.getFollowingNodesOnPage().some(isText)) return false;
    if (!nodes.getNodesOnNextPage().some(isText) || !nodes.getPreviousNodesOnPage().some(isText)) return false;
    left--;
    return true;
  };
}

/**
 * The fallbacks when a layout lost text (completeness.ts), in place, on nodes
 * not yet laid out. pdfmake drops a table row kept whole that is taller than
 * a page: first, table rows may break and a table's last rows part ('rows'). If text is still lost,
 * nothing is kept together ('all'), so whatever is too tall flows on.
 */
export function withoutKeeps(nodes: unknown, which: 'rows' | 'all'): void {
  if (Array.isArray(nodes)) for (const node of nodes) withoutKeeps(node, which);
  else if (nodes && typeof nodes === 'object') {
    const node = nodes as Record<string, unknown>;
    delete node.dontBreakRows;
    delete node.keepLastRows;
    if (which === 'all') {
      delete node.unbreakable;
      delete node.keepWithNext;
    }
    for (const key in node) if (typeof node[key] === 'object') withoutKeeps(node[key], which);
  }
}
