// Markdown → a plain pdfmake document: what a team would write in an
// afternoon with pdfmake and marked, in the same font and paper as preppack.
import { decode, type MdToken } from './tokens.js';

type Node = Record<string, unknown> | string;

function inline(tokens: readonly MdToken[] = [], style: Record<string, unknown> = {}): Node[] {
  return tokens.flatMap((t): Node[] => {
    switch (t.type) {
      case 'strong':
        return inline(t.tokens, { ...style, bold: true });
      case 'em':
        return inline(t.tokens, { ...style, italics: true });
      case 'codespan':
        return [{ text: decode(t.text ?? ''), ...style, color: '#444' }];
      case 'link':
        return inline(t.tokens, { ...style, link: t.href, color: '#1a4d8f' });
      case 'br':
        return ['\n'];
      default:
        return t.tokens ? inline(t.tokens, style) : [{ text: decode(t.text ?? t.raw), ...style }];
    }
  });
}

function block(t: MdToken): Node[] {
  switch (t.type) {
    case 'heading':
      return [{ text: inline(t.tokens), style: `h${t.depth}` }];
    case 'paragraph':
    case 'text':
      return [{ text: inline(t.tokens ?? [t]), margin: [0, 0, 0, 6] }];
    case 'list':
      return [{ [t.ordered ? 'ol' : 'ul']: (t.items ?? []).map((item) => ({ stack: (item.tokens ?? []).flatMap(block) })), margin: [0, 0, 0, 6] }];
    case 'blockquote':
      return [{ stack: (t.tokens ?? []).flatMap(block), margin: [12, 0, 0, 6], italics: true }];
    case 'code':
      return [{ text: t.text ?? '', fontSize: 8, margin: [0, 0, 0, 6] }];
    case 'table':
      return [{ table: { headerRows: 1, body: [t.header!.map((c) => ({ text: inline(c.tokens), bold: true })), ...t.rows!.map((r) => r.map((c) => ({ text: inline(c.tokens) })))] }, margin: [0, 0, 0, 6] }];
    case 'hr':
      return [{ canvas: [{ type: 'line', x1: 0, y1: 0, x2: 300, y2: 0, lineWidth: 0.5 }], margin: [0, 4, 0, 8] }];
    default:
      return [];
  }
}

export function pdfmakeDocument(tokens: readonly MdToken[]): Record<string, unknown> {
  return {
    pageSize: 'A5',
    pageMargins: [40, 50, 40, 50],
    content: tokens.flatMap(block),
    defaultStyle: { font: 'DejaVuSans', fontSize: 9.5, lineHeight: 1.2 },
    styles: { h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 10] }, h2: { fontSize: 14, bold: true, margin: [0, 10, 0, 6] }, h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] } },
    footer: (page: number, pages: number) => ({ text: `${page} / ${pages}`, alignment: 'center', fontSize: 8 }),
    info: { creationDate: new Date(0) },
  };
}
