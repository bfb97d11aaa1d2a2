// The one rule for links in a PDF, whatever renders them: a link opens a web
// page or writes an e-mail, nothing else. `javascript:`, `file:`, `data:`,
// `vbscript:` and the rest (and links that are not absolute URLs) print as
// their text, with no live link behind it.
import { decodeEntities } from '../text/entities.js';

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** The link as a PDF may open it, or undefined if it may not be live. */
export function safeLink(href: string | undefined | null): string | undefined {
  if (!href) return undefined;
  let url: URL;
  try {
    // Entities first, and the URL parser's reading of the scheme: "&#106;avascript:" and "java\tscript:" are what a viewer would see.
    url = new URL(decodeEntities(href).trim());
  } catch {
    return undefined;
  }
  return SAFE_SCHEMES.has(url.protocol) ? url.href : undefined;
}
