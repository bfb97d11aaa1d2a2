// Markdown (with the layout directives) into marked tokens.
import { Marked, type Token } from 'marked';
import { containerDirective, lineDirective } from './directives.js';

const marked = new Marked({ gfm: true, extensions: [lineDirective, containerDirective] });

export function lexMarkdown(markdown: string): Token[] {
  return marked.lexer(markdown);
}
