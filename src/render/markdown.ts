// Markdown (with the layout directives) into marked tokens, in time linear in
// the text (linearMarked.ts).
import { Marked, type Token } from 'marked';
import { containerDirective, lineDirective } from './directives.js';
import { boundMarkedRules, linearEmphasis } from './linearMarked.js';
import { nestingMessage, tooDeep } from './nesting.js';
import { RenderError } from './toPdfmake.js';
import { withHtml } from './htmlTokens.js';
import { emoji, footnote, footnoteRef } from './gfmExtras.js';

boundMarkedRules();
const marked = new Marked({ gfm: true, extensions: [lineDirective, containerDirective, footnote, footnoteRef, emoji] }, linearEmphasis);

/** The tokens of a Markdown text, its HTML read (htmlTokens.ts); a text nested too deep to print is a RenderError (render and check find it first, at its line). */
export function lexMarkdown(markdown: string): Token[] {
  const deep = tooDeep(markdown);
  if (deep) throw new RenderError(nestingMessage(deep.depth));
  return withHtml(marked.lexer(markdown));
}
