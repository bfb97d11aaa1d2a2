// Typographic quotes for printed running text. The content keeps the source's
// characters; only what is printed changes.

/** What a quote closes after: a word, or what ends one (a full stop, a bracket, a quote). */
const CLOSES_AFTER = /[\p{L}\p{N}\p{M}.,;:!?)\]}…%”’"']/u;

/**
 * Straight quotes made curly: an apostrophe inside or after a word is ’, a
 * quote after a word or what ends one closes (” ’), any other opens (“ ‘):
 * after a space, a bracket, a dash, `=` or `*`.
 * `before` is the character printed just before `text`, '' at the start.
 */
export function typographicQuotes(text: string, before = ''): string {
  if (!text.includes('"') && !text.includes("'")) return text;
  let previous = before;
  let result = '';
  for (const char of text) {
    let printed = char;
    const opens = !CLOSES_AFTER.test(previous);
    if (char === '"') printed = opens ? '“' : '”';
    else if (char === "'") printed = opens ? '‘' : '’';
    result += printed;
    previous = char;
  }
  return result;
}

/**
 * The last two words of a text joined by a no-break space, so that a line
 * that wraps never leaves one word alone on its last line; a sign between
 * them ("VP / Principal") goes with both. A text of one word comes back as it
 * was.
 */
export function withoutLoneLastWord(text: string): string {
  return text.replace(/(?:\s+[^\p{L}\p{N}\s]+)?\s+\S+\s*$/u, (end) => end.trimEnd().replace(/\s+/gu, '\u00a0'));
}
