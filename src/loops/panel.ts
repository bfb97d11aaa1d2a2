// A panel: one candidate, several interviewers, each with their own questions.
// The questions are one seeded set spread across the level's competencies;
// each interviewer gets a run of them that shares competencies (their focus),
// counts differing by one at most, no question twice.
import type { Question } from '../content/model.js';
import { inPackOrder, pickQuestions } from './questionSet.js';

export interface Seat {
  interviewer: string;
  questions: Question[];
  /** The competencies this interviewer's questions cover, by id. */
  focus: string[];
}

export interface PanelPlan {
  seats: Seat[];
  /** Competencies of the level that have a question but none on this panel, by id. */
  uncovered: string[];
  seed: number;
}

export interface PanelRequest {
  bank: readonly Question[];
  interviewers: readonly string[];
  perInterviewer: number;
  seed: number;
  /** Competency ids in vocabulary order, to list focus in. */
  competencyOrder: readonly string[];
  usage?: ReadonlyMap<string, number>;
}

/** Questions each interviewer asks when the panel does not say: enough to cover every competency, at most what the bank allows. */
export function defaultPerInterviewer(bank: readonly Question[], interviewers: number): number {
  const competencies = new Set(bank.flatMap((q) => q.competencies)).size;
  return Math.max(1, Math.min(Math.floor(bank.length / interviewers), Math.max(3, Math.ceil(competencies / interviewers))));
}

export function planPanel(request: PanelRequest): PanelPlan {
  const seats = request.interviewers.length;
  const total = Math.min(request.perInterviewer * seats, request.bank.length);
  const picked = pickQuestions(request.bank, { count: total, seed: request.seed, usage: request.usage });
  // Group by each question's first competency in the order the set covered them, then deal the groups out in runs.
  const order = [...new Set(picked.map((q) => q.competencies[0] ?? ''))];
  const grouped = [...picked].sort((a, b) => order.indexOf(a.competencies[0] ?? '') - order.indexOf(b.competencies[0] ?? ''));
  const quota = (seat: number) => Math.floor(total / seats) + (seat < total % seats ? 1 : 0);
  const planned: Seat[] = [];
  let next = 0;
  request.interviewers.forEach((interviewer, seat) => {
    const questions = inPackOrder(grouped.slice(next, next + quota(seat)));
    next += quota(seat);
    const tags = new Set(questions.flatMap((q) => q.competencies));
    planned.push({ interviewer, questions, focus: request.competencyOrder.filter((c) => tags.has(c)) });
  });
  const covered = new Set(picked.flatMap((q) => q.competencies));
  const uncovered = request.competencyOrder.filter((c) => !covered.has(c) && request.bank.some((q) => q.competencies.includes(c)));
  return { seats: planned, uncovered, seed: request.seed };
}
