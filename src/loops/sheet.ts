// What makes a scoring sheet one person's: the candidate, the interviewer, the
// date, the focus, and the question set (with the seed that picked it).
import type { Question } from '../content/model.js';

export interface SheetDetails {
  candidate?: string;
  interviewer?: string;
  /** YYYY-MM-DD. */
  date?: string;
  focus?: string;
  /** The questions to ask, when not the whole bank of the level. */
  questions?: readonly Question[];
  /** The seed that picked them. */
  seed?: number;
}

/** A seed as typed: a whole number, or what is wrong with it. */
export function parseSeed(value: string): number | string {
  const trimmed = value.trim();
  if (!/^-?\d+$/.test(trimmed) || !Number.isSafeInteger(Number(trimmed))) return `the seed must be a whole number, not "${value}"`;
  return Number(trimmed);
}
