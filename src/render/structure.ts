// The structure tree of a tagged PDF (PDF/UA), read off a pdfmake document
// before it is laid out. Block renderers put a `tag` on the nodes they make
// (a paragraph `P`, a list `L` with `LI`/`Lbl`/`LBody`, a table `Table`, a
// figure with its alt text…); this pass links each tag to the tag of the node
// it sits in, in document order (the reading order), makes the rows of a
// `Table` into `TR`s with `TH`/`TD` cells, numbers headings without skipping a
// level, builds the contents page's `TOC`/`TOCI`/`Link`s, and gives every
// piece of text the tag it is content of: text in a grouping element (the
// document, a section, a quote) becomes a paragraph of its own. What has no
// tag (rules, backgrounds, decoration, the running head) is drawn as an
// artifact (patches/: pdfmake's Renderer marks what it draws; tagging.ts).
import type { PdfNode } from './widgets.js';

/** A structure element as the content asks for it. */
export interface StructTag {
  /** A standard structure type: P, H1…H6, L, LI, Lbl, LBody, Table, TR, TH, TD, TOC, TOCI, Link, Figure, Code, BlockQuote, Div, Note, Form, Document. */
  type: string;
  /** What a figure shows, or a link or field is, in words (`/Alt`). */
  alt?: string;
  /** A header cell's reach. */
  scope?: 'Row' | 'Column';
  /** A cell that spans columns or rows. */
  colSpan?: number;
  rowSpan?: number;
  /** A `Link` element: where it leads, said when its words are none (a link around a blank). */
  target?: string;
  /** A `Form` element: the field (and for a radio button, `name#value`) the fillable step hangs its widget under. */
  field?: string;
}

export interface StructureTree {
  root: StructTag;
  /** Each element's children, in reading order. */
  kids: Map<StructTag, StructTag[]>;
}

/** Elements whose loose text is a paragraph of its own; in any other (a heading, a cell, a label) text is the element's own content. */
const GROUPING = new Set(['Document', 'Part', 'Sect', 'Div', 'BlockQuote', 'Note', 'Art', 'TOC', 'L', 'LI', 'Table', 'TR']);

/** A tag for content blocks: `tagged('P', node)`. */
export function tagged<T extends PdfNode>(type: string, node: T, extra: Omit<StructTag, 'type'> = {}): T {
  (node as PdfNode).tag = { type, ...extra } satisfies StructTag;
  return node;
}

/** Where a node or run links to, if it does (a page reference links to its target's page). */
const linkOf = (node: PdfNode): unknown => node.link ?? node.linkToDestination ?? node.pageReference ?? node.textReference;

const isObject = (value: unknown): value is PdfNode => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The structure of `content` (a pdfmake content array), with every text leaf,
 * figure and tagged drawing given its element. Mutates the nodes (their `tag`),
 * as pdfmake will; content is built fresh for every layout.
 */
export function structureOf(content: unknown[]): StructureTree {
  const root: StructTag = { type: 'Document' };
  const kids = new Map<StructTag, StructTag[]>();
  const attached = new Set<StructTag>([root]);
  const headings: { tag: StructTag; depth: number }[] = [];
  const tocHeadings: PdfNode[] = [];

  const attach = (tag: StructTag, parent: StructTag) => {
    if (attached.has(tag)) return;
    attached.add(tag);
    const list = kids.get(parent);
    if (list) list.push(tag);
    else kids.set(parent, [tag]);
  };

  // Headings listed in a contents page, in order: the contents page comes before them.
  const findTocHeadings = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(findTocHeadings);
    if (!isObject(node)) return;
    if (node.tocItem) tocHeadings.push(node);
    for (const key of ['stack', 'columns', 'content']) if (node[key]) findTocHeadings(node[key]);
    if (isObject(node.table)) findTocHeadings(node.table.body);
  };
  findTocHeadings(content);

  /** A string where pdfmake takes a node: a text node, so that it can carry a tag. */
  const asNode = (value: unknown): unknown => (typeof value === 'string' || typeof value === 'number' ? { text: String(value) } : value);

  /**
   * Runs of a text array: each keeps its own tag; a run that links somewhere
   * is content of a `Link` (one for consecutive runs to the same place: a link
   * with a bold word); nested runs take the tag of the run they are in (pdfmake
   * flattens them).
   */
  const tagRuns = (runs: unknown[], owner: StructTag, inherited: boolean): void => {
    let lastLink: { target: unknown; tag: StructTag } | undefined;
    runs.forEach((run, index) => {
      if (Array.isArray(run)) return tagRuns(run, owner, inherited);
      if (!isObject(run)) {
        lastLink = undefined;
        if (inherited) runs[index] = { text: String(run), tag: owner };
        return;
      }
      let own = run.tag as StructTag | undefined;
      const target = linkOf(run);
      if (!own && target !== undefined && owner.type !== 'Link') {
        if (lastLink?.target !== target) lastLink = { target, tag: { type: 'Link', alt: '', target: typeof target === 'string' ? target : undefined } };
        own = run.tag = lastLink.tag;
        lastLink.tag.alt += plainText(run.text);
      } else lastLink = undefined;
      if (own) attach(own, owner);
      const tag = own ?? owner;
      if (Array.isArray(run.text)) tagRuns(run.text, tag, inherited || own !== undefined);
      else if (inherited && !own) run.tag = owner;
    });
  };

  const walk = (node: unknown, parent: StructTag): void => {
    if (Array.isArray(node)) {
      node.forEach((child, index) => {
        node[index] = asNode(child);
        walk(node[index], parent);
      });
      return;
    }
    if (!isObject(node)) return;
    let own = node.tag as StructTag | undefined;
    if (!own && typeof node.headlineLevel === 'number' && node.text !== undefined) own = node.tag = { type: 'H' };
    if (own?.type === 'H') headings.push({ tag: own, depth: Number(node.headlineLevel) || 1 });
    if (own) attach(own, parent);
    const current = own ?? parent;

    if (node.text !== undefined) {
      // A spacer (`text: ''`, a blank to write in) is no paragraph for a reader to stop at: an artifact.
      if (!own && !plainText(node.text).trim()) {
        if (node.formTag) attach(node.formTag as StructTag, current);
        return;
      }
      if (!own) {
        if (GROUPING.has(current.type)) {
          node.tag = { type: 'P' } satisfies StructTag;
          attach(node.tag as StructTag, current);
        } else node.tag = current;
      }
      // A text node that links as a whole (a back-link ↩): its text is a link's content.
      if (linkOf(node) !== undefined && (node.tag as StructTag).type !== 'Link') {
        node.text = [{ text: node.text, link: node.link, linkToDestination: node.linkToDestination }];
      }
      if (Array.isArray(node.text)) tagRuns(node.text, node.tag as StructTag, false);
      else if (isObject(node.text)) tagRuns([node.text], node.tag as StructTag, false);
    } else if (Array.isArray(node.canvas) && own) {
      for (const vector of node.canvas) if (isObject(vector)) vector.tag = own;
    } else if (node.toc && isObject(node.toc)) {
      if (node.toc.title) walk(node.toc.title, current);
      const toc: StructTag = { type: 'TOC' };
      attach(toc, current);
      for (const heading of tocHeadings) {
        const item: StructTag = { type: 'TOCI' };
        const link: StructTag = { type: 'Link', alt: plainText(heading.text) };
        attach(item, toc);
        attach(link, item);
        heading.tocTag = link;
      }
    } else if (isObject(node.table) && Array.isArray(node.table.body)) {
      walkTable(node, current, own?.type === 'Table');
    }
    if (node.formTag) attach(node.formTag as StructTag, node.text !== undefined ? (node.tag as StructTag) : current);
    for (const key of ['stack', 'columns', 'ul', 'ol']) if (Array.isArray(node[key])) walk(node[key], current);
  };

  /** A data table's rows become `TR`s, its cells `TH` (header rows) or `TD`; a table used for layout (a quote's bar, a code frame) is not one. */
  const walkTable = (node: PdfNode, parent: StructTag, isData: boolean) => {
    const table = node.table as { body: unknown[][]; headerRows?: number };
    const covered = new Set<string>();
    table.body.forEach((row, r) => {
      const tr: StructTag | undefined = isData ? { type: 'TR' } : undefined;
      if (tr) attach(tr, parent);
      row.forEach((value, c) => {
        row[c] = asNode(value);
        const cell = row[c];
        if (covered.has(`${r},${c}`) || !isObject(cell)) return;
        const colSpan = Number(cell.colSpan) || 1;
        const rowSpan = Number(cell.rowSpan) || 1;
        for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) if (dr || dc) covered.add(`${r + dr},${c + dc}`);
        if (tr && !cell.tag) cell.tag = r < (table.headerRows ?? 0) ? { type: 'TH', scope: 'Column' } : { type: 'TD' };
        if (tr && (colSpan > 1 || rowSpan > 1)) Object.assign(cell.tag as StructTag, colSpan > 1 ? { colSpan } : {}, rowSpan > 1 ? { rowSpan } : {});
        walk(cell, tr ?? parent);
      });
    });
  };

  walk(content, root);

  // Headings by outline level, never skipping one: an `###` straight under an `#` reads as a level 2.
  const open: number[] = [];
  for (const heading of headings) {
    while (open.length && open.at(-1)! >= heading.depth) open.pop();
    open.push(heading.depth);
    heading.tag.type = `H${Math.min(open.length, 6)}`;
  }
  return { root, kids };
}

/**
 * Why a node (a directive's output) could not be tagged, if it could not: a
 * list drawn by pdfmake itself (`ul`, `ol`: its markers are drawn with no
 * node to tag) or a QR code (no text to read). pdfmake refuses kinds of node
 * it does not know; every other kind is tagged here.
 */
export function untaggable(node: unknown): string | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const why = untaggable(child);
      if (why) return why;
    }
    return undefined;
  }
  if (!isObject(node)) return undefined;
  if (node.ul || node.ol) return "a list drawn by pdfmake itself (ul, ol): its markers cannot be tagged; build it as list rows (L, LI, Lbl, LBody)";
  if (node.qr) return 'a QR code: it has no text for a screen reader; draw it as a figure with alt text';
  for (const key of ['stack', 'columns']) if (node[key]) return untaggable(node[key]);
  if (isObject(node.table)) return untaggable(node.table.body);
  return undefined;
}

/** The words of a text node or run array. */
export function plainText(text: unknown): string {
  if (typeof text === 'string' || typeof text === 'number') return String(text);
  if (Array.isArray(text)) return text.map(plainText).join('');
  if (isObject(text)) return plainText(text.text);
  return '';
}
