// Markdown tokens → laid-out PDF: content, document, pdfmake. A document with
// `::lines … fill` areas is laid out twice, the second time with each page's
// spare space dealt out to its areas (fill.ts); only the layout kept is drawn.
import type { Token } from 'marked';
import { buildDocument, PAPER_SIZES, renderContent, type DocumentContent, type DocumentMeta } from './document.js';
import { endPages, extentAt, fillShares, marker, withMarkers } from './fill.js';
import { placeFields, type PlacedField } from './formFields.js';
import { layoutPdf, type RenderedPdf } from './pdf.js';
import type { Theme } from './theme.js';
import type { DocumentSource } from './toPdfmake.js';

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

export async function layOut(tokens: readonly Token[], theme: Theme, meta: DocumentMeta, source?: DocumentSource): Promise<LaidOutDocument> {
  const placed = (content: DocumentContent) => placeFields(content.formFields, PAPER_SIZES[meta.paper].height);
  const first = renderContent(tokens, theme, meta.paper, undefined, source);
  if (first.fillAreas.length === 0) {
    const end = marker();
    const laidOut = await layoutPdf(buildDocument(first, [...first.content, end], theme, meta));
    return { ...laidOut, extent: extentAt(end) ?? laidOut.pages, fields: placed(first) };
  }
  // The first layout is measured, and drawn only if it is the one kept.
  const measured = withMarkers(first.content);
  const draft = await layoutPdf(buildDocument(first, measured.content, theme, meta));
  const extent = extentAt(measured.markers.at(-1)!) ?? draft.pages;
  const shares = fillShares(measured.markers, first.fillAreas, theme.writeLineGap);
  const unfilled = { ...draft, extent, fields: placed(first) };
  if (shares.every((n) => n === 0)) return unfilled;

  const filled = renderContent(tokens, theme, meta.paper, shares, source);
  const check = withMarkers(filled.content);
  const final = await layoutPdf(buildDocument(filled, check.content, theme, meta));
  // Filling never moves a block to another page; if it did, keep the first layout.
  const same = endPages(check.markers).every((page, i) => page === endPages(measured.markers)[i]);
  return same && final.pages === draft.pages ? { ...final, extent, fields: placed(filled) } : unfilled;
}

/** Markdown tokens as a PDF. */
export async function typeset(tokens: readonly Token[], theme: Theme, meta: DocumentMeta, source?: DocumentSource): Promise<TypesetPdf> {
  const { draw, ...laidOut } = await layOut(tokens, theme, meta, source);
  return { ...laidOut, bytes: await draw() };
}
