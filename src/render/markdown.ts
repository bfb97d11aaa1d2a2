// Markdown (with the layout directives) into marked tokens.
import { Marked, type Token } from 'marked';
import { containerDirective, lineDirective } from './directives.js';

const marked = new Marked({ gfm: true, extensions: [lineDirective, containerDirective] });

export function lexMarkdown(markdown: string): Token[] {
  return marked.lexer(markdown);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

/** marked keeps HTML entities in text tokens; pdfmake prints what it is given. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}
