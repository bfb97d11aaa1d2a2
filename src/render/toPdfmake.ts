// marked tokens into pdfmake content nodes. One function per kind of token;
// the directives become the layout pieces a pen-and-paper packet needs.
import { Lexer, type Token, type Tokens } from 'marked';
import { splitArgs, type ContainerDirectiveToken, type LineDirectiveToken } from './directives.js';
import { decodeEntities } from './markdown.js';
import type { Theme } from './theme.js';

/** A pdfmake content node, kept loose: pdfmake itself checks the shape. */
export type PdfNode = Record<string, unknown>;
type Inline = string | PdfNode;

export interface RenderOptions {
  theme: Theme;
  /** Headings go into a table of contents (the document has `::toc`). */
  toc: boolean;
  /** Width of the text area in points, for rules drawn across it. */
  contentWidth: number;
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

interface State {
  options: RenderOptions;
  /** Counts :::keep blocks, to name their markers. */
  keeps: number;
  /** Inside :::cover, headings also take the theme's cover1, cover2… styles. */
  inCover?: boolean;
  /** The id of the last level-1 heading, parent of level-2 bookmarks. */
  outlineParent?: string;
  /** Heading ids, and the ::ref directives that point at them. */
  ids: Set<string>;
  refs: { target: string; raw: string }[];
}

const HEADING_ID = /\s*\{#([a-z0-9][a-z0-9-]*)\}\s*$/;

type InlineStyle = Record<string, unknown>;

/** Inline tokens as a flat run of styled pieces: pdfmake does not carry styles into nested text arrays. */
function inlines(tokens: readonly Token[] | undefined, fallback = '', style: InlineStyle = {}): Inline[] {
  const piece = (text: string): Inline => (Object.keys(style).length ? { text, ...style } : text);
  if (!tokens) return [piece(decodeEntities(fallback))];
  return tokens.flatMap((token): Inline[] => {
    switch (token.type) {
      case 'text':
        return 'tokens' in token && token.tokens?.length ? inlines(token.tokens, '', style) : [piece(decodeEntities(token.text))];
      case 'escape':
        return [piece(decodeEntities(token.text))];
      case 'strong':
        return inlines(token.tokens, token.text, { ...style, bold: true });
      case 'em':
        return inlines(token.tokens, token.text, { ...style, italics: true });
      case 'del':
        return inlines(token.tokens, token.text, { ...style, decoration: 'lineThrough' });
      case 'codespan':
        return [{ text: decodeEntities(token.text), ...style, background: '#f0f2f5' }];
      case 'br':
        return ['\n'];
      case 'link':
        return inlines(token.tokens, token.text, { ...style, link: token.href, decoration: 'underline' });
      case 'checkbox':
        return [];
      default:
        return [piece(decodeEntities(token.raw))];
    }
  });
}

function heading(token: Tokens.Heading, state: State): PdfNode {
  const match = HEADING_ID.exec(token.text);
  const id = match?.[1];
  const text = match ? token.text.slice(0, match.index) : token.text;
  const style = state.inCover ? [`h${token.depth}`, `cover${token.depth}`] : `h${token.depth}`;
  const node: PdfNode = { text: inlines(Lexer.lexInline(text)), style, headlineLevel: token.depth };
  if (!id) return node;
  node.id = id;
  state.ids.add(id);
  if (token.depth <= 2) {
    node.outline = true;
    node.outlineId = id;
    node.outlineText = decodeEntities(text.replace(/[*_`]/g, ''));
    if (token.depth === 1) state.outlineParent = id;
    else if (state.outlineParent) node.outlineParentId = state.outlineParent;
    if (state.options.toc) {
      node.tocItem = true;
      node.tocStyle = `toc${token.depth}`;
    }
  }
  return node;
}

function tickRow(content: PdfNode[], theme: Theme): PdfNode {
  return { columns: [{ text: theme.tickBox, style: 'tick', width: 16 }, { stack: content, width: '*' }], columnGap: 2, margin: [0, 1, 0, 3] };
}

function list(token: Tokens.List, state: State): PdfNode {
  const items = token.items.map((item) => blocks(item.tokens, state));
  if (token.items.some((item) => item.task)) {
    return { stack: items.map((content) => tickRow(content, state.options.theme)), style: 'list' };
  }
  const stacks = items.map((content) => ({ stack: content }));
  return token.ordered ? { ol: stacks, start: Number(token.start) || 1, style: 'list' } : { ul: stacks, style: 'list' };
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
  paddingTop: () => 4,
  paddingBottom: () => 4,
});

function table(token: Tokens.Table, state: State): PdfNode {
  const header = token.header.map((cell) => ({ text: inlines(cell.tokens), style: 'tableHeader' }));
  // A cell of one mark (a tick box) sits in the middle of its column.
  const rows = token.rows.map((row) => row.map((cell) => ({ text: inlines(cell.tokens), alignment: /^[^\p{L}\p{N}]{1,2}$/u.test(cell.text.trim()) ? 'center' : undefined })));
  // The column with the most text takes the spare width.
  const textLength = (column: number) => [token.header, ...token.rows].reduce((sum, row) => sum + (row[column]?.text.length ?? 0), 0);
  const widest = header.reduce((best, _, column) => (textLength(column) > textLength(best) ? column : best), 0);
  const widths = header.map((_, column) => (column === widest ? '*' : 'auto'));
  return { table: { headerRows: 1, widths, body: [header, ...rows], dontBreakRows: true }, layout: gridLayout(state.options.theme), style: 'table' };
}

function ruledLines(count: number, options: RenderOptions): PdfNode {
  const gap = options.theme.writeLineGap;
  const line = (y: number) => ({ type: 'line', x1: 0, y1: y, x2: options.contentWidth, y2: y, lineWidth: 0.5, lineColor: options.theme.colors.rule });
  return { canvas: Array.from({ length: count }, (_, i) => line(gap * (i + 1))), margin: [0, 0, 0, 8] };
}

/** `Label` is a blank to write on; `Label = value` comes filled in. */
function fields(specs: string[], theme: Theme): PdfNode {
  const none = [false, false, false, false];
  const cell = (spec: string | undefined) => {
    if (!spec) return [{ text: '', border: none }, { text: '', border: none }];
    const [label, ...value] = spec.split('=');
    return [
      { text: `${label!.trim()}:`, style: 'field', border: none },
      { text: value.join('=').trim() || ' ', border: [false, false, false, true], margin: [2, 6, 0, 0] },
    ];
  };
  const body: unknown[][] = [];
  for (let i = 0; i < specs.length; i += 2) body.push([...cell(specs[i]), ...cell(specs[i + 1])]);
  return {
    table: { widths: ['auto', '*', 'auto', '*'], body },
    layout: { hLineWidth: () => 0.6, vLineWidth: () => 0, hLineColor: () => theme.colors.rule, paddingTop: () => 4, paddingBottom: () => 2 },
    margin: [0, 0, 0, 10],
  };
}

function lineDirective(token: LineDirectiveToken, state: State): PdfNode | 'pagebreak' {
  const theme = state.options.theme;
  switch (token.name) {
    case 'pagebreak':
      return 'pagebreak';
    case 'toc':
      return { toc: { title: { text: token.args || 'Contents', style: 'tocTitle' } } };
    case 'lines': {
      const count = Number(token.args || 3);
      if (!Number.isInteger(count) || count < 1 || count > 40) throw new RenderError(`::lines takes a whole number from 1 to 40, not "${token.args}"`, token.raw);
      return ruledLines(count, state.options);
    }
    case 'rating':
      return { columns: splitArgs(token.args).map((label) => ({ text: [{ text: `${theme.tickBox} `, style: 'tick' }, label], width: 'auto' })), columnGap: 16, style: 'rating' };
    case 'fields':
      return fields(splitArgs(token.args), theme);
    case 'spacer':
      return { text: '', margin: [0, Number(token.args) || 8, 0, 0] };
    case 'ref': {
      const [target, label] = splitArgs(token.args);
      if (!target || !label) throw new RenderError(`::ref needs "target-id | text", not "${token.args}"`, token.raw);
      state.refs.push({ target, raw: token.raw });
      return { text: ['→ ', label, ', page ', { pageReference: target }], style: 'ref' };
    }
    case 'column':
      throw new RenderError('::column belongs inside :::columns', token.raw);
    default:
      throw new RenderError(`unknown directive "::${token.name}"`, token.raw);
  }
}

function containerDirective(token: ContainerDirectiveToken, state: State): PdfNode {
  switch (token.name) {
    case 'keep': {
      // Two invisible markers the page-break check looks for (see document.ts).
      const id = `keep-${++state.keeps}`;
      const marker = (suffix: string) => ({ text: ' ', id: `${id}-${suffix}`, fontSize: 1, lineHeight: 1 });
      return { stack: [marker('start'), ...blocks(token.tokens, state), marker('end')] };
    }
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
      return { columns: parts.map((part) => ({ stack: blocks(part, state), width: '*' })), columnGap: 18 };
    }
    default:
      throw new RenderError(`unknown directive ":::${token.name}"`, token.raw.split('\n')[0]);
  }
}

function block(token: Token, state: State): PdfNode | 'pagebreak' | undefined {
  switch (token.type) {
    case 'heading':
      return heading(token as Tokens.Heading, state);
    case 'paragraph':
      return { text: inlines(token.tokens, token.text), style: 'p' };
    case 'text':
      return { text: inlines('tokens' in token ? token.tokens : undefined, token.text) };
    case 'list':
      return list(token as Tokens.List, state);
    case 'blockquote':
      return { table: { widths: ['*'], body: [[{ stack: blocks(token.tokens ?? [], state), style: 'quote' }]] }, layout: quoteLayout(state.options.theme), margin: [0, 2, 0, 8] };
    case 'table':
      return table(token as Tokens.Table, state);
    case 'hr':
      return { canvas: [{ type: 'line', x1: 0, y1: 4, x2: state.options.contentWidth, y2: 4, lineWidth: 0.5, lineColor: state.options.theme.colors.rule }], margin: [0, 4, 0, 10] };
    case 'code':
      return { text: token.text, style: 'p', preserveLeadingSpaces: true };
    case 'space':
    case 'def':
    case 'checkbox':
      return undefined;
    case 'lineDirective':
      return lineDirective(token as LineDirectiveToken, state);
    case 'containerDirective':
      return containerDirective(token as ContainerDirectiveToken, state);
    default:
      return { text: decodeEntities(token.raw), style: 'p' };
  }
}

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
  return nodes;
}

export function tokensToPdfmake(tokens: readonly Token[], options: RenderOptions): PdfNode[] {
  const state: State = { options, keeps: 0, ids: new Set(), refs: [] };
  const content = blocks(tokens, state);
  // pdfmake fails on a page reference to nowhere with no word of where it is.
  const dangling = state.refs.find((ref) => !state.ids.has(ref.target));
  if (dangling) throw new RenderError(`::ref points at "${dangling.target}", but no heading has {#${dangling.target}}`, dangling.raw);
  return content;
}

/** For the start marker of a :::keep block, the id of its end marker. */
export function keepEndId(id: string): string | undefined {
  return /^keep-\d+-start$/.test(id) ? id.replace(/-start$/, '-end') : undefined;
}
