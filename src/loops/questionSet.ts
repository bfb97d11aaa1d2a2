// A seeded set of N questions of a level, spread across its competencies: no
// competency is picked twice before every competency that has a question has
// been picked once (as far as N allows), and the level's core — every
// competency with two or more questions — is covered first. With usage counts (a roster), the
// least used questions come first, so candidates who compare notes share as
// few questions as the bank allows.
import type { Question } from '../content/model.js';
import { randomFrom, shuffled } from './random.js';

export interface QuestionSetOptions {
  count: number;
  seed: number;
  /** How often each question (by id) was already given to others. */
  usage?: ReadonlyMap<string, number>;
}

/** A competency with this many questions in a level's bank is part of its core. */
export const CORE_QUESTIONS = 2;

/** The competencies a level's bank is built around: those with two or more of its questions. */
export function coreCompetencies(bank: readonly Question[]): string[] {
  const counts = new Map<string, number>();
  for (const c of bank.flatMap((q) => q.competencies)) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= CORE_QUESTIONS).map(([c]) => c).sort();
}

/** Seeded tries at a set that covers the core; the first that covers it all is kept, else the one that covers most. */
const TRIES = 48;

/**
 * The questions picked, in the order picked: each round covers every
 * competency once, and the level's core comes first. One try picks greedily
 * in a seeded order; the seed's tries are made until one covers the whole
 * core (as far as N allows), so that sets stay varied from seed to seed.
 */
export function pickQuestions(bank: readonly Question[], options: QuestionSetOptions): Question[] {
  const random = randomFrom(options.seed);
  const core = new Set(coreCompetencies(bank));
  const coverage = (set: readonly Question[]) => new Set(set.flatMap((q) => q.competencies.filter((c) => core.has(c)))).size;
  let best: Question[] = [];
  for (let attempt = 0; attempt < TRIES; attempt++) {
    const picked = pickOnce(bank, options, core, random);
    if (attempt === 0 || coverage(picked) > coverage(best)) best = picked;
    if (coverage(best) === core.size) break;
  }
  return best;
}

function pickOnce(bank: readonly Question[], options: QuestionSetOptions, core: ReadonlySet<string>, random: () => number): Question[] {
  const used = (q: Question) => options.usage?.get(q.id) ?? 0;
  // The level's core first: competencies with two or more questions (what the bank is built around), then the rest.
  const all = [...new Set(bank.flatMap((q) => q.competencies))].sort();
  const competencies = [...shuffled(all.filter((c) => core.has(c)), random), ...shuffled(all.filter((c) => !core.has(c)), random)];
  const left = shuffled(bank, random);
  const picked: Question[] = [];
  const take = (question: Question) => {
    picked.push(question);
    left.splice(left.indexOf(question), 1);
  };
  let round = new Set<string>();
  while (picked.length < options.count && left.length > 0) {
    const open = competencies.filter((c) => !round.has(c) && left.some((q) => q.competencies.includes(c)));
    if (open.length === 0) {
      if (round.size === 0) {
        // Only untagged questions are left.
        take([...left].sort((a, b) => used(a) - used(b))[0]!);
        continue;
      }
      round = new Set();
      continue;
    }
    // A question for a competency still open this round: the least used first, then one that
    // opens a core competency, then one whose competencies are all still open, then the
    // competency that comes first in the seeded order.
    const fresh = (q: Question) => (q.competencies.every((c) => !round.has(c)) ? 0 : 1);
    const first = (q: Question) => Math.min(...q.competencies.map((c) => open.indexOf(c)).filter((i) => i >= 0));
    const opensCore = (q: Question) => (q.competencies.some((c) => core.has(c) && open.includes(c)) ? 0 : 1);
    const candidates = left
      .filter((q) => q.competencies.some((c) => open.includes(c)))
      .sort((a, b) => used(a) - used(b) || opensCore(a) - opensCore(b) || fresh(a) - fresh(b) || first(a) - first(b));
    const question = candidates[0]!;
    take(question);
    for (const c of question.competencies) round.add(c);
  }
  return picked;
}

/** A question set in the order people read it: the pack's own numbering. */
export const inPackOrder = (questions: readonly Question[]) => [...questions].sort((a, b) => a.number - b.number);
