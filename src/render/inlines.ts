// Inline Markdown (emphasis, code, links…) into a flat run of styled text
// pieces for pdfmake, with HTML entities decoded and typographic quotes.
import { Lexer, type Token, type Tokens } from 'marked';
import { breakLongWords } from '../text/breakable.js';
import { typographicQuotes } from '../text/typography.js';
import { safeLink } from './links.js';
import { decodeEntities } from '../text/entities.js';
import { withInlineHtml, type HtmlInlineToken } from './htmlTokens.js';
import type { EmojiToken, FootnoteRefToken } from './gfmExtras.js';
import { needsGlyph, runChain } from '../fonts/fontChain.js';
import { BUNDLED_FONT, CODE_FONT } from './fonts.js';

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
  const piece = (written: string, curly = true, decoded = false): Inline => {
    // A soft line break (a line ending inside a paragraph) is a space (CommonMark 6.13); a hard one is a `br` token.
    const raw = written.replace(SOFT_BREAK, ' ');
    const text = breakLongWords(curly ? typographicQuotes(decoded ? raw : decodeEntities(raw), flow.last) : raw);
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
      case 'htmlText':
        // Text of HTML: its entities were read by the HTML parser.
        return [piece(token.text, true, true)];
      case 'htmlInline':
        return runs(token.tokens, '', { ...style, ...HTML_STYLES[(token as unknown as HtmlInlineToken).tag] }, flow);
      case 'footnoteRef': {
        const ref = token as unknown as FootnoteRefToken;
        // A reference to no note prints as written, as GitHub shows it.
        if (ref.number === undefined) return [piece(ref.raw, false)];
        flow.last = String(ref.number).at(-1)!;
        return [{ text: String(ref.number), ...style, sup: true, color: '#1f4e79', linkToDestination: footnoteId(ref.number) }];
      }
      case 'emoji': {
        const { name, emoji } = token as unknown as EmojiToken;
        // An emoji no font can draw prints as its name, as an image's description does.
        if (printable(emoji)) return [piece(emoji, false)];
        flow.last = ' ';
        return [{ text: `\u2009${name.replace(/_/g, ' ')}\u2009`, ...style, ...IMAGE_STYLE }];
      }
      case 'codespan': {
        // Code prints as written: entities too (CommonMark).
        const text = breakLongWords(token.text);
        flow.last = text.at(-1) ?? flow.last;
        return [{ text, ...style, ...CODE_STYLE }];
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
      case 'image': {
        // An image inside a line of text (a badge): its description in a small tinted box, as a badge is (a paragraph of its own shows the image).
        const text = `\u2009${(token.text || 'image').replace(SOFT_BREAK, ' ')}\u2009`;
        flow.last = ' ';
        return [{ text, ...style, ...IMAGE_STYLE }];
      }
      case 'html':
        // Read by withHtml before; a tag on its own never prints as text.
        return [];
      default:
        return [piece(token.raw)];
    }
  });
}

/** The destination of footnote `n`, and of the paragraph that first refers to it. */
export const footnoteId = (n: number) => `footnote-${n}`;
export const footnoteRefId = (n: number) => `footnote-ref-${n}`;

/** Whether the fonts can draw every character of an emoji (its variation selectors and joiners need none). */
const printable = (emoji: string) => [...emoji].every((char) => !needsGlyph(char) || /[\ufe0f\u200d]/.test(char) || runChain(BUNDLED_FONT).familyFor(char, 'normal') !== undefined);

/** How code looks inside a line: its own font, on a tint. */
const CODE_STYLE: InlineStyle = { font: CODE_FONT, background: '#eef1f5' };
/** An image's description where the image cannot be drawn: small, grey, on a tint. */
const IMAGE_STYLE: InlineStyle = { color: '#3d4754', background: '#e3e8ef', fontSize: 7.5 };

/** Inline HTML tags' looks (htmlTokens.ts). */
const HTML_STYLES: Record<string, InlineStyle> = {
  kbd: { ...CODE_STYLE, background: '#e3e8ef' },
  code: CODE_STYLE,
  tt: CODE_STYLE,
  samp: CODE_STYLE,
  var: { italics: true },
  sup: { sup: true },
  sub: { sub: true },
  u: { decoration: 'underline' },
  ins: { decoration: 'underline' },
  mark: { background: '#fff1a8' },
  small: {},
  abbr: {},
};

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
  return inlines(withInlineHtml(Lexer.lexInline(markdown)));
}

/** The plain text of pieces, e.g. for a bookmark or a measurement. */
export function plainText(pieces: readonly Inline[]): string {
  // Without the break opportunities breakLongWords put in: a bookmark or a measurement wants the text as written.
  return pieces.map((p) => (typeof p === 'string' ? p : String(p.text))).join('').replaceAll('\u200b', '');
}

/** The words of inline tokens, without images (badges), footnote numbers or HTML: a heading as a running head or a title. */
export function wordsOf(tokens: readonly Token[]): string {
  return tokens
    .map((token): string => {
      switch (token.type) {
        case 'image':
        case 'html':
        case 'footnoteRef':
          return '';
        case 'br':
          return ' ';
        case 'emoji':
          return (token as unknown as EmojiToken).emoji;
        case 'codespan':
          return token.text;
        case 'htmlText':
        case 'escape':
          return token.text;
        case 'text':
          return 'tokens' in token && token.tokens?.length ? wordsOf(token.tokens) : decodeEntities(token.text);
        default:
          return 'tokens' in token && Array.isArray(token.tokens) ? wordsOf(token.tokens) : '';
      }
    })
    .join('');
}

/** A heading's plain words, its `{#id}` left off. */
export function headingText(heading: Tokens.Heading): string {
  const id = /\s*\{#[a-z0-9][a-z0-9-]*\}\s*$/;
  return wordsOf(heading.tokens ?? []).replace(id, '');
}
