// The pieces a pen-and-paper packet needs and Markdown has no word for: list
// rows with a marker, tick-box rating rows with anchors, fields to write in,
// ruled lines, labelled notes. Each is a plain pdfmake node.
import { inlineMarkdown, type Inline } from './inlines.js';
import { textWidth, type TextStyle } from './measure.js';
import type { Theme } from './theme.js';

/** A pdfmake content node, kept loose: pdfmake itself checks the shape. */
export type PdfNode = Record<string, unknown>;

const NO_BORDER = [false, false, false, false];
/** The bundled font's ascent, as a share of the type size (DejaVu Sans: 1901/2048). */
export const ASCENT = 0.928;

/** The size a style gives text, for measuring. */
export function styleOf(theme: Theme, name: string, extra: Partial<TextStyle> = {}): TextStyle {
  const style = theme.styles[name] ?? {};
  return {
    font: theme.font,
    fontSize: typeof style.fontSize === 'number' ? style.fontSize : theme.fontSize,
    bold: style.bold === true,
    italics: style.italics === true,
    ...extra,
  };
}

/**
 * One list item: its marker (bullet, number or tick box) in a narrow column,
 * its content beside it. Unbreakable: an item is never split across pages
 * (one taller than a page flows on from a new page, see patches/).
 */
export function markerRow(marker: Inline[], markerStyle: string, markerWidth: number, content: PdfNode[], drop = 0): PdfNode {
  return {
    columns: [
      { text: marker, style: markerStyle, width: markerWidth },
      // `drop` lowers the text onto the baseline of a marker set larger than it.
      { stack: content, width: '*', margin: [0, drop, 0, 0] },
    ],
    columnGap: 2,
    margin: [0, 1, 0, 2],
    unbreakable: true,
  };
}

/** N ruled lines across the column, to write on. */
export function ruledLines(count: number, width: number, theme: Theme): PdfNode {
  const gap = theme.writeLineGap;
  const line = (y: number) => ({ type: 'line', x1: 0, y1: y, x2: width, y2: y, lineWidth: 0.5, lineColor: theme.colors.rule });
  return { canvas: Array.from({ length: count }, (_, i) => line(gap * (i + 1))), margin: [0, 0, 0, 4] };
}

export interface Anchor {
  /** The choices the anchor spans, e.g. ["Definitely not", "No"]. */
  choices: string[];
  markdown: string;
}

/**
 * A row of tick boxes, one per choice, led by a label ("Rating"); under it, the
 * anchors: what an answer looks like at those choices. A table, so that every
 * choice has the same width and an anchor sits under the choices it describes.
 */
export function ratingRow(label: string, choices: string[], anchors: Anchor[], theme: Theme, contentWidth: number): { node: PdfNode; choiceCells: PdfNode[] } {
  const box = styleOf(theme, 'ratingBox');
  const text = styleOf(theme, 'rating');
  const padding = 6;
  const boxWidth = textWidth(`${theme.tickBox} `, box);
  const labelWidth = label ? textWidth(label, styleOf(theme, 'ratingLabel')) + padding : 0;
  const choiceWidth = Math.max(...choices.map((c) => boxWidth + textWidth(c, text))) + padding;
  const fits = labelWidth + choiceWidth * choices.length <= contentWidth;
  const widths = [...(label ? [fits ? labelWidth : 'auto'] : []), ...choices.map(() => (fits ? choiceWidth : '*'))];
  // A rating row reads as a table (structure.ts): the choices are its column headers, each anchor a cell under the choices it describes.
  const choiceCell = (choice: string) => ({ text: [{ text: `${theme.tickBox} `, style: 'ratingBox' }, ...inlineMarkdown(choice)], style: 'rating', noWrap: fits, tag: { type: 'TH', scope: 'Column' } });
  // The label sits on the choices' baseline, which the taller tick box lowers.
  const drop = Math.max(0, (box.fontSize - styleOf(theme, 'ratingLabel').fontSize) * ASCENT);
  const choiceCells: PdfNode[] = choices.map(choiceCell);
  const rows: PdfNode[][] = [[...(label ? [{ text: label, style: 'ratingLabel', margin: [0, drop, 0, 0], tag: { type: 'TH', scope: 'Row' } }] : []), ...choiceCells]];
  if (anchors.length) {
    const row: PdfNode[] = label ? [{ text: '' }] : [];
    let column = 0;
    for (const anchor of [...anchors].sort((a, b) => choices.indexOf(a.choices[0]!) - choices.indexOf(b.choices[0]!))) {
      const start = choices.indexOf(anchor.choices[0]!);
      for (; column < start; column++) row.push({ text: '' });
      const span = anchor.choices.length;
      row.push({ text: inlineMarkdown(anchor.markdown), style: 'anchor', colSpan: span });
      for (let i = 1; i < span; i++) row.push({});
      column += span;
    }
    for (; column < choices.length; column++) row.push({ text: '' });
    rows.push(row);
  }
  const node = {
    tag: { type: 'Table' },
    table: { widths, body: rows, dontBreakRows: true },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => padding, paddingTop: () => 1, paddingBottom: () => 1 },
    margin: [0, 2, 0, 2],
  };
  return { node, choiceCells };
}

/** The anchor for a choice named in it, e.g. `Definitely not, No = A weak answer…`. */
export function parseAnchor(spec: string, choices: readonly string[]): Anchor | string {
  const at = spec.indexOf('=');
  if (at < 0) return `an anchor is "choice, choice = text", not "${spec}"`;
  const named = spec.slice(0, at).split(',').map((c) => c.trim()).filter(Boolean);
  const markdown = spec.slice(at + 1).trim();
  const positions = named.map((c) => choices.indexOf(c));
  if (!named.length || positions.some((p) => p < 0)) return `the anchor "${spec.slice(0, at).trim()}" names a choice the rating row above does not have (${choices.join(', ')})`;
  if (positions.some((p, i) => i > 0 && p !== positions[i - 1]! + 1)) return `the anchor "${spec.slice(0, at).trim()}" must name neighbouring choices, in order`;
  return { choices: named, markdown };
}

/** Label width of a field row: the widest label, so that every row's blanks start at the same place. */
function labelColumn(labels: readonly string[], theme: Theme): number {
  return Math.max(0, ...labels.map((l) => textWidth(`${l}:`, styleOf(theme, 'field')))) + 4;
}

export interface FieldSpec {
  label: string;
  /** Inline Markdown, or '' for a blank to write on. */
  value: string;
}

export function parseField(spec: string): FieldSpec {
  const [label, ...value] = spec.split('=');
  return { label: label!.trim(), value: value.join('=').trim() };
}

/** A blank of a fields table: its cell and width, to make a form field of. */
export interface FieldBlank {
  label: string;
  cell: PdfNode;
  width: number;
  height: number;
}

/** pdfmake's default cell padding, left and right. */
const CELL_PADDING = 4;

/** Labelled fields to write in, two to a row; labels in one column width so the blanks line up. */
export function fields(specs: readonly FieldSpec[], theme: Theme, contentWidth: number): { node: PdfNode; blanks: FieldBlank[] } {
  const labelWidth = labelColumn(specs.map((s) => s.label), theme);
  // Widths in points, so that a form field can take the blank's width.
  const blankWidth = (contentWidth - 2 * labelWidth - 8 * CELL_PADDING) / 2;
  const lineHeight = theme.fontSize * theme.lineHeight * 1.17;
  const blanks: FieldBlank[] = [];
  const cell = (spec: FieldSpec | undefined, width: number): [PdfNode, PdfNode] => {
    if (!spec) return [{ text: '', border: NO_BORDER }, { text: '', border: NO_BORDER }];
    // A label and its value (or blank) read as one paragraph: "Candidate: Zoë Ødegård" (structure.ts).
    const paragraph = { type: 'P' };
    const value: PdfNode = { text: spec.value ? inlineMarkdown(spec.value) : ' ', border: [false, false, false, true], margin: [2, 6, 0, 0], tag: paragraph };
    if (!spec.value) blanks.push({ label: spec.label, cell: value, width: width - 2, height: lineHeight + 4 });
    return [{ text: `${spec.label}:`, style: 'field', border: NO_BORDER, tag: paragraph }, value];
  };
  const body: unknown[][] = [];
  for (let i = 0; i < specs.length; i += 2) {
    // A field alone on its row takes the whole row.
    if (i + 1 === specs.length && i > 0) {
      const [label, value] = cell(specs[i], 2 * blankWidth + labelWidth + 4 * CELL_PADDING);
      value.colSpan = 3;
      body.push([label, value, {}, {}]);
    } else body.push([...cell(specs[i], blankWidth), ...cell(specs[i + 1], blankWidth)]);
  }
  const node = {
    table: { widths: [labelWidth, blankWidth, labelWidth, blankWidth], body },
    layout: { hLineWidth: () => 0.6, vLineWidth: () => 0, hLineColor: () => theme.colors.rule, paddingTop: () => 4, paddingBottom: () => 2 },
    margin: [0, 0, 0, 10],
  };
  return { node, blanks };
}

/**
 * Fields in the running head, one under the other: a fixed blank each, so they
 * line up on every page; a filled-in value too long for its blank is set
 * smaller to fit.
 */
export function headerFields(specs: readonly FieldSpec[], theme: Theme): PdfNode {
  const blank = 120;
  const base = styleOf(theme, 'runningHeader');
  const rows = specs.map((spec) => {
    const fitted = spec.value ? Math.min(base.fontSize, (base.fontSize * (blank - 4)) / Math.max(1, textWidth(spec.value, base))) : base.fontSize;
    return [
      { text: `${spec.label}:`, style: 'runningHeader', border: NO_BORDER, margin: [0, 0, 4, 0] },
      { text: spec.value ? inlineMarkdown(spec.value) : ' ', style: 'runningHeader', fontSize: Math.max(4, fitted), noWrap: true, border: [false, false, false, true] },
    ];
  });
  return {
    table: { widths: ['auto', blank], body: rows },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0, hLineColor: () => theme.colors.rule, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 1, paddingBottom: () => 1 },
    width: 'auto',
  };
}

/** A short labelled note ("Red flag", "Avoid"): the label in its own column, the text beside it. */
export function note(label: string, content: PdfNode[], theme: Theme): PdfNode {
  return {
    columns: [
      { text: label, style: 'noteLabel', width: textWidth(label, styleOf(theme, 'noteLabel')) + 1 },
      { stack: content, width: '*' },
    ],
    columnGap: 6,
    style: 'note',
    unbreakable: true,
  };
}
