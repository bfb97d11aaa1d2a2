// Control characters: in no text a person means to print. A bell or an escape
// prints as nothing or an empty box, a vertical tab or U+2028 as a line break
// where none was written; in a name they break the tables a name is set in.

/** C0 controls but tab and line feed, DEL, C1 controls, and the Unicode line and paragraph separators. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/u;
const CONTROLS = new RegExp(CONTROL.source, 'gu');

export const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first control character of a text (tab and line feed included when `inLine`: a name or label is one line). */
export function controlIn(text: string, inLine = false): { char: string; index: number } | undefined {
  const match = (inLine ? /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u : CONTROL).exec(text);
  return match ? { char: match[0], index: match.index } : undefined;
}

/** Every control character of a multi-line text, with its 1-based line and column (the first of each kind only). */
export function controlsIn(text: string): { char: string; line: number; column: number; count: number }[] {
  const found = new Map<string, { char: string; line: number; column: number; count: number }>();
  for (const match of text.matchAll(CONTROLS)) {
    const seen = found.get(match[0]);
    if (seen) {
      seen.count++;
      continue;
    }
    const before = text.slice(0, match.index);
    const line = before.split('\n').length;
    found.set(match[0], { char: match[0], line, column: match.index - before.lastIndexOf('\n'), count: 1 });
  }
  return [...found.values()];
}

/** A text without its control characters (tab and line feed stay). */
export const withoutControls = (text: string) => text.replace(CONTROLS, '');

export const controlMessage = (char: string, count = 1) =>
  `a control character (${codePoint(char)})${count > 1 ? `, ${count} times in this file,` : ''} is not text: it would print as nothing or as a line break; remove it`;
