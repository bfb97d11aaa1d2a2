// Proof that a layout lost no text. pdfmake drops, without a word, a block
// kept together that is taller than a page, a table row kept whole that is
// taller than a page, and text in a column too narrow to hold it. So every
// character of the body's text is counted before layout and again on the
// laid-out pages (between the margins: the running head and foot are not the
// body); a layout that placed fewer of any character is not accepted.

/** How many times each UTF-16 code unit occurs, white space aside. */
export type CharacterCounts = Int32Array;

const isBlank = (code: number) => code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x200b || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x3000 || code === 0xfeff;

function add(counts: CharacterCounts, text: string): void {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isBlank(code)) counts[code]!++;
  }
}

/** The characters of every text in a tree of pdfmake nodes (before pdfmake has laid them out). */
export function bodyCharacters(nodes: unknown): CharacterCounts {
  const counts: CharacterCounts = new Int32Array(0x10000);
  // A string is text where it is a node's `text`, or a piece of one.
  const walk = (node: unknown, isText: boolean): void => {
    if (typeof node === 'string') {
      if (isText) add(counts, node);
    } else if (Array.isArray(node)) for (const child of node) walk(child, isText);
    else if (node && typeof node === 'object') for (const key in node) walk((node as Record<string, unknown>)[key], key === 'text');
  };
  walk(nodes, false);
  return counts;
}

interface LaidOutLine {
  y: number;
  inlines: { text: string }[];
}

export interface LaidOutPage {
  items: { type: string; item: unknown }[];
  pageSize: { height: number };
  pageMargins: { top: number; bottom: number };
}

/** The characters pdfmake placed in the body of its pages. */
export function laidOutCharacters(pages: readonly LaidOutPage[]): CharacterCounts {
  const counts: CharacterCounts = new Int32Array(0x10000);
  for (const page of pages) {
    const top = page.pageMargins.top - 0.5;
    const bottom = page.pageSize.height - page.pageMargins.bottom;
    for (const { type, item } of page.items) {
      if (type !== 'line') continue;
      const line = item as LaidOutLine;
      if (line.y < top || line.y >= bottom) continue;
      for (const inline of line.inlines) add(counts, inline.text);
    }
  }
  return counts;
}

export interface LostText {
  /** How many characters did not reach the pages. */
  count: number;
  /** A few of them, to show. */
  sample: string;
}

/** Characters of the body that did not reach the pages, if any. */
export function lostText(before: CharacterCounts, after: CharacterCounts): LostText | undefined {
  let count = 0;
  let sample = '';
  for (let code = 0; code < before.length; code++) {
    const lost = before[code]! - after[code]!;
    if (lost > 0) {
      count += lost;
      if (sample.length < 12) sample += String.fromCharCode(code);
    }
  }
  return count ? { count, sample } : undefined;
}
