// Markdown → Typst markup, for measuring Typst on the same booklets: the same
// font and paper as preppack, text escaped so Typst reads it as text.
import { decode, type MdToken } from './tokens.js';

/** Text as Typst markup: its markup characters escaped. */
const escape = (text: string) => decode(text).replace(/[\\#$*_`<>@[\]~/=+\-"']/g, (c) => `\\${c}`);

function inline(tokens: readonly MdToken[] = []): string {
  return tokens
    .map((t) => {
      switch (t.type) {
        case 'strong':
          return `#strong[${inline(t.tokens)}]`;
        case 'em':
          return `#emph[${inline(t.tokens)}]`;
        case 'codespan':
          return `#raw(${JSON.stringify(decode(t.text ?? ''))})`;
        case 'link':
          return `#link(${JSON.stringify(t.href ?? '')})[${inline(t.tokens)}]`;
        case 'br':
          return ' \\\n';
        default:
          return t.tokens ? inline(t.tokens) : escape(t.text ?? t.raw);
      }
    })
    .join('');
}

function block(t: MdToken): string {
  switch (t.type) {
    case 'heading':
      return `${'='.repeat(t.depth ?? 1)} ${inline(t.tokens)}\n\n`;
    case 'paragraph':
    case 'text':
      return `${inline(t.tokens ?? [t]).replace(/\n/g, ' ')}\n\n`;
    case 'list':
      return `${(t.items ?? []).map((item) => `${t.ordered ? '+' : '-'} ${(item.tokens ?? []).map(block).join('').trim().replace(/\n/g, '\n  ')}`).join('\n')}\n\n`;
    case 'blockquote':
      return `#quote(block: true)[${(t.tokens ?? []).map(block).join('')}]\n\n`;
    case 'code':
      return `#raw(block: true, ${JSON.stringify(t.text ?? '')})\n\n`;
    case 'table':
      return `#table(columns: ${t.header!.length}, ${[...t.header!, ...t.rows!.flat()].map((c) => `[${inline(c.tokens)}]`).join(', ')})\n\n`;
    case 'hr':
      return '#line(length: 100%)\n\n';
    default:
      return '';
  }
}

export function typstSource(tokens: readonly MdToken[]): string {
  const setup = '#set page(paper: "a5", margin: (x: 40pt, y: 50pt), numbering: "1 / 1")\n#set text(font: "DejaVu Sans", size: 9.5pt)\n#set document(date: none)\n\n';
  return setup + tokens.map(block).join('');
}
