// Markdown (with the layout directives) into marked tokens.
import { decodeHTMLStrict } from 'entities';
import { Marked, type Token } from 'marked';
import { containerDirective, lineDirective } from './directives.js';

const marked = new Marked({ gfm: true, extensions: [lineDirective, containerDirective] });

export function lexMarkdown(markdown: string): Token[] {
  return marked.lexer(markdown);
}

/**
 * marked keeps HTML entities in text tokens; pdfmake prints what it is given.
 * Every named and numeric entity of HTML5, each only with its semicolon, so
 * that "AT&T" and "&c" stay as written.
 */
export const decodeEntities = (text: string): string => decodeHTMLStrict(text);
