// The layout that Markdown cannot say, as a small set of block directives:
//
//   ::pagebreak                  start a new page
//   ::toc Contents               the table of contents, with page numbers
//   ::lines 3                    3 ruled lines to write on
//   ::lines 5 fill               at least 5, plus a share of the page's spare space
//   ::lines 0 fill               only the page's spare space (from 3 lines), else nothing
//   ::rating Rating: A | B | C   a row of tick boxes, one per choice, after a label
//   ::anchors A, B = text        under the rating row above: what A and B look like
//   ::fields Candidate | Date    labelled fields to write in
//   ::header Candidate | Date    the same, in the running head of every page
//   ::footer Seed 7              a note in the foot of every page
//   ::spacer 12                  vertical space, in points
//   ::ref story-id | Title       "→ Title, page N" pointing at a heading {#story-id}
//   :::keep … :::                keep the enclosed blocks on one page
//   :::cover … :::               the cover: centred, on a page of its own
//   :::columns … ::column … :::  side-by-side columns
//   :::note Label … :::          a short labelled note ("Red flag", "Avoid")
//
// Tick boxes in lists are GitHub task items: `- [ ] point`. Arguments are
// separated by `|`; write `\|` for a bar inside one.
import type { TokenizerAndRendererExtension, Tokens } from 'marked';

export const LINE_DIRECTIVES = ['pagebreak', 'toc', 'lines', 'rating', 'anchors', 'fields', 'header', 'footer', 'spacer', 'ref', 'column', 'stack', 'bars'] as const;
export const CONTAINER_DIRECTIVES = ['keep', 'cover', 'columns', 'note'] as const;

export interface LineDirectiveToken extends Tokens.Generic {
  type: 'lineDirective';
  name: string;
  args: string;
}

export interface ContainerDirectiveToken extends Tokens.Generic {
  type: 'containerDirective';
  name: string;
  args: string;
  tokens: Tokens.Generic[];
  /** Opened and never closed: it holds the rest of the text, and rendering it is an error. */
  unclosed?: boolean;
}

const LINE = /^::([a-z][a-z-]*)(?:[ \t]+([^\n]*))?[ \t]*(?:\n|$)/;
const OPEN = /^:::([a-z][a-z-]*)[ \t]*([^\n]*)$/;
const CLOSE = /^:::[ \t]*$/;

/**
 * Where a directive could start in the paragraph at the head of `src`, for
 * marked to end the paragraph there. marked calls this at every paragraph
 * with all the text still to read: looking only as far as the paragraph's
 * end (its first blank line) keeps reading linear in the text.
 */
export function startIn(src: string, pattern: RegExp): number | undefined {
  const blank = src.indexOf('\n\n');
  return pattern.exec(blank < 0 ? src : src.slice(0, blank))?.index;
}

export const lineDirective: TokenizerAndRendererExtension = {
  name: 'lineDirective',
  level: 'block',
  start: (src) => startIn(src, /^::[a-z]/m),
  tokenizer(src) {
    if (!src.startsWith('::')) return undefined;
    const match = LINE.exec(src);
    if (!match) return undefined;
    return { type: 'lineDirective', raw: match[0], name: match[1]!, args: (match[2] ?? '').trim() } satisfies LineDirectiveToken;
  },
};

export const containerDirective: TokenizerAndRendererExtension = {
  name: 'containerDirective',
  level: 'block',
  start: (src) => startIn(src, /^:::[a-z]/m),
  tokenizer(src) {
    if (!src.startsWith(':::')) return undefined;
    const firstEnd = src.indexOf('\n');
    const open = OPEN.exec(firstEnd < 0 ? src : src.slice(0, firstEnd));
    if (!open || firstEnd < 0) return undefined;
    // Containers nest: count openings until the matching close, a line at a time.
    let depth = 0;
    for (let at = firstEnd + 1; at < src.length; ) {
      const next = src.indexOf('\n', at);
      const lineEnd = next < 0 ? src.length : next;
      const line = src.slice(at, lineEnd);
      if (OPEN.test(line)) depth++;
      else if (CLOSE.test(line)) {
        if (depth === 0) {
          const token: ContainerDirectiveToken = { type: 'containerDirective', raw: src.slice(0, next < 0 ? src.length : next + 1), name: open[1]!, args: open[2]!.trim(), tokens: [] };
          this.lexer.blockTokens(at > firstEnd + 1 ? src.slice(firstEnd + 1, at - 1) : '', token.tokens);
          return token;
        }
        depth--;
      }
      at = lineEnd + 1;
    }
    // Never closed: the rest of the text, for the renderer to report at the opening line.
    return { type: 'containerDirective', raw: src, name: open[1]!, args: open[2]!.trim(), tokens: [], unclosed: true } satisfies ContainerDirectiveToken;
  },
};

/** Splits `A | B | C` directive arguments; `\|` is a bar inside an argument. */
export const splitArgs = (args: string) => args.split(/(?<!\\)\|/).map((a) => a.trim()).filter(Boolean);
