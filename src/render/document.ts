// Wraps rendered content in a pdfmake document: paper, margins, running
// header, "Page X of Y", metadata, fonts, and keep-with-next for headings.
import type { Token } from 'marked';
import type { Theme } from './theme.js';
import { keepEndId, tokensToPdfmake, type PdfNode } from './toPdfmake.js';

export type Paper = 'letter' | 'a4';

export const PAPER_SIZES: Record<Paper, { name: string; width: number }> = {
  letter: { name: 'LETTER', width: 612 },
  a4: { name: 'A4', width: 595.28 },
};

export interface DocumentMeta {
  title: string;
  subject: string;
  author: string;
  keywords: string[];
  /** Running header text, on every page but a cover. */
  header: string;
  creationDate: Date;
  paper: Paper;
}

interface NodeInfo {
  id?: string;
  headlineLevel?: number;
  stack?: boolean;
  style?: unknown;
  columns?: unknown;
  ul?: unknown;
  ol?: unknown;
  table?: unknown;
}

const FURNITURE = new Set(['runningHeader', 'footer']);

/** A node of the body's text itself: not a container, not the header or footer. */
const isBodyLeaf = (n: NodeInfo) =>
  !n.stack && !n.columns && !n.ul && !n.ol && !n.table && !(typeof n.style === 'string' && FURNITURE.has(n.style));

interface NodeQueries {
  getFollowingNodesOnPage: () => NodeInfo[];
  getPreviousNodesOnPage: () => NodeInfo[];
}

/**
 * Page breaks that keep things together. A heading is never the last thing on
 * a page. A :::keep block starts on a new page when it would otherwise be
 * split, unless it already starts a page (then it is taller than a page and
 * flows on). pdfmake's own `unbreakable` would drop such a block silently.
 */
function keepTogether(node: NodeInfo, nodes: NodeQueries): boolean {
  const end = node.id ? keepEndId(node.id) : undefined;
  if (end) {
    if (nodes.getFollowingNodesOnPage().some((n) => n.id === end)) return false;
    return nodes.getPreviousNodesOnPage().some(isBodyLeaf);
  }
  // A run of headings needs at least one line of body text after it on the page.
  return Boolean(node.headlineLevel) && !nodes.getFollowingNodesOnPage().some((n) => isBodyLeaf(n) && !n.headlineLevel);
}

function hasToc(tokens: readonly Token[]): boolean {
  return tokens.some((t) => t.type === 'lineDirective' && (t as Token & { name: string }).name === 'toc');
}

function hasCover(tokens: readonly Token[]): boolean {
  const first = tokens.find((t) => t.type !== 'space');
  return first?.type === 'containerDirective' && (first as Token & { name: string }).name === 'cover';
}

/** A fresh document definition: pdfmake mutates the one it is given. */
export function buildDocument(tokens: readonly Token[], theme: Theme, meta: DocumentMeta): Record<string, unknown> {
  const [left, , right] = theme.pageMargins;
  const contentWidth = PAPER_SIZES[meta.paper].width - left - right;
  const content: PdfNode[] = tokensToPdfmake(tokens, { theme, toc: hasToc(tokens), contentWidth });
  const cover = hasCover(tokens);
  return {
    pageSize: PAPER_SIZES[meta.paper].name,
    pageMargins: theme.pageMargins,
    info: {
      title: meta.title,
      subject: meta.subject,
      author: meta.author,
      keywords: meta.keywords.join(', '),
      creator: 'preppack',
      producer: 'preppack',
      creationDate: meta.creationDate,
      modDate: meta.creationDate,
    },
    header: (page: number) => (cover && page === 1 ? null : { text: meta.header, style: 'runningHeader', margin: theme.headerMargin }),
    footer: (page: number, pages: number) => ({ text: `Page ${page} of ${pages}`, style: 'footer', alignment: 'center', margin: theme.footerMargin }),
    content,
    styles: theme.styles,
    defaultStyle: { font: theme.font, fontSize: theme.fontSize, lineHeight: theme.lineHeight, color: theme.colors.ink },
    pageBreakBefore: keepTogether,
  };
}
