// marked tokens into pdfmake content nodes. One function per kind of token;
// the directives become the layout pieces a pen-and-paper packet needs
// (widgets.ts), and headings are kept with their text (keep.ts).
import { loneImage } from './inlineImages.js';
import { codeBlock } from './codeBlock.js';
import type { HtmlBlockToken } from './htmlTokens.js';
import { alertBox, alertOf } from './alerts.js';
import type { Token, Tokens } from 'marked';
import { splitArgs, type ContainerDirectiveToken, type LineDirectiveToken } from './directives.js';
import { footnoteId, footnoteRefId, inlineMarkdown, inlines, plainText, wordsOf, type Inline } from './inlines.js';
import { numberFootnotes, type FootnoteRefToken, type FootnoteToken } from './gfmExtras.js';
import { FEWEST_SPARE_LINES, marker, type FillArea, type FillPlan } from './fill.js';
import { divergingBars, parseChartRow, stackedBars, type ChartRow } from './charts.js';
import { keepHeadingsWithText, type BlockKind } from './keep.js';
import { decodeEntities } from '../text/entities.js';
import { fieldName, formElementKey, spokenName, type FormField } from './formFields.js';
import { ascent, estimateLines, glyphBox, textWidth } from './measure.js';
import { slugify } from '../text/slug.js';
import type { Theme } from './theme.js';
import { ASCENT, fields, headerFields, markerRow, note, parseAnchor, parseField, ratingRow, ruledLines, styleOf, type Anchor, type FieldSpec, type PdfNode } from './widgets.js';
import { tagged, untaggable } from './structure.js';

export type { PdfNode };

export interface RenderOptions {
  theme: Theme;
  /** Headings go into a table of contents (the document has `::toc`). */
  toc: boolean;
  /** Width of the text area in points, for rules drawn across it. */
  contentWidth: number;
  /** Extra lines for `::lines N fill` and `::lines N even` areas (fill.ts). */
  fill?: FillPlan;
  /** Where the Markdown came from: images it may show, ids for its headings. */
  source?: DocumentSource;
}

/** What a Markdown file brings beyond its text (`preppack render`). */
export interface DocumentSource {
  /** Every heading gets an id from its text: bookmarks and contents for any Markdown. */
  autoIds?: boolean;
  /** An image by the link the Markdown gives; undefined when it may not or cannot be shown (the source says why), and its description prints instead. */
  image?: (href: string, alt: string) => SourceImage | undefined;
}

export interface SourceImage {
  /** The bytes as a data URL (PNG, JPEG). */
  url?: string;
  /** An SVG's text: drawn as vectors (pdfmake's svg-to-pdfkit). */
  svg?: string;
  /** Its own size in points. */
  width: number;
  height: number;
}

/** A directive that cannot be rendered; `directive` is its text, to find it in the template. */
export class RenderError extends Error {
  constructor(
    message: string,
    readonly directive?: string,
  ) {
    super(message);
  }
}

/** What the document as a whole takes from its directives. */
export interface RenderedContent {
  content: PdfNode[];
  /** `::header` fields for the running head: a fresh node per page, as pdfmake changes what it lays out. */
  headerFields?: () => PdfNode;
  /** `::footer` text, printed in the foot of every page beside the page number. */
  footerNote?: string;
  /** The `::lines … fill` areas, in document order. */
  fillAreas: FillArea[];
  /** The `::lines … even` areas, in document order: where pdfmake put them tells how many a page holds. */
  evenAreas: PdfNode[];
  /** What becomes a form field in a fillable PDF: named ruled lines and rating rows, blank fields. */
  formFields: FormField[];
}

/** What the whole document collects while its blocks are rendered. */
interface DocumentState {
  /** The id of the last level-1 heading, parent of level-2 bookmarks. */
  outlineParent?: string;
  /** Heading ids, and the ::ref directives that point at them. */
  ids: Set<string>;
  refs: { target: string; raw: string }[];
  /** How each node keeps with a heading before it. */
  kinds: WeakMap<PdfNode, BlockKind>;
  /** Fill areas, in document order. */
  fillAreas: { node: PdfNode; column?: FillArea['column']; spareOnly: boolean }[];
  evenAreas: PdfNode[];
  /** For each footnote first referred to in a paragraph, that paragraph's id: its ↩ leads back there. */
  footnoteRefs: Map<number, string>;
  /** Ids made from heading text, to keep them unique. */
  autoIds: Set<string>;
  /** For each base of an automatic id, the number to try next. */
  autoIdNext: Map<string, number>;
  headerFields?: FieldSpec[];
  footerNote?: string;
  /** The id of the last heading: tick boxes and tick-box table rows under it are fields named after it. */
  section?: string;
  /** How many tick boxes each section has named so far. */
  ticks: Map<string, number>;
  /** The last rating row, which a following ::anchors line describes. */
  lastRating?: { label: string; choices: string[]; node: PdfNode; width: number; field?: Extract<FormField, { kind: 'radio' }> };
  formFields: FormField[];
}

/** Where a block is rendered: the document, and the column it goes in. */
interface State {
  options: RenderOptions;
  doc: DocumentState;
  /** Width of the column being filled, in points: the text area, a column, a list item's text. */
  width: number;
  /** Inside :::cover, headings also take the theme's cover1, cover2… styles. */
  inCover?: boolean;
}

const HEADING_ID = /\s*\{#([a-z0-9][a-z0-9-]*)\}\s*$/;

/** Records how a block keeps with a heading before it (keep.ts). */
function withKind<T extends PdfNode>(state: State, node: T, kind: BlockKind): T {
  state.doc.kinds.set(node, kind);
  return node;
}

function textLines(state: State, pieces: readonly Inline[], style = 'p'): number {
  return estimateLines(plainText(pieces), styleOf(state.options.theme, style), state.width);
}

/** The blocks of something narrower than the current column. */
const narrower = (state: State, by: number, tokens: readonly Token[]) => blocks(tokens, { ...state, width: state.width - by });

/** An id from a heading's text, unique in the document: "Risk & trade-offs" → "risk-trade-offs", then "-2"… */
function autoId(text: string, state: State): string | undefined {
  const base = slugify(text) || 'section';
  let id = base;
  // Numbered on from the last number this base took: many headings of one text would otherwise try every number again.
  let n = state.doc.autoIdNext.get(base) ?? 2;
  while (state.doc.autoIds.has(id) || state.doc.ids.has(id)) id = `${base}-${n++}`;
  state.doc.autoIdNext.set(base, n);
  state.doc.autoIds.add(id);
  return id;
}

/** A heading's Markdown without its `{#id}`, and that id. */
export function headingSource(token: Tokens.Heading): { text: string; id?: string } {
  const match = HEADING_ID.exec(token.text);
  return match ? { text: token.text.slice(0, match.index), id: match[1] } : { text: token.text };
}

function heading(token: Tokens.Heading, state: State): PdfNode {
  const source = headingSource(token);
  const text = source.text;
  const id = source.id ?? (state.options.source?.autoIds ? autoId(text, state) : undefined);
  const style = state.inCover ? [`h${token.depth}`, `cover${token.depth}`] : `h${token.depth}`;
  // The heading's own tokens (reference links resolved, HTML read), unless its `{#id}` is cut off the text.
  const pieces = source.id === undefined && token.tokens ? inlines(token.tokens) : inlineMarkdown(text);
  const align = (token as { align?: string }).align;
  const node: PdfNode = withKind(state, { text: pieces, style, headlineLevel: token.depth, ...(align ? { alignment: align } : {}) }, { kind: 'heading' });
  // An empty heading (`##` alone) has no line to bookmark: pdfmake would fail on it.
  if (!id || !plainText(pieces).trim()) return node;
  node.id = id;
  state.doc.section = id;
  state.doc.ids.add(id);
  if (token.depth <= 2) {
    node.outline = true;
    node.outlineId = id;
    // A bookmark is never wrapped: the no-break spaces that keep a heading's last words together are plain spaces there.
    node.outlineText = plainText(pieces).replace(/\u00a0/g, ' ');
    if (token.depth === 1) state.doc.outlineParent = id;
    else if (state.doc.outlineParent) node.outlineParentId = state.doc.outlineParent;
    if (state.options.toc) {
      node.tocItem = true;
      node.tocStyle = `toc${token.depth}`;
      node.tocNumberStyle = `toc${token.depth}`;
      // Parts stand apart; their entries are indented under them.
      node.tocMargin = token.depth === 1 ? [0, 5, 0, 1] : [12, 0, 0, 1];
    }
  }
  return node;
}

/** A section's next field name: `q3` → `q3.tick-1`, `q3.tick-2`…; before any heading, `tick-1`… */
function nextTickName(state: State): string {
  const section = state.doc.section ?? '';
  const n = (state.doc.ticks.get(section) ?? 0) + 1;
  state.doc.ticks.set(section, n);
  return section ? `${section}.tick-${n}` : `tick-${n}`;
}

/** A task list's tick box as a check box field, named after the section it is in. */
function tickField(state: State, marker: PdfNode, checked: boolean, text: string): void {
  const style = styleOf(state.options.theme, 'tick');
  const name = nextTickName(state);
  state.doc.formFields.push({ kind: 'check', name, spoken: spokenName(name, text.replace(/\s+/g, ' ').trim()), node: marker, checked, box: glyphBox(state.options.theme.tickBox, style), ascent: ascent(style) });
}

/** An alert of at most this many lines is kept on one page. */
const KEEP_ALERT_LINES = 16;

/** A list item longer than this many lines may break across pages. */
const KEEP_ITEM_LINES = 8;

/** A list item's text never gets narrower than this: deeper lists stop indenting. */
const MIN_LIST_TEXT_WIDTH = 100;

function list(token: Tokens.List, state: State): PdfNode {
  const theme = state.options.theme;
  const start = Number(token.start) || 1;
  const last = start + token.items.length - 1;
  const task = token.items.some((item) => item.task);
  // Lists are rows we lay out ourselves, so that each item can be kept whole.
  const [markerStyle, markerWidth] = task
    ? ['tick', textWidth(theme.tickBox, styleOf(theme, 'tick')) + 4]
    : token.ordered
      ? ['listMarker', textWidth(`${last}.`, styleOf(theme, 'listMarker')) + 5]
      : ['listMarker', 10];
  const drop = Math.max(0, (styleOf(theme, markerStyle).fontSize - styleOf(theme, 'p').fontSize) * ASCENT);
  const lines: number[] = [];
  // Lists nested so deep that one more indent would leave no room for text stop indenting.
  const indents = state.width - markerWidth - 2 >= MIN_LIST_TEXT_WIDTH;
  const rows = token.items.map((item, index) => {
    const marker = task ? theme.tickBox : token.ordered ? `${start + index}.` : '•';
    const itemLines = estimateLines(item.text, styleOf(theme, 'p'), state.width - markerWidth);
    lines.push(itemLines);
    // An item is a list item (`LI`) of a label (the number, bullet or tick box: `Lbl`) and a body (`LBody`).
    const row = indents
      ? markerRow([marker], markerStyle, markerWidth, narrower(state, markerWidth + 2, item.tokens), drop)
      : { stack: [{ text: marker, style: markerStyle }, { stack: blocks(item.tokens, state) }], margin: [0, 1, 0, 2] };
    const [label, body] = (row.columns ?? row.stack) as [PdfNode, PdfNode];
    tagged('LI', row);
    tagged('Lbl', label, item.task ? { alt: item.checked ? 'Done' : 'Not done' } : {});
    tagged('LBody', body);
    // An item is kept on one page, unless it is long (a table of contents' item with its whole sub-list): kept, it would leave most of a page blank.
    if (itemLines > KEEP_ITEM_LINES) delete row.unbreakable;
    if (item.task) tickField(state, label, item.checked === true, wordsOf(item.tokens));
    return row;
  });
  return withKind(state, tagged('L', { stack: rows, style: 'list' }), { kind: 'rows', lines });
}

const quoteLayout = (theme: Theme) => ({
  hLineWidth: () => 0,
  vLineWidth: (i: number) => (i === 0 ? 2 : 0),
  vLineColor: () => theme.colors.quoteBar ?? '#1f4e79',
  paddingLeft: () => 10,
  paddingRight: () => 0,
  paddingTop: () => 2,
  paddingBottom: () => 2,
});

const gridLayout = (theme: Theme) => ({
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => theme.colors.rule ?? '#a9b4c2',
  vLineColor: () => theme.colors.rule ?? '#a9b4c2',
  fillColor: (row: number) => (row === 0 ? theme.colors.tableHeader ?? null : null),
  paddingTop: () => 3,
  paddingBottom: () => 3,
});

/** A cell of one mark (a tick box): nothing to read, something to tick. */
const isMark = (text: string) => /^[^\p{L}\p{N}]{1,2}$/u.test(text.trim());

/** A table too wide for its column is set no smaller than this share of its type size. */
const MIN_TABLE_SCALE = 0.8;

/** Cell padding and rules of a table column, in points, beside its text. */
const COLUMN_PADDING = 10;

/**
 * A table whose rows are tick boxes ("tick one rating per competency"): each
 * row a radio group named after its section and first cell, each box a
 * choice named after its column's header.
 */
function markRowFields(state: State, token: Tokens.Table, rows: PdfNode[][], markColumns: readonly number[], markWidth: number): void {
  const theme = state.options.theme;
  const style = styleOf(theme, 'table');
  const box = glyphBox(theme.tickBox, style);
  // A mark is centred in its cell: its box starts half the spare width in.
  const offset = Math.max(0, (markWidth - textWidth(theme.tickBox, style)) / 2);
  const section = state.doc.section;
  token.rows.forEach((row, r) => {
    // The row's name: its first cell up to a " · " note or a line break ("**Security architecture** · *Q1, Q5*").
    const rowText = plainText(inlineMarkdown((row[0]?.text ?? '').split(/\s+·\s+|<br\s*\/?>/)[0]!)).trim();
    const label = slugify(rowText) || `row-${r + 1}`;
    const choices = markColumns.filter((c) => row[c]?.text.trim() === theme.tickBox).map((c) => ({ value: slugify(token.header[c]!.text), label: plainText(inlineMarkdown(token.header[c]!.text)), node: rows[r]![c]!, offset }));
    const name = section ? `${section}.${label}` : label;
    if (choices.length > 1) state.doc.formFields.push({ kind: 'radio', name, spoken: spokenName(name, rowText), choices, box, ascent: ascent(style) });
  });
}

/**
 * A table whose headers side by side are wider than the column, as several
 * tables of the columns that fit, each led by the first column (what each
 * row is about), so that no column runs off the page.
 */
function splitTable(token: Tokens.Table, state: State, widths: readonly number[]): PdfNode | undefined {
  const groups: number[][] = [];
  for (let column = 1; column < token.header.length; column++) {
    const group = groups.at(-1);
    const used = group ? widths[0]! + group.reduce((sum, c) => sum + widths[c]!, 0) : Infinity;
    if (group && used + widths[column]! <= state.width) group.push(column);
    else groups.push([column]);
  }
  if (groups.length < 2) return undefined;
  const part = (columns: number[]): Tokens.Table => ({
    ...token,
    header: [token.header[0]!, ...columns.map((c) => token.header[c]!)],
    align: [token.align[0] ?? null, ...columns.map((c) => token.align[c] ?? null)],
    rows: token.rows.map((row) => [row[0]!, ...columns.map((c) => row[c] ?? { text: '', tokens: [], header: false, align: null })]),
  });
  const total = token.header.length;
  const note = (columns: number[]) => ({ text: `Columns ${columns[0]! + 1}–${columns.at(-1)! + 1} of ${total}`, italics: true, fontSize: styleOf(state.options.theme, 'p').fontSize * 0.85, margin: [0, 2, 0, 2] });
  return { stack: groups.flatMap((columns) => [note(columns), table(part(columns), state, true)]) };
}

function table(token: Tokens.Table, state: State, split = false): PdfNode {
  const theme = state.options.theme;
  const headerStyle = styleOf(theme, 'tableHeader', { bold: true });
  // Widths from the text a header prints (a badge or a link's URL is not printed).
  const headerTexts = token.header.map((cell) => plainText(inlines(cell.tokens)));
  const sum = (widths: readonly number[]) => widths.reduce((total, w) => total + w, 0);
  const headerWidths = headerTexts.map((text) => textWidth(text, headerStyle) + COLUMN_PADDING);
  // Headers too wide side by side: the type shrinks (to a bound), then headers wrap at their spaces, and only then is the table split.
  const scale = Math.max(MIN_TABLE_SCALE, Math.min(1, state.width / sum(headerWidths)));
  const longestWords = headerTexts.map((text) => Math.max(0, ...text.split(/\s+/).map((word) => textWidth(word, headerStyle))) * scale + COLUMN_PADDING);
  if (!split && sum(longestWords) > state.width) {
    const parts = splitTable(token, state, headerWidths);
    if (parts) return withKind(state, parts, { kind: 'large' });
  }
  // Header cells never wrap, so that a column is at least as wide as its header, unless even that is too wide.
  const fits = sum(headerWidths) * scale <= state.width;

  // A column's alignment (`:--:`) as written; a column of tick boxes centred.
  const rows = token.rows.map((row) => row.map((cell, column) => ({ text: inlines(cell.tokens), alignment: isMark(cell.text) ? 'center' : (token.align[column] ?? undefined) })));
  const columns = token.header.map((_, column) => column);
  const cellText = (row: readonly Tokens.TableCell[], column: number) => row[column]?.text.trim() ?? '';
  // Columns to write in (no text, a dash at most) share the spare width equally.
  const blankColumns = columns.filter((c) => token.rows.length > 0 && token.rows.every((row) => /^[—–-]?$/.test(cellText(row, c))));
  // Columns of tick boxes share one width, that of their widest header.
  const markColumns = columns.filter((c) => !blankColumns.includes(c) && token.rows.length > 0 && token.rows.every((row) => isMark(cellText(row, c))));
  const headerWidth = (text: string) => textWidth(text, headerStyle) + 2;
  let markWidth = Math.max(0, ...markColumns.map((c) => headerWidth(token.header[c]!.text)));
  // Headers in full that would leave the text less than half the width wrap at their spaces ("Definitely / not").
  const wrapMarks = markColumns.length > 1 && (markWidth + COLUMN_PADDING) * markColumns.length > state.width / 2;
  if (wrapMarks) markWidth = Math.max(0, ...markColumns.flatMap((c) => token.header[c]!.text.split(/\s+/).map(headerWidth)));
  // Otherwise the text column with the most text takes the spare width.
  const textLength = (column: number) => [token.header, ...token.rows].reduce((sum, row) => sum + (row[column]?.text.length ?? 0), 0);
  const textColumns = columns.filter((c) => !markColumns.includes(c) && !blankColumns.includes(c));
  const widest = blankColumns.length ? -1 : textColumns.reduce((best, column) => (textLength(column) > textLength(best) ? column : best), textColumns[0] ?? 0);
  const header = token.header.map((cell, column) => ({ text: inlines(cell.tokens), style: 'tableHeader', noWrap: fits && !(wrapMarks && markColumns.includes(column)), alignment: token.align[column] ?? undefined }));
  const widths = columns.map((column) => (markColumns.includes(column) ? markWidth : column === widest || blankColumns.includes(column) ? '*' : 'auto'));
  if (markColumns.length > 1 && !markColumns.includes(0)) markRowFields(state, token, rows, markColumns, markWidth);
  const shrunk = scale < 1 ? { fontSize: styleOf(theme, 'table').fontSize * scale } : {};
  if (scale < 1) for (const cell of header) Object.assign(cell, { fontSize: headerStyle.fontSize * scale });
  // The last two rows go over a page together: never one row alone under the repeated header (patches/: keepLastRows).
  const keepLast = rows.length >= 3 ? { keepLastRows: 2 } : {};
  // A data table: its first row is header cells (`TH`, for the column), the rest `TD` (structure.ts).
  const node = tagged('Table', { table: { headerRows: 1, widths, body: [header, ...rows], dontBreakRows: true, ...keepLast }, layout: gridLayout(theme), style: 'table', ...shrunk });
  return withKind(state, node, token.rows.length <= 6 ? { kind: 'small' } : { kind: 'large' });
}

function lineDirective(token: LineDirectiveToken, state: State): PdfNode | 'pagebreak' | undefined {
  const theme = state.options.theme;
  const small = <T extends PdfNode>(node: T) => withKind(state, node, { kind: 'small' });
  switch (token.name) {
    case 'pagebreak':
      return 'pagebreak';
    case 'stack':
    case 'bars': {
      const [head = '', ...specs] = splitArgs(token.args);
      const categories = head.split(',').map((c) => c.trim()).filter(Boolean);
      const range = /^(-?\d+(?:\.\d+)?)\s+to\s+(-?\d+(?:\.\d+)?)$/.exec(head);
      if (token.name === 'stack' ? categories.length < 2 : !range || Number(range[1]) >= Number(range[2])) {
        throw new RenderError(token.name === 'stack' ? '::stack starts with its categories: "::stack A, B, C | Row = 1, 2, 3"' : '::bars starts with its range: "::bars -2 to 2 | Row = 0.5"', token.raw);
      }
      const rows = specs.map((spec) => parseChartRow(spec, token.name === 'stack' ? categories.length : 1));
      const wrong = rows.find((row): row is string => typeof row === 'string');
      if (wrong) throw new RenderError(wrong, token.raw);
      const ok = rows as ChartRow[];
      return small(token.name === 'stack' ? stackedBars(categories, ok, theme, state.width) : divergingBars(Number(range![1]), Number(range![2]), ok, theme, state.width));
    }
    case 'toc':
      return { toc: { title: { text: token.args || 'Contents', style: 'tocTitle' } } };
    case 'lines': {
      const { args, name } = fieldName(token.args);
      const [countArg, mode, ...rest] = args.split(/\s+/).filter(Boolean);
      const count = Number(countArg ?? 3);
      // 0 only with fill: room to write where the page has it to spare, and nothing where it has not.
      const least = mode === 'fill' && !name ? 0 : 1;
      if (!Number.isInteger(count) || count < least || count > 40 || rest.length || (mode !== undefined && mode !== 'fill' && mode !== 'even')) {
        throw new RenderError(`::lines takes a whole number from 1 to 40 (0 with "fill" and no #name), then optionally "fill" or "even" and "#name", not "${token.args}"`, token.raw);
      }
      const plan = state.options.fill;
      const extra = mode === 'fill' ? (plan?.shares?.[state.doc.fillAreas.length] ?? 0) : mode === 'even' ? (plan?.even ?? 0) : 0;
      const ruled = count === 0 && extra < FEWEST_SPARE_LINES ? 0 : count + extra;
      // An area of no lines at first takes no room; drawn, it takes only its lines (its share was measured so).
      const area = small(ruled === 0 ? marker() : count === 0 ? { ...ruledLines(ruled, state.width, theme), margin: [0, 0, 0, 0] } : ruledLines(ruled, state.width, theme));
      if (mode === 'fill') state.doc.fillAreas.push({ node: area, spareOnly: count === 0 });
      if (mode === 'even') state.doc.evenAreas.push(area);
      if (name) {
        const fontSize = styleOf(theme, 'p').fontSize;
        state.doc.formFields.push({ kind: 'text', name, spoken: spokenName(name), node: area, width: state.width, height: (count + extra) * theme.writeLineGap + 2, multiline: count + extra > 1, fontSize });
      }
      return area;
    }
    case 'rating': {
      const { args, name } = fieldName(token.args);
      const parts = splitArgs(args);
      const labelled = /^(.+?):\s+(.*)$/.exec(parts[0] ?? '');
      const label = labelled ? labelled[1]! : '';
      const choices = labelled ? [labelled[2]!, ...parts.slice(1)].filter(Boolean) : parts;
      if (!choices.length) throw new RenderError('::rating needs its choices: "::rating Label: A | B | C"', token.raw);
      const row = ratingRow(label, choices, [], theme, state.width);
      const node = small(row.node);
      let field: Extract<FormField, { kind: 'radio' }> | undefined;
      if (name) {
        const boxStyle = styleOf(theme, 'ratingBox');
        field = { kind: 'radio', name, spoken: spokenName(name, label), choices: row.choiceCells.map((cell, i) => ({ value: slugify(choices[i]!), label: choices[i]!, node: cell })), box: glyphBox(theme.tickBox, boxStyle), ascent: ascent(boxStyle) };
        state.doc.formFields.push(field);
      }
      state.doc.lastRating = { label, choices, node, width: state.width, field };
      return node;
    }
    case 'anchors': {
      const rating = state.doc.lastRating;
      if (!rating) throw new RenderError('::anchors describes the ::rating row just above it, and there is none', token.raw);
      const anchors: Anchor[] = [];
      for (const spec of splitArgs(token.args)) {
        const anchor = parseAnchor(spec, rating.choices);
        if (typeof anchor === 'string') throw new RenderError(anchor, token.raw);
        anchors.push(anchor);
      }
      // The anchors become the rating table's second row.
      const row = ratingRow(rating.label, rating.choices, anchors, theme, rating.width);
      Object.assign(rating.node, row.node);
      if (rating.field) rating.field.choices = rating.field.choices.map((choice, i) => ({ ...choice, node: row.choiceCells[i]! }));
      state.doc.lastRating = undefined;
      return undefined;
    }
    case 'fields': {
      const table = fields(splitArgs(token.args).map(parseField), theme, state.width);
      // A blank to fill in is a form field named after its label: "candidate", "date"…
      for (const blank of table.blanks) state.doc.formFields.push({ kind: 'text', name: slugify(blank.label), spoken: blank.label, node: blank.cell, width: blank.width, height: blank.height, multiline: false, fontSize: styleOf(theme, 'p').fontSize });
      return small(table.node);
    }
    case 'header':
      state.doc.headerFields = splitArgs(token.args).map(parseField);
      return undefined;
    case 'footer':
      state.doc.footerNote = plainText(inlineMarkdown(token.args));
      return undefined;
    case 'spacer':
      return small({ text: '', margin: [0, Number(token.args) || 8, 0, 0] });
    case 'ref': {
      const [target, label] = splitArgs(token.args);
      if (!target || !label) throw new RenderError(`::ref needs "target-id | text", not "${token.args}"`, token.raw);
      state.doc.refs.push({ target, raw: token.raw });
      // A row: the label wraps in its column, the page number never does; one paragraph to a reader.
      return small(tagged('P', {
        columns: [
          { text: ['→ ', ...inlineMarkdown(label)], width: '*' },
          // The page number links to the page; it says where to in words (`/Contents`).
          { text: ['page ', { pageReference: target, tag: { type: 'Link', alt: `Go to ${plainText(inlineMarkdown(label))}` } }], width: 'auto', noWrap: true },
        ],
        columnGap: 10,
        style: 'ref',
      }));
    }
    case 'column':
      throw new RenderError('::column belongs inside :::columns', token.raw);
    default:
      throw new RenderError(`unknown directive "::${token.name}"`, token.raw);
  }
}

const COLUMN_GAP = 18;

/** Fill areas in columns: a marker at the end of every column tells how much room the area has beside the others (fill.ts). */
function markColumnEnds(columns: { stack: PdfNode[] }[], areas: DocumentState['fillAreas']): void {
  if (areas.length === 0) return;
  const ends = columns.map((column) => {
    const end = marker();
    column.stack.push(end);
    return end;
  });
  for (const area of areas) {
    const own = columns.findIndex((column) => contains(column.stack, area.node));
    if (own >= 0) area.column = { own: ends[own]!, others: ends.filter((_, i) => i !== own) };
  }
}

/** `:::columns 60% 40%`: each column's share of the width; without shares, equal columns. */
function columnWidths(token: ContainerDirectiveToken, count: number, width: number): number[] {
  const shares = token.args.split(/\s+/).filter(Boolean);
  if (shares.length === 0) return Array.from({ length: count }, () => width / count);
  const percents = shares.map((share) => (/^\d+(?:\.\d+)?%$/.test(share) ? Number(share.slice(0, -1)) : NaN));
  const total = percents.reduce((sum, p) => sum + p, 0);
  if (percents.length !== count || percents.some((p) => !(p > 0)) || Math.abs(total - 100) > 0.5) {
    throw new RenderError(`:::columns takes one percentage per column adding up to 100% (here ${count} columns), not "${token.args}"`, token.raw.split('\n')[0]);
  }
  return percents.map((p) => (width * p) / 100);
}

function containerDirective(token: ContainerDirectiveToken, state: State): PdfNode {
  if (token.unclosed) throw new RenderError(`":::${token.name}" is never closed: end it with a line ":::"`, token.raw.split('\n')[0]);
  switch (token.name) {
    case 'keep':
      // Kept on one page; one taller than a page flows on from a new page (patches/). A heading before it moves with it, whole:
      // kept with it only by its first lines (keepWithNext), a heading sent to the next page left that page blank.
      return withKind(state, { stack: blocks(token.tokens, state), unbreakable: true }, { kind: 'small' });
    case 'cover': {
      const content = blocks(token.tokens, { ...state, inCover: true });
      return { stack: content, style: 'cover', pageBreak: 'after' };
    }
    case 'columns': {
      const parts: Token[][] = [[]];
      for (const inner of token.tokens) {
        if (inner.type === 'lineDirective' && (inner as LineDirectiveToken).name === 'column') parts.push([]);
        else parts.at(-1)!.push(inner);
      }
      const widths = columnWidths(token, parts.length, state.width - COLUMN_GAP * (parts.length - 1));
      const areasBefore = state.doc.fillAreas.length;
      const columns = parts.map((part, i) => ({ stack: blocks(part, { ...state, width: widths[i]! }), width: widths[i] }));
      markColumnEnds(columns, state.doc.fillAreas.slice(areasBefore));
      return withKind(state, { columns, columnGap: COLUMN_GAP }, { kind: 'large' });
    }
    case 'note': {
      if (!token.args) throw new RenderError(':::note needs a label: ":::note Red flag"', token.raw.split('\n')[0]);
      const label = decodeEntities(token.args);
      const content = narrower(state, textWidth(label, styleOf(state.options.theme, 'noteLabel')) + 7, token.tokens);
      return withKind(state, note(label, content, state.options.theme), { kind: 'small' });
    }
    default:
      throw new RenderError(`unknown directive ":::${token.name}"`, token.raw.split('\n')[0]);
  }
}

function block(token: Token, state: State): PdfNode | 'pagebreak' | undefined {
  switch (token.type) {
    case 'heading':
      return heading(token as Tokens.Heading, state);
    case 'paragraph': {
      const lone = loneImage(token as Tokens.Paragraph);
      const shown = lone ? state.options.source?.image?.(lone.href, lone.text) : undefined;
      if (shown) return image(shown, lone!.text, state);
      const text = inlines(token.tokens, token.text);
      const align = (token as { align?: string }).align;
      // Never one line of a paragraph alone at the foot or head of a page (patches/).
      const node: PdfNode = { text, style: 'p', orphans: 2, widows: 2, ...(align ? { alignment: align } : {}) };
      // The first paragraph to refer to a note is where the note's ↩ leads back to.
      const refs = (token.tokens ?? []).flatMap((t) => (t.type === 'footnoteRef' && (t as unknown as FootnoteRefToken).number !== undefined ? [(t as unknown as FootnoteRefToken).number!] : []));
      const first = refs.filter((n) => !state.doc.footnoteRefs.has(n));
      if (first.length) {
        for (const n of first) state.doc.footnoteRefs.set(n, footnoteRefId(first[0]!));
        node.id = footnoteRefId(first[0]!);
      }
      return withKind(state, node, { kind: 'text', lines: textLines(state, text) });
    }
    case 'text':
      return { text: inlines('tokens' in token ? token.tokens : undefined, token.text), orphans: 2, widows: 2 };
    case 'list':
      return list(token as Tokens.List, state);
    case 'blockquote': {
      const alert = alertOf(token as Tokens.Blockquote);
      if (alert) {
        const box = alertBox(alert, blocks(alert.tokens, { ...state, width: state.width - 16 }));
        // A short alert is kept on one page, as a code block is; a long one runs on.
        if (estimateLines(token.text ?? '', styleOf(state.options.theme, 'p'), state.width - 16) <= KEEP_ALERT_LINES) box.unbreakable = true;
        return withKind(state, box, { kind: 'small' });
      }
      const content = narrower(state, 12, token.tokens ?? []);
      const node = tagged('BlockQuote', { table: { widths: ['*'], body: [[{ stack: content, style: 'quote' }]] }, layout: quoteLayout(state.options.theme), margin: [0, 2, 0, 8] });
      const lines = estimateLines(token.text ?? '', styleOf(state.options.theme, 'quote'), state.width - 12);
      return withKind(state, node, { kind: 'text', lines });
    }
    case 'table':
      return table(token as Tokens.Table, state);
    case 'hr':
      return { canvas: [{ type: 'line', x1: 0, y1: 4, x2: state.width, y2: 4, lineWidth: 0.5, lineColor: state.options.theme.colors.rule }], margin: [0, 4, 0, 10] };
    case 'code': {
      const code = codeBlock(token.text, (token as Tokens.Code).lang ?? '', state.width, state.options.theme);
      // A block kept on one page moves whole with a heading before it; a longer one flows after the heading's first lines.
      return withKind(state, tagged('Code', code.node), code.node.unbreakable ? { kind: 'small' } : { kind: 'large' });
    }
    case 'htmlBlock': {
      const html = token as unknown as HtmlBlockToken;
      const content = blocks(html.tokens, state);
      return withKind(state, tagged('Div', { stack: content, ...(html.align ? { alignment: html.align } : {}) }), { kind: 'large' });
    }
    case 'footnote':
      // Printed at the end of the document (footnotesSection).
      return undefined;
    case 'space':
    case 'def':
    case 'checkbox':
      return undefined;
    case 'lineDirective':
      return taggable(lineDirective(token as LineDirectiveToken, state), token);
    case 'containerDirective':
      return taggable(containerDirective(token as ContainerDirectiveToken, state), token);
    default:
      return { text: decodeEntities(token.raw), style: 'p' };
  }
}

/** A directive's content, refused (at the template's line) if a screen reader could not be given its text (structure.ts). */
function taggable<T>(node: T, token: Token): T {
  const why = untaggable(node);
  if (why) throw new RenderError(`::${(token as Token & { name: string }).name} makes ${why}`, token.raw.split('\n')[0]);
  return node;
}

/** A paragraph that is one image: at its own size, shrunk to fit the column and most of a page. */
function image({ url, svg, width, height }: SourceImage, alt: string, state: State): PdfNode {
  const picture = svg ? { svg } : { image: url };
  // A figure is read by its alt text; one without any is drawn as an artifact (render warns of it: markdownFiles.ts).
  const described = alt.trim() ? { tag: { type: 'Figure', alt: alt.trim() } } : {};
  return withKind(state, { ...picture, ...described, fit: [Math.min(width, state.width), Math.min(height, 480)], alignment: 'center', margin: [0, 2, 0, 8] }, { kind: 'small' });
}

const kindOf = (state: State) => (node: PdfNode): BlockKind => state.doc.kinds.get(node) ?? { kind: 'small' };

function blocks(tokens: readonly Token[], state: State): PdfNode[] {
  const nodes: PdfNode[] = [];
  let breakNext = false;
  for (const token of tokens) {
    const node = block(token, state);
    if (node === 'pagebreak') breakNext = nodes.length > 0 || breakNext;
    else if (node) {
      if (breakNext) node.pageBreak = 'before';
      breakNext = false;
      nodes.push(node);
    }
  }
  return keepHeadingsWithText(nodes, kindOf(state));
}

/** The notes at the end of the document, after a short rule: each numbered, its ↩ leading back to where it is first referred to. */
function footnotesSection(notes: readonly FootnoteToken[], state: State): PdfNode {
  const theme = state.options.theme;
  const fontSize = styleOf(theme, 'small').fontSize;
  const numberWidth = textWidth(`${notes.length}.`, { ...styleOf(theme, 'p'), fontSize }) + 6;
  const rows = notes.map((note) => {
    const n = note.number!;
    const paragraph = state.doc.footnoteRefs.get(n);
    const back = paragraph ? [{ text: '↩', linkToDestination: paragraph, color: theme.colors.accent, width: 10 }] : [];
    return tagged('Note', { columns: [{ text: `${n}.`, width: numberWidth, id: footnoteId(n), tag: { type: 'Lbl' } }, { stack: blocks(note.tokens, { ...state, width: state.width - numberWidth - 12 }), width: '*' }, ...back], columnGap: 2, fontSize });
  });
  const rule = { canvas: [{ type: 'line', x1: 0, y1: 0, x2: Math.min(120, state.width), y2: 0, lineWidth: 0.5, lineColor: theme.colors.rule }], margin: [0, 10, 0, 6] };
  return withKind(state, tagged('Div', { stack: [rule, ...rows] }), { kind: 'large' });
}

/** Does `node` hold `target` anywhere inside it? */
function contains(node: unknown, target: PdfNode): boolean {
  if (node === target) return true;
  if (!node || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((child) => contains(child, target));
  const n = node as PdfNode;
  return ['stack', 'columns'].some((key) => contains(n[key], target)) || (n.table ? contains((n.table as PdfNode).body, target) : false);
}

export function tokensToPdfmake(tokens: readonly Token[], options: RenderOptions): RenderedContent {
  const state: State = { options, width: options.contentWidth, doc: { ids: new Set(), refs: [], kinds: new WeakMap(), fillAreas: [], evenAreas: [], ticks: new Map(), formFields: [], autoIds: new Set(), autoIdNext: new Map(), footnoteRefs: new Map() } };
  const notes = numberFootnotes(tokens);
  const content = blocks(tokens, state);
  if (notes.length) content.push(footnotesSection(notes, state));
  // Each field's widget sits in the structure at its node, in a Form element the fillable step hangs it under (src/forms/).
  for (const field of state.doc.formFields) {
    if (field.kind === 'radio') for (const choice of field.choices) choice.node.formTag = { type: 'Form', field: formElementKey(field.name, choice.value), alt: choice.label };
    else field.node.formTag = { type: 'Form', field: formElementKey(field.name), alt: field.spoken };
  }
  // pdfmake fails on a page reference to nowhere with no word of where it is.
  const dangling = state.doc.refs.find((ref) => !state.doc.ids.has(ref.target));
  if (dangling) throw new RenderError(`::ref points at "${dangling.target}", but no heading has {#${dangling.target}}`, dangling.raw);
  return {
    content,
    headerFields: state.doc.headerFields ? () => headerFields(state.doc.headerFields!, options.theme) : undefined,
    footerNote: state.doc.footerNote,
    fillAreas: state.doc.fillAreas.map((area) => ({ block: content.findIndex((node) => contains(node, area.node)), column: area.column, spareOnly: area.spareOnly })),
    evenAreas: state.doc.evenAreas,
    formFields: state.doc.formFields,
  };
}
