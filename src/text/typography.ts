// Typographic quotes for printed running text. The content keeps the source's
// characters; only what is printed changes.

const OPENS_AFTER = /[\s([{\u2014\u2013\-/“‘]/u;

/**
 * Straight quotes made curly: an apostrophe inside or after a word is ’, a
 * quote after a space or an opening bracket opens (“ ‘), any other closes (” ’).
 * `before` is the character printed just before `text`, '' at the start.
 */
export function typographicQuotes(text: string, before = ''): string {
  if (!text.includes('"') && !text.includes("'")) return text;
  let previous = before;
  let result = '';
  for (const char of text) {
    let printed = char;
    const opens = previous === '' || OPENS_AFTER.test(previous);
    if (char === '"') printed = opens ? '“' : '”';
    else if (char === "'") printed = opens ? '‘' : '’';
    result += printed;
    previous = char;
  }
  return result;
}
