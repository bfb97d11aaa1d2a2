// Inline Markdown (emphasis, code, links…) into a flat run of styled text
// pieces for pdfmake, with HTML entities decoded and typographic quotes.
import { Lexer, type Token } from 'marked';
import { breakLongWords } from '../text/breakable.js';
import { typographicQuotes } from '../text/typography.js';
import { safeLink } from './links.js';
import { decodeEntities } from '../text/entities.js';

/** A pdfmake text piece: a string, or a string with its own style. */
export type Inline = string | Record<string, unknown>;

type InlineStyle = Record<string, unknown>;

/** The character printed last, so that a quote opens or closes by what precedes it across pieces. */
interface Flow {
  last: string;
}

/** A line ending with the spaces around it. */
const SOFT_BREAK = /[ \t]*\r?\n[ \t]*/g;

function runs(tokens: readonly Token[] | undefined, fallback: string, style: InlineStyle, flow: Flow): Inline[] {
  const piece = (written: string, curly = true): Inline => {
    // A soft line break (a line ending inside a paragraph) is a space (CommonMark 6.13); a hard one is a `br` token.
    const raw = written.replace(SOFT_BREAK, ' ');
    const text = breakLongWords(curly ? typographicQuotes(decodeEntities(raw), flow.last) : raw);
    if (text) flow.last = text.at(-1)!;
    return Object.keys(style).length ? { text, ...style } : text;
  };
  // pdfmake does not carry styles into nested text arrays: every piece gets its whole style.
  if (!tokens) return [piece(fallback)];
  return tokens.flatMap((token): Inline[] => {
    switch (token.type) {
      case 'text':
        return 'tokens' in token && token.tokens?.length ? runs(token.tokens, '', style, flow) : [piece(token.text)];
      case 'escape':
        return [piece(token.text)];
      case 'strong':
        return runs(token.tokens, token.text, { ...style, bold: true }, flow);
      case 'em':
        return runs(token.tokens, token.text, { ...style, italics: true }, flow);
      case 'del':
        return runs(token.tokens, token.text, { ...style, decoration: 'lineThrough' }, flow);
      case 'codespan': {
        // Code prints as written: entities too (CommonMark).
        const text = breakLongWords(token.text);
        flow.last = text.at(-1) ?? flow.last;
        return [{ text, ...style, background: '#f0f2f5' }];
      }
      case 'br':
        flow.last = '\n';
        return ['\n'];
      case 'link': {
        const href = safeLink(token.href);
        return runs(token.tokens, token.text, href ? { ...style, link: href, decoration: 'underline' } : style, flow);
      }
      case 'checkbox':
        return [];
      case 'image':
        // An image inside a line of text: its description (a paragraph of its own shows the image).
        return [piece(token.text ? `[${token.text}]` : '')];
      case 'html':
        // A line break is the one piece of HTML a table cell needs; other HTML prints as written.
        if (/^<br\s*\/?>$/i.test(token.text.trim())) {
          flow.last = '\n';
          return ['\n'];
        }
        // As written, quotes straight.
        return [piece(decodeEntities(token.raw), false)];
      default:
        return [piece(token.raw)];
    }
  });
}

/** Inline tokens (from a paragraph, heading, cell…) as pdfmake text pieces. */
export function inlines(tokens: readonly Token[] | undefined, fallback = ''): Inline[] {
  return joinedByStyle(runs(tokens, fallback, {}, { last: '' }));
}

/** A piece's style, as a key: pieces with the same key print alike. */
const styleKey = (piece: Inline) => (typeof piece === 'string' ? '' : JSON.stringify({ ...piece, text: undefined }));

/**
 * Neighbouring pieces of one style as one piece. marked splits some text at
 * every `_` or `*` it might pair (`a_a_a_…`: a token each), and pdfmake keeps
 * some twenty fields for each piece: a megabyte of such text took 1.2 GB.
 * A line break stays a piece of its own.
 */
function joinedByStyle(pieces: readonly Inline[]): Inline[] {
  const joined: { piece: Inline; key: string; texts: string[] }[] = [];
  for (const piece of pieces) {
    const text = typeof piece === 'string' ? piece : piece.text;
    const last = joined.at(-1);
    if (typeof text !== 'string' || text === '\n') {
      joined.push({ piece, key: '\0', texts: [] });
      continue;
    }
    const key = styleKey(piece);
    if (last && last.key === key) last.texts.push(text);
    else joined.push({ piece, key, texts: [text] });
  }
  return joined.map(({ piece, texts }) => {
    if (texts.length < 2) return piece;
    // Joined, a word may be long enough to need its break opportunities.
    const text = breakLongWords(texts.join(''));
    return typeof piece === 'string' ? text : { ...piece, text };
  });
}

/** A line of inline Markdown (a directive argument, a heading's text) as pdfmake text pieces. */
export function inlineMarkdown(markdown: string): Inline[] {
  return inlines(Lexer.lexInline(markdown));
}

/** The plain text of pieces, e.g. for a bookmark or a measurement. */
export function plainText(pieces: readonly Inline[]): string {
  // Without the break opportunities breakLongWords put in: a bookmark or a measurement wants the text as written.
  return pieces.map((p) => (typeof p === 'string' ? p : String(p.text))).join('').replaceAll('\u200b', '');
}
