// Structured-interview checks on a library (`preppack check`): what makes a
// question hard to rate the same way twice, or unlawful to ask. (A question
// with no competency is already a warning of validate.ts.) Warnings;
// `check --strict` makes them errors. Each says what to do.
import { warning, type Problem } from '../problems.js';
import { MIN_LISTEN_FOR, questionGuide } from '../packets/scorecard.js';
import type { Library, Question } from './model.js';

/**
 * Words that ask about a characteristic an interview must not weigh (age,
 * family, religion, nationality, health, pregnancy, …: the grounds most
 * equal-treatment laws name). A prompt that uses one is flagged for a person
 * to read; the list is short on purpose, and documented in the README.
 */
export const PROTECTED_WORDS = [
  'birthday', 'retire', 'retirement', 'married', 'marital', 'spouse', 'husband', 'wife', 'children', 'kids', 'childcare', 'maternity', 'paternity',
  'pregnant', 'pregnancy', 'religion', 'religious', 'nationality', 'citizenship', 'ethnicity', 'disability', 'disabled', 'sexual orientation',
];
/** Words that are fine in a technical question ("the health of a program", "token age") but not after "your" or "their". */
export const PROTECTED_AFTER_POSSESSIVE = ['age', 'health', 'family', 'faith', 'accent', 'gender', 'partner', 'background', 'origin', 'medical', 'beliefs'];

const PROTECTED = new RegExp(`\\b(?:${PROTECTED_WORDS.join('|')}|(?:your|their|his|her)\\s+(?:${PROTECTED_AFTER_POSSESSIVE.join('|')}))\\b|\\bhow old\\b`, 'giu');
const normalised = (prompt: string) => prompt.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The line and column of `index` in a question's file: the prompt sits on its `prompt:` line after the key. */
function promptPlace(question: Question, index: number): { line: number; column: number } {
  return { line: question.fieldLines.prompt ?? 1, column: 'prompt: '.length + index + 1 };
}

export function interviewLint(library: Library, places: ReadonlyMap<string, { path: string; line: number }> = new Map()): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, Question>();
  for (const question of library.questions) {
    const line = question.fieldLines.prompt ?? 1;
    const points = questionGuide(question).listenFor.length;
    if (points < MIN_LISTEN_FOR && !question.sections.anchors) {
      problems.push(warning(question.path, question.sections.cover?.line ?? question.sections.why?.line ?? line, `${points === 0 ? 'no' : 'only one'} point to listen for: list at least ${MIN_LISTEN_FOR} under "Strong answer should cover", or write anchors (## Anchors {#anchors}), so that ratings rest on the same evidence`));
    }
    const key = `${question.level}\u0000${normalised(question.prompt)}`;
    const first = seen.get(key);
    if (first) problems.push(warning(question.path, line, `the same prompt as ${first.path}: remove one, or ask something else`));
    else seen.set(key, question);
    for (const match of question.prompt.matchAll(PROTECTED)) {
      const at = promptPlace(question, match.index!);
      problems.push(warning(question.path, at.line, `"${match[0]}" may ask about a protected characteristic (age, family, religion, nationality, health…): ask about the work instead`, at.column));
    }
  }
  const asked = new Set(library.questions.flatMap((q) => q.competencies));
  for (const competency of library.competencies.filter((c) => !asked.has(c.id))) {
    const place = places.get(competency.id);
    if (place) problems.push(warning(place.path, place.line, `no question assesses competency "${competency.id}": add one, or remove the competency`));
  }
  return problems;
}

/** How a library's anchors are made: written by authors, or stated from listen-for points. */
export function anchorCounts(library: Library): { authored: number; derived: number } {
  const authored = library.questions.filter((q) => q.sections.anchors).length;
  return { authored, derived: library.questions.length - authored };
}
