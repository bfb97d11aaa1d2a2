// The GitHub Markdown that marked does not read: footnotes (`text[^note]`
// and `[^note]: the note`) and emoji shortcodes (`:tada:`, GitHub's names
// from gemoji). Footnotes are numbered in the order they are first referred
// to, as GitHub numbers them.
import type { Token, TokenizerAndRendererExtension, Tokens } from 'marked';
import { nameToEmoji } from 'gemoji';
import { startIn } from './directives.js';

export interface FootnoteRefToken {
  type: 'footnoteRef';
  raw: string;
  label: string;
  /** From 1, in order of first reference; undefined when no note has the label (it prints as written). */
  number?: number;
}

export interface FootnoteToken {
  type: 'footnote';
  raw: string;
  label: string;
  tokens: Token[];
  number?: number;
}

export interface EmojiToken {
  type: 'emoji';
  raw: string;
  name: string;
  emoji: string;
}

/** How far an inline start looks ahead, and how much of that is looked at again from the next call (a match across the edge). */
const WINDOW = 2000;
const OVERLAP = 100;

/**
 * Where an inline extension could start in `src`. marked asks at every
 * inline token with all the text still to read: searching it all would be
 * quadratic in a long paragraph, so the search looks a window ahead and, when
 * nothing is there, stops the text just before the window's end, where the
 * next call looks on.
 */
function startWithin(src: string, pattern: RegExp): number | undefined {
  if (src.length <= WINDOW) return pattern.exec(src)?.index;
  const found = pattern.exec(src.slice(0, WINDOW))?.index;
  return found ?? WINDOW - OVERLAP;
}

// Labels and names are bounded so that a run of `[^a` or `:a` never makes reading quadratic.
const DEFINITION = /^ {0,3}\[\^([^\]\s]{1,100})\]:[ \t]*/;
const REFERENCE = /^\[\^([^\]\s]{1,100})\]/;
const SHORTCODE = /^:([a-z0-9_+-]{1,60}):/;

export const footnote: TokenizerAndRendererExtension = {
  name: 'footnote',
  level: 'block',
  start: (src) => startIn(src, /^ {0,3}\[\^[^\]\s]{1,100}\]:/m),
  tokenizer(src) {
    const head = DEFINITION.exec(src);
    if (!head) return undefined;
    // The note: its first line, then lines indented four spaces (or blank lines before such a line), read a line at a time.
    const body: string[] = [];
    let at = head[0].length;
    let end = at;
    const lineAt = (from: number) => {
      const next = src.indexOf('\n', from);
      return { text: src.slice(from, next < 0 ? src.length : next), after: next < 0 ? src.length : next + 1 };
    };
    const first = lineAt(at);
    body.push(first.text);
    at = end = first.after;
    while (at < src.length) {
      const line = lineAt(at);
      const indented = /^(?: {4}|\t)/;
      if (indented.test(line.text)) body.push(line.text.replace(indented, ''));
      else if (!line.text.trim() && line.after < src.length && /^(?: {4}|\t)\S/.test(lineAt(line.after).text)) body.push('');
      else break;
      at = end = line.after;
    }
    const token: FootnoteToken = { type: 'footnote', raw: src.slice(0, end), label: head[1]!.toLowerCase(), tokens: [] };
    this.lexer.blockTokens(body.join('\n'), token.tokens);
    return token;
  },
};

export const footnoteRef: TokenizerAndRendererExtension = {
  name: 'footnoteRef',
  level: 'inline',
  start: (src) => startWithin(src, /\[\^/),
  tokenizer(src) {
    const match = REFERENCE.exec(src);
    // `[^note]:` at a line's start is a definition, not a reference.
    if (!match || src[match[0].length] === ':') return undefined;
    return { type: 'footnoteRef', raw: match[0], label: match[1]!.toLowerCase() } satisfies FootnoteRefToken;
  },
};

export const emoji: TokenizerAndRendererExtension = {
  name: 'emoji',
  level: 'inline',
  start: (src) => startWithin(src, /:[a-z0-9_+-]{1,60}:/),
  tokenizer(src) {
    const match = SHORTCODE.exec(src);
    const found = match ? nameToEmoji[match[1]!] : undefined;
    return found ? ({ type: 'emoji', raw: match![0], name: match![1]!, emoji: found } satisfies EmojiToken) : undefined;
  },
};

/** Every token of a tree, depth first, in document order. */
function* walk(tokens: readonly Token[]): Generator<Token> {
  for (const token of tokens) {
    yield token;
    const t = token as Token & { tokens?: Token[]; items?: Tokens.ListItem[]; header?: Tokens.TableCell[]; rows?: Tokens.TableCell[][] };
    if (t.items) for (const item of t.items) yield* walk(item.tokens);
    if (t.header) for (const cell of t.header) yield* walk(cell.tokens);
    if (t.rows) for (const row of t.rows) for (const cell of row) yield* walk(cell.tokens);
    if (t.tokens) yield* walk(t.tokens);
  }
}

/** Notes numbered by their first reference; a reference to no note is left unnumbered, a note never referred to gets the next numbers. */
export function numberFootnotes(tokens: readonly Token[]): FootnoteToken[] {
  const notes = new Map<string, FootnoteToken>();
  for (const token of walk(tokens)) if (token.type === 'footnote' && !notes.has((token as FootnoteToken).label)) notes.set((token as FootnoteToken).label, token as FootnoteToken);
  let next = 1;
  for (const token of walk(tokens)) {
    if (token.type !== 'footnoteRef') continue;
    const ref = token as FootnoteRefToken;
    const note = notes.get(ref.label);
    if (!note) continue;
    note.number ??= next++;
    ref.number = note.number;
  }
  for (const note of notes.values()) note.number ??= next++;
  return [...notes.values()].sort((a, b) => a.number! - b.number!);
}
