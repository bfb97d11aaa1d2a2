// Wraps rendered content in a pdfmake document: paper, margins, running
// header, "Page X of Y", metadata, fonts, and the rule that keeps headings
// with their text.
import type { FillPlan } from './fill.js';
import type { Token } from 'marked';
import { keepWithTextRule } from './keep.js';
import type { Theme } from './theme.js';
import { tokensToPdfmake, type DocumentSource, type PdfNode, type RenderedContent } from './toPdfmake.js';

import { PAPER_SIZES, type Paper } from './paper.js';

export { PAPER_SIZES, type Paper };

/** Whether a PDF is tagged for screen readers, and in which language (the config's `tags` and `language`). */
export type Tagging = Pick<DocumentMeta, 'tagged' | 'language'>;

export interface DocumentMeta {
  title: string;
  subject: string;
  author: string;
  keywords: string[];
  /** Running header text, on every page but a cover. */
  header: string;
  /** The foot of a one-page document, which has no page numbers (e.g. the edition). */
  footnote?: string;
  /** Whose document it is, before the page number in the foot of a longer one. */
  organisation?: string;
  creationDate: Date;
  paper: Paper;
  /**
   * Which way a paragraph reads: 'ltr', as the templates are written (a name in
   * Arabic at the start of an English sentence stays in it); 'auto', from each
   * paragraph's first letter, as GitHub shows Markdown (`render`).
   */
  direction?: 'ltr' | 'auto';
  /** Custom entries of the PDF's document information (`PreppackSheet`: whose scoring sheet it is, for `collect`). */
  extraInfo?: Record<string, string>;
  /** A tagged PDF (PDF/UA-1: structure for screen readers), unless false (`--no-tags`). */
  tagged?: boolean;
  /** The document's language (BCP 47, `/Lang`): 'en' unless the config, level or front matter says. */
  language?: string;
}

function hasToc(tokens: readonly Token[]): boolean {
  return tokens.some((t) => t.type === 'lineDirective' && (t as Token & { name: string }).name === 'toc');
}

function hasCover(tokens: readonly Token[]): boolean {
  const first = tokens.find((t) => t.type !== 'space');
  return first?.type === 'containerDirective' && (first as Token & { name: string }).name === 'cover';
}

/** What the document is laid out from: its content and what the tokens ask of the whole document. */
export interface DocumentContent extends RenderedContent {
  cover: boolean;
}

export function contentWidth(theme: Theme, paper: Paper): number {
  const [left, , right] = theme.pageMargins;
  return PAPER_SIZES[paper].width - left - right;
}

/** Tokens into content; `fill` gives `::lines … fill` and `::lines … even` areas their extra lines. */
export function renderContent(tokens: readonly Token[], theme: Theme, paper: Paper, fill?: FillPlan, source?: DocumentSource): DocumentContent {
  const rendered = tokensToPdfmake(tokens, { theme, toc: hasToc(tokens), contentWidth: contentWidth(theme, paper), fill, source });
  return { ...rendered, cover: hasCover(tokens) };
}

/** A running head is one line of every page: a title longer than this (a heading of a whole paragraph) is cut. */
const RUNNING_HEAD_LENGTH = 120;
/** The title a viewer shows in its window bar. */
const TITLE_LENGTH = 300;

/** A text cut at a word to at most `max` characters, with an ellipsis; measured on every page, a 200 KB title cost minutes. */
export function shortened(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A fresh document definition: pdfmake mutates the one it is given. */
export function buildDocument(document: DocumentContent, content: PdfNode[], theme: Theme, meta: DocumentMeta): Record<string, unknown> {
  const onCover = (page: number) => document.cover && page === 1;
  const headerText = { text: shortened(meta.header, RUNNING_HEAD_LENGTH), style: 'runningHeader', width: '*' };
  return {
    pageSize: PAPER_SIZES[meta.paper].name,
    pageMargins: theme.pageMargins,
    info: {
      title: shortened(meta.title, TITLE_LENGTH),
      subject: shortened(meta.subject, TITLE_LENGTH),
      author: meta.author,
      keywords: meta.keywords.join(', '),
      creator: 'preppack',
      producer: 'preppack',
      creationDate: meta.creationDate,
      modDate: meta.creationDate,
      ...meta.extraInfo,
    },
    header: (page: number) => {
      if (onCover(page)) return null;
      const fields = document.headerFields;
      return fields ? { columns: [headerText, fields()], columnGap: 12, margin: theme.headerMargin } : { ...headerText, margin: theme.headerMargin };
    },
    footer: (page: number, pages: number) => {
      if (onCover(page)) return null;
      // One page needs no "Page 1 of 1": its foot shows the edition.
      const parts = [...(pages === 1 ? [meta.footnote] : [meta.organisation, `Page ${page} of ${pages}`]), document.footerNote].filter(Boolean);
      return parts.length ? { text: parts.join(' · '), style: 'footer', alignment: 'center', margin: theme.footerMargin } : null;
    },
    content,
    // A tagged PDF identifies itself as PDF/UA-1 in its XMP metadata, which pdfkit writes from PDF 1.4 on; the viewer shows the
    // title, not the file name. Its structure elements are packed into object streams (PDF 1.5, patches/): without, tagging
    // made the files 70 % larger, with, they are smaller than untagged ones.
    ...(meta.tagged === false ? {} : { tagged: true, subset: 'PDF/UA', version: '1.7', displayTitle: true, language: meta.language ?? 'en', objectStreams: true }),
    styles: theme.styles,
    defaultStyle: { font: theme.font, fontSize: theme.fontSize, lineHeight: theme.lineHeight, color: theme.colors.ink },
    pageBreakBefore: keepWithTextRule(),
    // Read by src/fonts/fontRuns.ts, not by pdfmake.
    paragraphDirection: meta.direction ?? 'ltr',
  };
}
