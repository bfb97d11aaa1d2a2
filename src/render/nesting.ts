// How deep a Markdown text nests block quotes and lists, found line by line
// without parsing it. marked and pdfmake recurse once per level, and time
// grows with depth × size: a text 10 000 levels deep overflowed the stack
// after a minute. Past MAX_NESTING levels (no text a person writes comes
// near: each level takes a column's indent) the text is refused at its line.

export const MAX_NESTING = 100;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;

/** Block quote and list levels a line opens: its `>` and list markers, and for a list item its indent (two columns a level). */
function depthOf(line: string): number {
  let depth = 0;
  let indent = 0;
  let at = 0;
  let listItem = false;
  for (;;) {
    while (line[at] === ' ' || line[at] === '\t') {
      if (depth === 0) indent += line[at] === '\t' ? 4 : 1;
      at++;
    }
    if (line[at] === '>') {
      depth++;
      at++;
      continue;
    }
    const marker = LIST_MARKER.exec(line.slice(at, at + 11));
    if (!marker) break;
    depth++;
    listItem = true;
    at += marker[0].length;
  }
  return depth + (listItem ? Math.floor(indent / 2) : 0);
}

/** The first line (1-based) that nests deeper than MAX_NESTING, with how deep; fenced code is not counted. */
export function tooDeep(text: string): { line: number; depth: number } | undefined {
  let fence: string | undefined;
  let line = 0;
  for (const row of text.split('\n')) {
    line++;
    const opened = FENCE.exec(row)?.[1];
    if (fence) {
      if (opened && opened[0] === fence[0] && opened.length >= fence.length) fence = undefined;
      continue;
    }
    if (opened) {
      fence = opened;
      continue;
    }
    const depth = depthOf(row);
    if (depth > MAX_NESTING) return { line, depth };
  }
  return undefined;
}

export const nestingMessage = (depth: number) => `block quotes and lists nested ${depth} deep: preppack prints at most ${MAX_NESTING} levels`;
