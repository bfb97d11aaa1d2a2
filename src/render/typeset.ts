// Markdown tokens → laid-out PDF: content, document, pdfmake. A document with
// `::lines … fill` areas is laid out twice, the second time with each page's
// spare space dealt out to its areas (fill.ts).
import type { Token } from 'marked';
import { buildDocument, renderContent, type DocumentMeta } from './document.js';
import { endPages, extentAt, fillShares, marker, withMarkers } from './fill.js';
import { renderPdf, type RenderedPdf } from './pdf.js';
import type { Theme } from './theme.js';

export interface TypesetPdf extends RenderedPdf {
  /** How far the content runs, in pages: 1.3 is a full page and 30 % of the next. */
  extent: number;
}

export async function typeset(tokens: readonly Token[], theme: Theme, meta: DocumentMeta): Promise<TypesetPdf> {
  const first = renderContent(tokens, theme, meta.paper);
  if (first.fillAreas.length === 0) {
    const end = marker();
    const pdf = await renderPdf(buildDocument(first, [...first.content, end], theme, meta));
    return { ...pdf, extent: extentAt(end) ?? pdf.pages };
  }
  const measured = withMarkers(first.content);
  const draft = await renderPdf(buildDocument(first, measured.content, theme, meta));
  const extent = extentAt(measured.markers.at(-1)!) ?? draft.pages;
  const shares = fillShares(measured.markers, first.fillAreas, theme.writeLineGap);
  if (shares.every((n) => n === 0)) return { ...draft, extent };

  const filled = renderContent(tokens, theme, meta.paper, shares);
  const check = withMarkers(filled.content);
  const final = await renderPdf(buildDocument(filled, check.content, theme, meta));
  // Filling never moves a block to another page; if it did, keep the first layout.
  const same = endPages(check.markers).every((page, i) => page === endPages(measured.markers)[i]);
  return same && final.pages === draft.pages ? { ...final, extent: extentAt(check.markers.at(-1)!) ?? final.pages } : { ...draft, extent };
}
