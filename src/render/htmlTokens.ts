// HTML inside Markdown as the Markdown it stands for, the way GitHub shows
// it: a pass over marked's tokens that turns each `html` token into
// headings, paragraphs, lists, tables, code, images and links, and inline
// tags into styled runs, so that every later stage (ids, contents, images,
// layout, fonts) serves them as it serves Markdown. Comments, `<script>` and
// `<style>` print nothing; any other tag is dropped with its text kept; no
// tag is ever printed as text.
import type { Token, Tokens } from 'marked';
import { parseHtmlBlock, parseInlineTag, textOf, type ChildNode, type Element } from './html.js';

/** Inline HTML with a look of its own: `<kbd>`, `<sup>`, `<sub>`, `<u>`, `<mark>`, `<code>`… */
export interface HtmlInlineToken {
  type: 'htmlInline';
  raw: string;
  tag: string;
  tokens: Token[];
}

/** A block of HTML holding Markdown: `<div align="center">`, `<details>`. */
export interface HtmlBlockToken {
  type: 'htmlBlock';
  raw: string;
  tag: string;
  align?: 'center' | 'right';
  tokens: Token[];
}

/** Text already decoded by the HTML parser: printed as it is, entities not read again. */
export interface HtmlTextToken {
  type: 'htmlText';
  raw: string;
  text: string;
}

/** Inline tags whose look the renderer gives (inlines.ts); others are dropped, their text kept. */
const STYLED = new Set(['kbd', 'code', 'tt', 'samp', 'var', 'sup', 'sub', 'u', 'ins', 'mark', 'small', 'abbr']);
/** Elements whose content never prints (GitHub strips them). */
const HIDDEN = new Set(['script', 'style', 'template', 'head', 'title', 'noembed', 'iframe', 'object']);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'body', 'html',
]);
/** Blocks that, left open in one HTML block, hold the Markdown after it up to their closing tag. */
const CONTAINERS = new Set(['div', 'center', 'details', 'section', 'article', 'aside', 'header', 'footer', 'main', 'nav', 'figure', 'blockquote']);

const isElement = (node: ChildNode): node is Element => node.type === 'tag' || node.type === 'script' || node.type === 'style';

/** `align="center"`, `<center>`: how a block's content is set. */
function alignOf(element: Element): 'center' | 'right' | undefined {
  if (element.name === 'center') return 'center';
  const align = (element.attribs.align ?? '').trim().toLowerCase();
  return align === 'center' || align === 'middle' ? 'center' : align === 'right' ? 'right' : undefined;
}

/** White space as a browser collapses it. */
const collapse = (text: string) => text.replace(/[ \t\n\r\f]+/g, ' ');

const text = (value: string): HtmlTextToken => ({ type: 'htmlText', raw: value, text: value });

/** The plain text of inline tokens, for a heading's id and a cell's width. */
function plainOf(tokens: readonly Token[]): string {
  return tokens.map((t) => ('tokens' in t && Array.isArray(t.tokens) ? plainOf(t.tokens as Token[]) : t.type === 'htmlText' || t.type === 'text' || t.type === 'codespan' ? (t as { text: string }).text : '')).join('');
}

function inlineElement(element: Element): Token[] {
  const name = element.name;
  if (HIDDEN.has(name)) return [];
  const children = () => inlineNodes(element.children as ChildNode[]);
  switch (name) {
    case 'br':
      return [{ type: 'br', raw: '' } as Tokens.Br];
    case 'img': {
      const src = element.attribs.src ?? '';
      return src ? [{ type: 'image', raw: '', href: src, text: element.attribs.alt ?? '', title: element.attribs.title ?? null, tokens: [] } as unknown as Tokens.Image] : [];
    }
    case 'picture': {
      // Its fallback `<img>`; the `<source>`s are for screens.
      const img = (element.children as ChildNode[]).find((c): c is Element => isElement(c) && c.name === 'img');
      return img ? inlineElement(img) : [];
    }
    case 'a': {
      const tokens = children();
      const href = element.attribs.href;
      return href ? [{ type: 'link', raw: '', href, title: null, text: plainOf(tokens), tokens } as Tokens.Link] : tokens;
    }
    case 'input':
      return element.attribs.type === 'checkbox' ? [text(element.attribs.checked !== undefined ? '☑ ' : '☐ ')] : [];
    default:
      // A block inside a line (a `<div>` in a table cell): its own line.
      if (BLOCKS.has(name)) return [...children(), { type: 'br', raw: '' } as Tokens.Br];
      return wrapInline(name, children());
  }
}

/** HTML nodes inside a line of text as inline tokens. */
function inlineNodes(nodes: readonly ChildNode[]): Token[] {
  return nodes.flatMap((node): Token[] => {
    if (node.type === 'text') return [text(collapse(node.data))];
    return isElement(node) ? inlineElement(node) : [];
  });
}

/** Inline tokens without the white space at their two ends, as a browser sets a block's first and last words. */
function trimmed(tokens: Token[]): Token[] {
  while (tokens.length && (tokens.at(-1)!.type === 'br' || (tokens.at(-1)!.type === 'htmlText' && !(tokens.at(-1) as HtmlTextToken).text.trim()))) tokens.pop();
  const first = tokens[0];
  if (first?.type === 'htmlText') (first as HtmlTextToken).text = (first as HtmlTextToken).text.trimStart();
  const last = tokens.at(-1);
  if (last?.type === 'htmlText') (last as HtmlTextToken).text = (last as HtmlTextToken).text.trimEnd();
  return tokens;
}

/** Whether inline tokens print anything: text, an image, a line break between words. */
const printsSomething = (tokens: readonly Token[]): boolean =>
  tokens.some((t) => t.type === 'image' || (t.type === 'htmlText' ? (t as HtmlTextToken).text.trim() !== '' : 'tokens' in t && Array.isArray(t.tokens) ? printsSomething(t.tokens as Token[]) : false));

function paragraph(tokens: Token[], align?: 'center' | 'right'): Token[] {
  const inline = trimmed(tokens);
  if (!printsSomething(inline)) return [];
  return [{ type: 'paragraph', raw: '', text: plainOf(inline), tokens: inline, ...(align ? { align } : {}) } as Tokens.Paragraph];
}

function list(element: Element): Token[] {
  const items = (element.children as ChildNode[]).filter((c): c is Element => isElement(c) && c.name === 'li');
  const start = Number(element.attribs.start);
  const listItems = items.map((item) => {
    const tokens = blockNodes(item.children as ChildNode[]);
    return { type: 'list_item', raw: '', task: false, checked: undefined, loose: false, text: textOf(item.children as ChildNode[]).trim(), tokens } as Tokens.ListItem;
  });
  if (!listItems.length) return [];
  return [{ type: 'list', raw: '', ordered: element.name === 'ol', start: Number.isInteger(start) ? start : element.name === 'ol' ? 1 : '', loose: false, items: listItems } as Tokens.List];
}

function table(element: Element): Token[] {
  const rows: Element[] = [];
  const collect = (nodes: readonly ChildNode[]) => {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      if (node.name === 'tr') rows.push(node);
      else if (node.name === 'thead' || node.name === 'tbody' || node.name === 'tfoot') collect(node.children as ChildNode[]);
    }
  };
  collect(element.children as ChildNode[]);
  const cellsOf = (row: Element) => (row.children as ChildNode[]).filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'));
  const grid = rows.map(cellsOf).filter((cells) => cells.length);
  if (!grid.length) return [];
  const columns = Math.max(...grid.map((cells) => cells.length));
  const cell = (element: Element | undefined, header: boolean): Tokens.TableCell => {
    const tokens = element ? trimmed(inlineNodes(element.children as ChildNode[])) : [];
    const align = element ? (alignOf(element) ?? null) : null;
    return { text: plainOf(tokens), tokens, header, align } as Tokens.TableCell;
  };
  const row = (cells: Element[], header: boolean) => Array.from({ length: columns }, (_, i) => cell(cells[i], header));
  // A first row of `<th>` is the header; a table of `<td>` only has an empty one, as GitHub shows it.
  const headed = grid[0]!.every((c) => c.name === 'th');
  const header = headed ? row(grid[0]!, true) : row([], true);
  const body = (headed ? grid.slice(1) : grid).map((cells) => row(cells, false));
  return [{ type: 'table', raw: '', header, align: header.map((c) => c.align), rows: body } as Tokens.Table];
}

function code(element: Element): Token[] {
  const inner = (element.children as ChildNode[]).find((c): c is Element => isElement(c) && c.name === 'code');
  const language = /(?:^|\s)(?:language|lang)-(\S+)/.exec((inner ?? element).attribs.class ?? '')?.[1] ?? element.attribs.lang ?? '';
  const body = textOf(element.children as ChildNode[]).replace(/^\n/, '').replace(/\n$/, '');
  return [{ type: 'code', raw: '', lang: language, text: body } as Tokens.Code];
}

function blockElement(element: Element): Token[] {
  const name = element.name;
  const children = element.children as ChildNode[];
  if (HIDDEN.has(name)) return [];
  const heading = /^h([1-6])$/.exec(name);
  if (heading) {
    const tokens = trimmed(inlineNodes(children));
    if (!printsSomething(tokens)) return [];
    const align = alignOf(element);
    return [{ type: 'heading', raw: '', depth: Number(heading[1]), text: plainOf(tokens).trim(), tokens, ...(align ? { align } : {}) } as Tokens.Heading];
  }
  switch (name) {
    case 'p':
      return paragraph(inlineNodes(children), alignOf(element));
    case 'ul':
    case 'ol':
    case 'li':
      return name === 'li' ? blockNodes(children) : list(element);
    case 'table':
      return table(element);
    case 'pre':
      return code(element);
    case 'hr':
      return [{ type: 'hr', raw: '' } as Tokens.Hr];
    case 'blockquote':
      return [{ type: 'blockquote', raw: '', text: textOf(children), tokens: blockNodes(children) } as Tokens.Blockquote];
    case 'summary':
    case 'dt':
      return paragraph([{ type: 'strong', raw: '', text: '', tokens: inlineNodes(children) } as Tokens.Strong]);
    default:
      return container(element, blockNodes(children));
  }
}

/** A block holding others: kept as one where it changes how they look (centred, a `<details>`), else its content in its place. */
function container(element: Element, tokens: Token[]): Token[] {
  const align = alignOf(element);
  if (!align && element.name !== 'details') return tokens;
  return [{ type: 'htmlBlock', raw: '', tag: element.name, tokens, ...(align ? { align } : {}) } satisfies HtmlBlockToken as unknown as Token];
}

/** HTML nodes in the place of blocks: runs of inline nodes become paragraphs. */
function blockNodes(nodes: readonly ChildNode[]): Token[] {
  const out: Token[] = [];
  let run: ChildNode[] = [];
  const flush = () => {
    if (run.length) out.push(...paragraph(inlineNodes(run)));
    run = [];
  };
  for (const node of nodes) {
    if (isElement(node) && BLOCKS.has(node.name)) {
      flush();
      out.push(...blockElement(node));
    } else if (node.type === 'text' || isElement(node)) run.push(node);
  }
  flush();
  return out;
}

/** A block of HTML as tokens, and the container it leaves open for the Markdown after it. */
function htmlBlock(html: string): { tokens: Token[]; open?: { name: string; token: HtmlBlockToken | undefined; tokens: Token[] } } {
  const { nodes, open } = parseHtmlBlock(html);
  if (!open || !CONTAINERS.has(open.name)) return { tokens: blockNodes(nodes) };
  const before = blockNodes(nodes.slice(0, nodes.indexOf(open)));
  const inner = blockNodes(open.children as ChildNode[]);
  const [made] = container(open, inner) as (Token | undefined)[];
  const kept = made?.type === 'htmlBlock' ? (made as unknown as HtmlBlockToken) : undefined;
  return { tokens: [...before, ...(kept ? [kept as unknown as Token] : inner)], open: { name: open.name, token: kept, tokens: kept ? kept.tokens : [] } };
}

/**
 * Inline tokens with their HTML read: `<kbd>`, text, `</kbd>` (marked's
 * three tokens) become one styled token around the text; a tag never closed
 * is dropped and its text kept.
 */
function inlineHtml(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  const open: { name: string; at: number }[] = [];
  for (const token of tokens) {
    if (token.type !== 'html') {
      out.push(withHtmlInside(token));
      continue;
    }
    const tag = parseInlineTag(token.raw);
    if (tag.kind === 'none') continue;
    if (tag.kind === 'open') {
      if (tag.selfClosing) out.push(...inlineElement({ name: tag.name, attribs: tag.attributes, children: [], type: 'tag' } as unknown as Element));
      else open.push({ name: tag.name, at: out.length });
      continue;
    }
    // The tag it closes: among the last few open ones (a closing tag that matches nothing near is dropped, and never searched for far).
    let index = -1;
    for (let i = open.length - 1; i >= Math.max(0, open.length - 64); i--) {
      if (open[i]!.name === tag.name) {
        index = i;
        break;
      }
    }
    if (index < 0) continue;
    const { name, at } = open[index]!;
    open.length = index;
    const children = out.splice(at);
    out.push(...wrapInline(name, children));
  }
  return out;
}

/** Inline tokens inside an inline element, as the element makes them look. */
function wrapInline(name: string, tokens: Token[]): Token[] {
  if (HIDDEN.has(name)) return [];
  switch (name) {
    case 'strong':
    case 'b':
      return [{ type: 'strong', raw: '', text: '', tokens } as Tokens.Strong];
    case 'em':
    case 'i':
    case 'cite':
    case 'dfn':
      return [{ type: 'em', raw: '', text: '', tokens } as Tokens.Em];
    case 'del':
    case 's':
    case 'strike':
      return [{ type: 'del', raw: '', text: '', tokens } as Tokens.Del];
    default:
      return STYLED.has(name) ? [{ type: 'htmlInline', raw: '', tag: name, tokens } satisfies HtmlInlineToken as unknown as Token] : tokens;
  }
}

/** Anchors: `<a href>` open, text, `</a>` close. marked gives the href only on the opening tag. */
function withAnchors(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  const stack: { href?: string; at: number }[] = [];
  for (const token of tokens) {
    if (token.type === 'html') {
      const tag = parseInlineTag(token.raw);
      if (tag.kind === 'open' && tag.name === 'a' && !tag.selfClosing) {
        stack.push({ href: tag.attributes.href, at: out.length });
        continue;
      }
      if (tag.kind === 'close' && tag.name === 'a' && stack.length) {
        const { href, at } = stack.pop()!;
        const inner = out.splice(at);
        out.push(...(href ? [{ type: 'link', raw: '', href, title: null, text: plainOf(inner), tokens: inner } as Tokens.Link] : inner));
        continue;
      }
    }
    out.push(token);
  }
  return out;
}

/** A token with the HTML among its own tokens read: inline where it holds a line of text, block where it holds blocks. */
function withHtmlInside(token: Token): Token {
  const holder = token as Token & { tokens?: Token[]; items?: Tokens.ListItem[]; header?: Tokens.TableCell[]; rows?: Tokens.TableCell[][] };
  if (token.type === 'code' || token.type === 'codespan') return token;
  if (token.type === 'list') for (const item of holder.items ?? []) item.tokens = withHtml(item.tokens);
  else if (token.type === 'table') {
    for (const cell of [...(holder.header ?? []), ...(holder.rows ?? []).flat()]) cell.tokens = inlineHtml(withAnchors(cell.tokens));
  } else if (holder.tokens) {
    holder.tokens = ['blockquote', 'containerDirective', 'list_item', 'htmlBlock'].includes(token.type) ? withHtml(holder.tokens) : inlineHtml(withAnchors(holder.tokens));
  }
  return token;
}

/** Block tokens with their HTML read; a container left open holds the blocks after it up to its closing tag. */
export function withHtml(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  const open: { name: string; tokens: Token[] }[] = [];
  const target = () => open.at(-1)?.tokens ?? out;
  for (const token of tokens) {
    if (token.type !== 'html') {
      target().push(withHtmlInside(token));
      continue;
    }
    let html = token.raw;
    // Closing tags of the containers left open: `</div>`, `</details>`.
    for (;;) {
      const start = html.trimStart();
      const last = open.at(-1);
      if (!last || !start.toLowerCase().startsWith(`</${last.name}`)) break;
      open.pop();
      html = start.slice(start.indexOf('>') + 1);
    }
    // Made from the HTML tree: no `html` tokens inside to read.
    const block = htmlBlock(html);
    target().push(...block.tokens);
    if (block.open) open.push({ name: block.open.name, tokens: block.open.token ? block.open.tokens : target() });
  }
  return out;
}

/** Inline tokens (a heading's, a directive's argument) with their HTML read. */
export const withInlineHtml = (tokens: readonly Token[]): Token[] => inlineHtml(withAnchors(tokens));
