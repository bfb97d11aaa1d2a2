// Syntax highlighting of fenced code, with highlight.js (the highlighter
// GitHub-like renderers use; some 40 common languages, no guessing of a
// block's language) in a print theme: keywords bold, comments italic, so the
// colours may fade to grey on a black-and-white printer and the code still
// reads.
import { createRequire } from 'node:module';
import type { HLJSApi } from 'highlight.js';
import { Parser } from 'htmlparser2';

/** A run of code and the highlight.js class it is in ('' for plain). */
export interface CodeRun {
  text: string;
  scope: string;
}

let hljs: HLJSApi | undefined;
/** Loaded on the first block that names a language: most documents never need it. */
const highlighter = () => (hljs ??= createRequire(import.meta.url)('highlight.js/lib/common') as HLJSApi);

/** What each highlight.js scope looks like on paper. */
export const CODE_THEME: Record<string, Record<string, unknown>> = {
  keyword: { bold: true, color: '#1f3f73' },
  'selector-tag': { bold: true, color: '#1f3f73' },
  doctag: { bold: true, color: '#1f3f73' },
  built_in: { color: '#1f5f8b' },
  type: { color: '#1f5f8b' },
  literal: { color: '#8f2a1a' },
  number: { color: '#8f2a1a' },
  symbol: { color: '#8f2a1a' },
  bullet: { color: '#8f2a1a' },
  string: { color: '#2d5f2e' },
  regexp: { color: '#2d5f2e' },
  'template-tag': { color: '#2d5f2e' },
  comment: { italics: true, color: '#5f6b7a' },
  quote: { italics: true, color: '#5f6b7a' },
  meta: { color: '#5f6b7a' },
  title: { color: '#5a2d82' },
  section: { bold: true, color: '#5a2d82' },
  name: { color: '#1f3f73' },
  attr: { color: '#7a4a00' },
  attribute: { color: '#7a4a00' },
  property: { color: '#7a4a00' },
  variable: { color: '#7a4a00' },
  addition: { color: '#2d5f2e', background: '#e6f4e8' },
  deletion: { color: '#8f2a1a', background: '#fbe9e7' },
  emphasis: { italics: true },
  strong: { bold: true },
};

/** The look of a scope: "title function_" takes title's. */
export const scopeStyle = (scope: string): Record<string, unknown> | undefined => {
  for (const part of scope.split(/[ .]/)) if (CODE_THEME[part]) return CODE_THEME[part];
  return undefined;
};

/** The code as runs of scopes; one run of plain text when the language is unknown or not given. */
export function highlightCode(code: string, language: string): CodeRun[] {
  const name = language.trim().split(/[\s{,]/)[0]!.toLowerCase();
  if (!name) return [{ text: code, scope: '' }];
  const api = highlighter();
  if (!api.getLanguage(name)) return [{ text: code, scope: '' }];
  const html = api.highlight(code, { language: name, ignoreIllegals: true }).value;
  const runs: CodeRun[] = [];
  const scopes: string[] = [];
  const parser = new Parser(
    {
      onopentag(_name, attributes) {
        scopes.push((attributes.class ?? '').replace(/hljs-/g, '').trim() || (scopes.at(-1) ?? ''));
      },
      onclosetag() {
        scopes.pop();
      },
      ontext(text) {
        // The innermost scope with a look of its own.
        const scope = [...scopes].reverse().find((s) => scopeStyle(s)) ?? '';
        const last = runs.at(-1);
        if (last && last.scope === scope) last.text += text;
        else runs.push({ text, scope });
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return runs;
}
