// Line-level helpers for reading exported pages: numbered lines, and the
// conversion of the export's bullets and paragraphs into Markdown.
import { escapeMarkdown } from '../text/escapeMarkdown.js';

export interface PageLine {
  /** 1-based line number in the page. */
  number: number;
  text: string;
}

export function toLines(text: string): PageLine[] {
  return text.split('\n').map((line, index) => ({ number: index + 1, text: line.replace(/\s+$/u, '') }));
}

const BULLET = /^\s+•\s+(.*)$/u;
const NUMBERED = /^\s+(\d+)\.\s+(.*)$/u;

/** Turns the export's paragraphs, `  • ` bullets and `  1. ` items into Markdown. */
export function toMarkdown(lines: readonly PageLine[]): string {
  const blocks: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) blocks.push(list.join('\n'));
    list = [];
  };
  for (const { text } of lines) {
    const bullet = BULLET.exec(text);
    const numbered = NUMBERED.exec(text);
    if (bullet) list.push(`- ${escapeMarkdown(bullet[1]!)}`);
    else if (numbered) list.push(`${numbered[1]}. ${escapeMarkdown(numbered[2]!)}`);
    else {
      flush();
      if (text.trim()) blocks.push(escapeMarkdown(text.trim()));
    }
  }
  flush();
  return blocks.join('\n\n');
}

/** The text of each bullet in a run of lines. */
export function bulletTexts(lines: readonly PageLine[]): string[] {
  return lines.map((l) => BULLET.exec(l.text)?.[1]?.trim()).filter((t): t is string => Boolean(t));
}

export const isBlank = (line: PageLine) => line.text.trim() === '';
