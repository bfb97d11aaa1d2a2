// A fenced or indented code block on paper: the code font on a tint inside a
// thin frame, every space kept, highlighted where the block names its
// language, and a line longer than the block wrapped at its last column with
// a continuation mark (↪) rather than clipped or run off the page.
import { CODE_FONT } from './fonts.js';
import { highlightCode, scopeStyle, type CodeRun } from './highlight.js';
import type { Theme } from './theme.js';
import type { PdfNode } from './widgets.js';

/** DejaVu Sans Mono's advance: 1233 of 2048 units per em, every character. */
const ADVANCE = 1233 / 2048;
/** GitHub shows a tab as far as the next multiple of 8 columns. */
const TAB = 8;
const PADDING = 6;
/** The mark that starts a wrapped line's continuation. */
export const CONTINUATION = '↪';
/** A block of at most this many lines is kept on one page. */
const KEEP_LINES = 20;

/** Characters that take two columns of a monospaced font (CJK, fullwidth forms). */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
const columnsOf = (char: string) => (WIDE.test(char) ? 2 : 1);

/** The runs split into lines, tabs expanded. */
function linesOf(runs: readonly CodeRun[]): CodeRun[][] {
  const lines: CodeRun[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines.at(-1)!.push({ text: part.replace(/\r$/, ''), scope: run.scope });
    });
  }
  // Tabs are expanded over the whole line, so stops count from its start.
  return lines.map((line) => {
    let column = 0;
    return line.map((run) => {
      let text = '';
      for (const char of run.text) {
        if (char === '\t') {
          const spaces = TAB - (column % TAB);
          text += ' '.repeat(spaces);
          column += spaces;
        } else {
          text += char;
          column += columnsOf(char);
        }
      }
      return { ...run, text };
    });
  });
}

/** A line as rows of at most `columns` columns: the first whole width, each continuation after its mark. */
export function wrapLine(line: readonly CodeRun[], columns: number): CodeRun[][] {
  const rows: CodeRun[][] = [[]];
  let used = 0;
  const limit = () => (rows.length === 1 ? columns : columns - 2);
  for (const run of line) {
    for (const char of run.text) {
      const width = columnsOf(char);
      if (used + width > limit() && used > 0) {
        rows.push([]);
        used = 0;
      }
      const row = rows.at(-1)!;
      const last = row.at(-1);
      if (last && last.scope === run.scope) last.text += char;
      else row.push({ text: char, scope: run.scope });
      used += width;
    }
  }
  return rows;
}

/** The block as a pdfmake node `width` points wide; `lines` is how many printed lines it has. */
export function codeBlock(code: string, language: string, width: number, theme: Theme): { node: PdfNode; lines: number } {
  const style = theme.styles.code ?? {};
  const fontSize = typeof style.fontSize === 'number' ? style.fontSize : theme.fontSize * 0.9;
  const columns = Math.max(8, Math.floor((width - 2 * PADDING - 1) / (ADVANCE * fontSize)));
  const muted = theme.colors.muted ?? '#5f6b7a';
  const text: (string | Record<string, unknown>)[] = [];
  let printed = 0;
  for (const line of linesOf(highlightCode(code.replace(/\n$/, ''), language))) {
    wrapLine(line, columns).forEach((row, i) => {
      if (printed > 0) text.push('\n');
      if (i > 0) text.push({ text: `${CONTINUATION} `, color: muted });
      for (const run of row) text.push({ text: run.text, ...scopeStyle(run.scope) });
      printed++;
    });
  }
  const frame = theme.colors.codeFrame ?? '#d0d7de';
  const node: PdfNode = {
    table: { widths: ['*'], body: [[{ text: text.length ? text : ' ', font: CODE_FONT, fontSize, lineHeight: typeof style.lineHeight === 'number' ? style.lineHeight : 1.2, ...(style.color ? { color: style.color } : {}), preserveLeadingSpaces: true }]] },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => frame,
      vLineColor: () => frame,
      fillColor: () => theme.colors.codeTint ?? '#f6f8fa',
      paddingLeft: () => PADDING,
      paddingRight: () => PADDING,
      paddingTop: () => 4,
      paddingBottom: () => 4,
    },
    margin: style.margin ?? [0, 2, 0, 8],
    ...(printed <= KEEP_LINES ? { unbreakable: true } : {}),
  };
  return { node, lines: printed };
}
