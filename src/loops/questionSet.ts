// A seeded set of N questions of a level, spread across its competencies: no
// competency is picked twice before every competency that has a question has
// been picked once (as far as N allows). With usage counts (a roster), the
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

/** The questions picked, in the order picked: each round covers every competency once. */
export function pickQuestions(bank: readonly Question[], options: QuestionSetOptions): Question[] {
  const random = randomFrom(options.seed);
  const used = (q: Question) => options.usage?.get(q.id) ?? 0;
  const competencies = shuffled([...new Set(bank.flatMap((q) => q.competencies))].sort(), random);
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
    // A question for a competency still open this round: the least used first, then one whose
    // competencies are all still open, then the competency that comes first in the seeded order.
    const fresh = (q: Question) => (q.competencies.every((c) => !round.has(c)) ? 0 : 1);
    const first = (q: Question) => Math.min(...q.competencies.map((c) => open.indexOf(c)).filter((i) => i >= 0));
    const candidates = left.filter((q) => q.competencies.some((c) => open.includes(c))).sort((a, b) => used(a) - used(b) || fresh(a) - fresh(b) || first(a) - first(b));
    const question = candidates[0]!;
    take(question);
    for (const c of question.competencies) round.add(c);
  }
  return picked;
}

/** A question set in the order people read it: the pack's own numbering. */
export const inPackOrder = (questions: readonly Question[]) => [...questions].sort((a, b) => a.number - b.number);
