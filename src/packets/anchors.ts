// What each rating sounds like for one question, so that "Yes" means the same
// to every interviewer (behaviourally anchored rating scales, as Google
// re:Work describes them). A question's author may write them (a section
// `## Anchors {#anchors}`: four list items, worst rating first); otherwise
// they are stated from the question's own listen-for points — with 6 points:
// "0–1 of 6, or a red flag · 2–3 of 6, or general · 4 of 6, own
// examples · 5+ of 6, own examples" — so no wording is invented. Short, so
// each fits under its rating in a line or two; the sheet's key says how they
// are counted. Red flags are printed once, above; an anchor only points at them.
import { listItems } from '../content/sections.js';
import { RATINGS } from './ratings.js';

export type Anchors = [string, string, string, string];

const range = (from: number, to: number) => (from >= to ? `${from}` : `${from}–${to}`);

/** The lowest count of points for each of No, Yes and Strong yes, out of `points` (≥ 2). */
export function anchorThresholds(points: number): { no: number; yes: number; strong: number } {
  const strong = points <= 4 ? points : Math.ceil(points * 0.8);
  const yes = points === 2 ? 2 : Math.min(strong - 1, Math.ceil(points * 0.6));
  return { no: Math.max(1, Math.ceil(points * 0.3)), yes, strong };
}

/** The four anchors, worst rating first, for a question with `points` listen-for points. */
export function derivedAnchors(points: number, redFlags: boolean): Anchors {
  const orFlag = redFlags ? ', or a red flag' : '';
  if (points >= 2) {
    const { no, yes, strong } = anchorThresholds(points);
    const of = `of ${points}`;
    return [
      `${range(0, no - 1)} ${of}${orFlag}`,
      `${range(no, yes - 1)} ${of}, or general`,
      yes === strong ? `${yes} ${of}` : `${range(yes, strong - 1)} ${of}, own examples`,
      `${strong < points ? `${strong}+ ${of}` : points === 2 ? 'Both' : `All ${points}`}, own examples${yes === strong ? ' in depth' : ''}`,
    ];
  }
  if (points === 1) return [`Misses it${orFlag}`, 'Touches it, general', 'Covers it, own example', 'Covers it in depth, own examples'];
  return [`Against the bar${orFlag}`, 'Below the bar', 'Meets the bar', 'Well above the bar'];
}

/** A list item's leading rating name, "**Strong yes:**" or "Strong yes:" (any of `names`), and the text after it. */
function splitLabel(item: string, names: readonly string[]): { label?: string; text: string } {
  const match = /^(?:\*\*([^*]+?):?\*\*:?|([^:*]{1,40}):)\s+(.*)$/s.exec(item.trim());
  const label = match ? (match[1] ?? match[2])!.trim() : undefined;
  if (!label || !names.some((n) => n.toLowerCase() === label.toLowerCase())) return { text: item.trim() };
  return { label, text: match![3]!.trim() };
}

/**
 * Anchors a question's author wrote: four list items, worst rating first,
 * each optionally led by its rating's name. A problem is a sentence saying
 * what is wrong; `names` are the ratings it may name (the defaults and the
 * config's labels).
 */
export function authoredAnchors(markdown: string, names: readonly string[][] = [[...RATINGS]]): Anchors | string {
  const items = listItems(markdown);
  if (items.length !== 4) return `anchors are four list items, one per rating, worst first (${RATINGS.join(', ')}); this section has ${items.length}`;
  const all = names.flat();
  const anchors = items.map((item, position) => {
    const { label, text } = splitLabel(item, all);
    const misplaced = label && !names.some((set) => set[position]?.toLowerCase() === label.toLowerCase());
    return misplaced ? `anchor ${position + 1} is for ${names.map((set) => set[position]).join(' / ')}, but it is labelled "${label}": list them worst first` : text;
  });
  const problem = anchors.find((a, i) => a.startsWith(`anchor ${i + 1} is for`));
  return problem ?? (anchors as Anchors);
}
