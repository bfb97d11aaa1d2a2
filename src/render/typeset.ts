// Markdown tokens → laid-out PDF: content, document, pdfmake. A document with
// `::lines … fill` areas is laid out twice, the second time with each page's
// spare space dealt out to its areas (fill.ts).
import type { Token } from 'marked';
import { buildDocument, renderContent, type DocumentMeta } from './document.js';
import { endPages, fillShares, withMarkers } from './fill.js';
import { renderPdf, type RenderedPdf } from './pdf.js';
import type { Theme } from './theme.js';

export async function typeset(tokens: readonly Token[], theme: Theme, meta: DocumentMeta): Promise<RenderedPdf> {
  const first = renderContent(tokens, theme, meta.paper);
  if (first.fillAreas.length === 0) return renderPdf(buildDocument(first, first.content, theme, meta));

  const measured = withMarkers(first.content);
  const draft = await renderPdf(buildDocument(first, measured.content, theme, meta));
  const shares = fillShares(measured.markers, first.fillAreas, theme.writeLineGap);
  if (shares.every((n) => n === 0)) return draft;

  const filled = renderContent(tokens, theme, meta.paper, shares);
  const check = withMarkers(filled.content);
  const final = await renderPdf(buildDocument(filled, check.content, theme, meta));
  // Filling never moves a block to another page; if it did, keep the first layout.
  const same = endPages(check.markers).every((page, i) => page === endPages(measured.markers)[i]);
  return same && final.pages === draft.pages ? final : draft;
}
