// The interviewer scoring sheet: what its template is given. A level with no
// questions has no scoring sheet (the build skips it with a notice).
import type { Level, Library, Question } from '../content/model.js';
import { listItems } from '../content/sections.js';
import { answerGuidance, competenciesOf, competencyTitles, firstSentence, itemsOf, levelContext, type Edition } from './common.js';

export const RATINGS = ['Definitely not', 'No', 'Yes', 'Strong yes'] as const;

/** What the interviewer listens for: the strong-answer points, else the "In your answer, …" guidance. */
export function listenFor(question: Question): string[] {
  if (question.sections.cover) return listItems(question.sections.cover.markdown);
  if (question.sections.why) return answerGuidance(question.sections.why.markdown);
  return [];
}

export function scorecardContext(library: Library, level: Level, edition: Edition) {
  const items = itemsOf(library, level);
  if (items.questions.length === 0) return undefined;
  const competencies = competenciesOf(library, items);
  return {
    level: levelContext(level),
    edition,
    ratings: [...RATINGS],
    questions: items.questions.map((q) => ({
      id: q.id,
      number: q.number,
      prompt: q.prompt,
      competencies: competencyTitles(library, q.competencies).join(' · '),
      probe: q.sections.why ? firstSentence(q.sections.why.markdown) : null,
      listenFor: listenFor(q),
      interviewerNotes: q.sections['interviewer-notes']?.markdown ?? null,
    })),
    competencies: competencies.map((c) => ({
      ...c,
      questions: items.questions.filter((q) => q.competencies.includes(c.id)).map((q) => q.number).join(', '),
    })),
  };
}
