// Short forms of a question: a label cut from its prompt (marked "…" where
// cut; the panel plan's lists), and a cue that reminds the candidate what to
// say (the cheat sheet, whole).
import type { Question } from '../content/model.js';
import { coverPoints, firstSentence } from './common.js';

/** Openings that tell nothing about the question: "How would you", "Tell me about a time you"… */
const LEAD_INS = [
  /^walk me through how you[’']d\s+/i,
  /^tell me about a time (?:when )?(?:you )?/i,
  /^(?:can|could) you (?:explain|describe) how you[’']d\s+/i,
  /^how (?:would|do|did|will) you\s+/i,
  /^what (?:is|’s|'s) your\s+/i,
  /^what[’']s your\s+/i,
  /^if you (?:had to|were)\s+/i,
  /^describe\s+/i,
];

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The first words of a text up to `maxChars`, cut at a word and marked "…" when cut. */
export function clip(text: string, maxChars: number): string {
  const clean = text.trim();
  if (clean.length <= maxChars) return clean;
  const cut = clean.slice(0, maxChars + 1).replace(/\s+\S*$/, '').replace(/[\s,.;:–—-]+$/, '');
  return `${cut || clean.slice(0, maxChars)}…`;
}

/** A short name for a question: its prompt without the lead-in, clipped. */
export function questionLabel(prompt: string, maxChars = 46): string {
  let text = prompt.trim();
  for (const lead of LEAD_INS) text = text.replace(lead, '');
  const label = capitalise(text).replace(/[?.]$/, '');
  return clip(label, maxChars);
}

/**
 * What to say, in a line: the question's authored `cue:`, else the opening of
 * the answer example where the source has one, else the first point a strong
 * answer covers.
 */
export function questionCue(question: Question): string | null {
  if (question.cue) return question.cue;
  if (question.sections.example) return firstSentence(question.sections.example.markdown);
  const first = coverPoints(question).flat().find((p) => p.kind === 'listen' || p.kind === 'strong');
  return first?.text ?? null;
}
