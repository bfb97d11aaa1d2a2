// GitHub's alerts: a block quote whose first line is `[!NOTE]`, `[!TIP]`,
// `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]` prints as a titled, tinted
// box in that kind's colour, the marker gone.
import type { Token, Tokens } from 'marked';
import type { PdfNode } from './widgets.js';

export type AlertKind = 'note' | 'tip' | 'important' | 'warning' | 'caution';

/** Title, its colour (dark enough to print) and the box's tint, as GitHub colours them. */
const KINDS: Record<AlertKind, { title: string; color: string; tint: string }> = {
  note: { title: 'Note', color: '#0550ae', tint: '#eef6ff' },
  tip: { title: 'Tip', color: '#116329', tint: '#edf9f0' },
  important: { title: 'Important', color: '#6639ba', tint: '#f6f0ff' },
  warning: { title: 'Warning', color: '#7d4e00', tint: '#fff8e1' },
  caution: { title: 'Caution', color: '#a40e26', tint: '#fff0ef' },
};

const MARKER = /^\[!(note|tip|important|warning|caution)\][ \t]*(?:\r?\n|$)/i;

export interface Alert {
  kind: AlertKind;
  /** The quote's blocks without the marker. */
  tokens: Token[];
}

/** The first `count` characters of inline tokens' text taken off (the marker), and the line break after it. */
function withoutLead(tokens: readonly Token[], count: number): Token[] {
  const out: Token[] = [];
  let left = count;
  let trimming = true;
  for (const token of tokens) {
    if (trimming && (token.type === 'text' || token.type === 'escape')) {
      const text = (token as Tokens.Text).text;
      const rest = text.slice(Math.min(left, text.length));
      left = Math.max(0, left - text.length);
      const kept = left === 0 ? rest.replace(/^\s+/, '') : '';
      if (left === 0 && kept) trimming = false;
      if (kept) out.push({ ...token, text: kept, raw: kept, tokens: undefined } as Token);
      continue;
    }
    if (trimming && token.type === 'br' && left === 0) continue;
    trimming = false;
    out.push(token);
  }
  return out;
}

/** The alert a block quote is, or undefined. */
export function alertOf(quote: Tokens.Blockquote): Alert | undefined {
  const [first, ...rest] = quote.tokens ?? [];
  if (first?.type !== 'paragraph') return undefined;
  const marker = MARKER.exec(first.raw);
  if (!marker) return undefined;
  const lead = withoutLead((first as Tokens.Paragraph).tokens, marker[0].trimEnd().length);
  const paragraph = lead.length ? [{ ...first, tokens: lead, text: first.text.slice(marker[0].length) } as Token] : [];
  return { kind: marker[1]!.toLowerCase() as AlertKind, tokens: [...paragraph, ...rest] };
}

/** The box: a bar of the kind's colour at the left, the title, the content, on a tint. */
export function alertBox(alert: Alert, content: PdfNode[]): PdfNode {
  const kind = KINDS[alert.kind];
  return {
    table: { widths: ['*'], body: [[{ stack: [{ text: kind.title, bold: true, color: kind.color, margin: [0, 0, 0, 2] }, ...content] }]] },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i: number) => (i === 0 ? 3 : 0),
      vLineColor: () => kind.color,
      fillColor: () => kind.tint,
      paddingLeft: () => 9,
      paddingRight: () => 6,
      paddingTop: () => 5,
      paddingBottom: () => 1,
    },
    margin: [0, 2, 0, 8],
  };
}
