// Small charts a calibration page reads at a glance, as pdfmake tables of
// canvas bars: `::stack` (each row's counts as one bar of coloured shares,
// with a legend) and `::bars` (a value per row, as a bar left or right of a
// zero line). Colours from ColorBrewer's RdBu, told apart in grey print and
// by most colour-blind readers.
import { inlineMarkdown } from './inlines.js';
import { textWidth } from './measure.js';
import type { Theme } from './theme.js';
import { styleOf, type PdfNode } from './widgets.js';

/** Worst to best: red to blue; a fifth category (not assessed) grey. */
export const SHARE_COLORS = ['#b2182b', '#ef8a62', '#67a9cf', '#2166ac', '#bababa'];
const BAR_HEIGHT = 9;
const NO_LINES = { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 6, paddingTop: () => 2, paddingBottom: () => 2 };

export interface ChartRow {
  label: string;
  values: number[];
}

/** "Sam = 1, 2, 3" → label and numbers; a problem sentence otherwise. */
export function parseChartRow(spec: string, expected?: number): ChartRow | string {
  const at = spec.lastIndexOf('=');
  if (at < 0) return `a chart row is "label = number, number…", not "${spec}"`;
  const values = spec.slice(at + 1).split(',').map((v) => Number(v.trim()));
  if (values.some((v) => !Number.isFinite(v)) || (expected !== undefined && values.length !== expected)) return `"${spec.slice(at + 1).trim()}" must be ${expected ?? 'some'} numbers, separated by commas`;
  return { label: spec.slice(0, at).trim(), values };
}

const labelColumn = (rows: readonly ChartRow[], theme: Theme) => Math.max(40, ...rows.map((r) => textWidth(r.label, styleOf(theme, 'p')))) + 6;

/** Each row's counts as one bar of shares, in `categories`' colours, its total at the right; a legend above. */
export function stackedBars(categories: readonly string[], rows: readonly ChartRow[], theme: Theme, width: number): PdfNode {
  const label = labelColumn(rows, theme);
  const total = 36;
  const bar = width - label - total - 12;
  const legend = categories.flatMap((name, i) => [{ text: '■ ', color: SHARE_COLORS[i % SHARE_COLORS.length] }, { text: `${name}${i < categories.length - 1 ? '   ' : ''}` }]);
  const body: PdfNode[][] = rows.map((row) => {
    const sum = row.values.reduce((a, b) => a + b, 0);
    let x = 0;
    const rects = row.values.flatMap((value, i) => {
      const w = sum ? (bar * value) / sum : 0;
      const rect = { type: 'rect', x, y: 0, w, h: BAR_HEIGHT, color: SHARE_COLORS[i % SHARE_COLORS.length] };
      x += w;
      return w > 0 ? [rect] : [];
    });
    return [{ text: inlineMarkdown(row.label), style: 'p', margin: [0, 0, 0, 0] }, { canvas: rects.length ? rects : [{ type: 'line', x1: 0, y1: BAR_HEIGHT / 2, x2: bar, y2: BAR_HEIGHT / 2, lineWidth: 0.5, lineColor: theme.colors.rule }], margin: [0, 1, 0, 0] }, { text: String(sum), alignment: 'right' }];
  });
  return {
    stack: [
      { text: legend, style: 'anchor', margin: [label + 6, 0, 0, 4] },
      { table: { widths: [label, bar, total], body, dontBreakRows: true }, layout: NO_LINES },
    ],
    margin: [0, 2, 0, 8],
    unbreakable: true,
  };
}

/** A value per row as a bar from a zero line, left (negative) or right (positive), between `min` and `max`; the value written after it. */
export function divergingBars(min: number, max: number, rows: readonly ChartRow[], theme: Theme, width: number): PdfNode {
  const label = labelColumn(rows, theme);
  const valueColumn = 40;
  const bar = width - label - valueColumn - 12;
  const scale = bar / (max - min);
  const zero = -min * scale;
  const shown = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(2)}`;
  const body: PdfNode[][] = rows.map((row) => {
    const value = Math.max(min, Math.min(max, row.values[0] ?? 0));
    const [from, to] = value >= 0 ? [zero, zero + value * scale] : [zero + value * scale, zero];
    return [
      { text: inlineMarkdown(row.label), style: 'p', margin: [0, 0, 0, 0] },
      {
        canvas: [
          { type: 'line', x1: zero, y1: -2, x2: zero, y2: BAR_HEIGHT + 2, lineWidth: 0.75, lineColor: theme.colors.ink ?? '#000' },
          ...(to - from > 0.2 ? [{ type: 'rect', x: from, y: 0, w: to - from, h: BAR_HEIGHT, color: value >= 0 ? SHARE_COLORS[3] : SHARE_COLORS[0] }] : []),
        ],
        margin: [0, 1, 0, 0],
      },
      { text: shown(row.values[0] ?? 0), alignment: 'right' },
    ];
  });
  return { table: { widths: [label, bar, valueColumn], body, dontBreakRows: true }, layout: NO_LINES, margin: [0, 2, 0, 8], unbreakable: true };
}
