// Form fields, for a fillable scoring sheet: which pieces of the page become
// fields (named by the template), and where pdfmake put them. Writing them
// into the PDF is the job of src/forms/.
import type { PdfNode } from './widgets.js';
import type { GlyphBox } from './measure.js';

/** A field as the content declares it: its node tells, after layout, where it went. */
export type FormField = { name: string; /** What a screen reader says the field is (`/TU`): "Question 3 rating". */ spoken: string } & (
  | { kind: 'text'; node: PdfNode; width: number; height: number; multiline: boolean; fontSize: number }
  /** A radio group: a choice's label is what is printed beside its box ("Strong yes"). */
  | { kind: 'radio'; choices: { value: string; label: string; node: PdfNode; offset?: number }[]; box: GlyphBox; ascent: number }
  /** A tick box of a task list: its marker's node; ticked when the Markdown says `[x]`. */
  | { kind: 'check'; node: PdfNode; checked: boolean; box: GlyphBox; ascent: number }
);

/** A rectangle on a page, in PDF points from the page's bottom-left corner. */
export interface Rect {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export type PlacedField = { name: string; spoken: string } & (
  | { kind: 'text'; rect: Rect; multiline: boolean; fontSize: number }
  | { kind: 'radio'; choices: { value: string; label: string; rect: Rect }[] }
  | { kind: 'check'; rect: Rect; checked: boolean }
);

/**
 * A field's name as a screen reader says it: `q3.rating` → "Question 3
 * rating", `q3.evidence` → "Question 3 evidence"; a tick box by what it ticks
 * ("Question 3: Triage by risk…"); otherwise its printed label, else its name
 * in words.
 */
export function spokenName(name: string, label = ''): string {
  const question = /^q(\d+)\.(.+)$/.exec(name);
  const words = (text: string) => text.replace(/[-_.]+/g, ' ').trim();
  if (question && /^tick-\d+$/.test(question[2]!)) return label ? `Question ${question[1]}: ${label}` : `Question ${question[1]} tick box ${question[2]!.slice(5)}`;
  if (question) return `Question ${question[1]} ${words(question[2]!)}`;
  if (label.trim()) return label.trim();
  const plain = words(name);
  return plain.charAt(0).toUpperCase() + plain.slice(1);
}

/** The Form element a field's widget goes under: the field's name, and a radio button's value after `#`. */
export const formElementKey = (name: string, value?: string) => (value === undefined ? name : `${name}#${value}`);

interface Position {
  pageNumber: number;
  left: number;
  top: number;
}

const positionOf = (node: PdfNode) => (node.positions as Position[] | undefined)?.[0];

/** `#q3.evidence` at the end of a directive's arguments names its field. */
export function fieldName(args: string): { args: string; name?: string } {
  const match = /\s*#([a-z][a-z0-9._-]*)\s*$/i.exec(args);
  return match ? { args: args.slice(0, match.index), name: match[1]!.toLowerCase() } : { args };
}

/** Where each field went, once pdfmake has laid the document out; fields that were not placed are left out. */
export function placeFields(fields: readonly FormField[], pageHeight: number): PlacedField[] {
  const placed: PlacedField[] = [];
  for (const field of fields) {
    if (field.kind === 'text') {
      const at = positionOf(field.node);
      if (!at) continue;
      placed.push({ kind: 'text', name: field.name, spoken: field.spoken, multiline: field.multiline, fontSize: field.fontSize, rect: { page: at.pageNumber, x: at.left, y: pageHeight - at.top - field.height, width: field.width, height: field.height } });
      continue;
    }
    // The tick box is the first glyph of its line (or `offset` into it: a centred cell), on its baseline.
    const boxAt = (node: PdfNode, offset = 0): Rect | undefined => {
      const at = positionOf(node);
      if (!at) return undefined;
      const baseline = at.top + field.ascent;
      return { page: at.pageNumber, x: at.left + offset + field.box.left, y: pageHeight - baseline + field.box.bottom, width: field.box.width, height: field.box.height };
    };
    if (field.kind === 'check') {
      const rect = boxAt(field.node);
      if (rect) placed.push({ kind: 'check', name: field.name, spoken: field.spoken, rect, checked: field.checked });
      continue;
    }
    const choices = field.choices.flatMap(({ value, label, node, offset }) => {
      const rect = boxAt(node, offset);
      return rect ? [{ value, label, rect }] : [];
    });
    if (choices.length) placed.push({ kind: 'radio', name: field.name, spoken: field.spoken, choices });
  }
  return placed;
}
