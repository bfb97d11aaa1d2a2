// HTML character references in Markdown text (`&copy;`, `&#169;`, `&#xA9;`):
// marked keeps them in its tokens, and pdfmake prints what it is given.
import { decodeHTMLStrict } from 'entities';

/** What CommonMark reads as a character reference: a name, or 1–7 decimal or 1–6 hex digits, with its semicolon. */
const REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/**
 * Every named and numeric entity of HTML5 decoded, each only with its
 * semicolon, so that "AT&T", "&c" and "&#87654321;" stay as written.
 */
export const decodeEntities = (text: string): string => (text.includes('&') ? text.replace(REFERENCE, (reference) => decodeHTMLStrict(reference)) : text);

/** The character reference that starts at `at` in a text and what it stands for, if one does. */
export function referenceAt(text: string, at: number): { written: string; chars: string } | undefined {
  const sticky = new RegExp(REFERENCE.source, 'y');
  sticky.lastIndex = at;
  const written = sticky.exec(text)?.[0];
  if (!written) return undefined;
  const chars = decodeHTMLStrict(written);
  return chars === written ? undefined : { written, chars };
}
