// The interviewer scoring sheet: what its template is given. A level with no
// questions has no scoring sheet (the build skips it with a notice).
import type { Level, Library, Question } from '../content/model.js';
import type { SheetDetails } from '../loops/sheet.js';
import { printedDate } from '../text/dates.js';
import { competenciesOf, competencyTitles, coverPoints, itemsOf, levelContext, type Edition } from './common.js';
import { answerGuidance } from './points.js';
import { derivedAnchors } from './anchors.js';

/** The ratings ATS scorecards use, worst first; "Not assessed" is offered beside them. */
export const RATINGS = ['Definitely not', 'No', 'Yes', 'Strong yes'] as const;
export const NOT_ASSESSED = 'Not assessed';
export const NO_DECISION = 'No decision';

export interface QuestionGuide {
  /** Why the question is asked (a Q&A page's "Employers ask this question to …"), from "to …". */
  whyAsked: string | null;
  /** What to listen for: one tick box each. */
  listenFor: string[];
  /** Weak-answer remarks: the red flags, and the anchor of the bottom ratings. */
  redFlags: string[];
  /** What a strong answer does: the anchor of the top ratings. */
  strongAnchor: string | null;
  /** Remarks about the interview itself ("Interviewers often ask this to …"). */
  context: string[];
}

/** A question's guidance, sorted into what the scoring sheet does with it. */
export function questionGuide(question: Question): QuestionGuide {
  const points = coverPoints(question).flat();
  const of = (kind: string) => points.filter((p) => p.kind === kind).map((p) => p.text);
  let listenFor = of('listen');
  let strong = of('strong');
  let whyAsked: string | null = null;
  if (question.sections.why) {
    const guidance = answerGuidance(question.sections.why.markdown);
    whyAsked = guidance.purpose.replace(/^(?:Employers|Interviewers|We) ask this question\s+/i, '') || null;
    listenFor = [...listenFor, ...guidance.points];
  }
  // With nothing else to tick, what a strong answer does is what to listen for.
  if (listenFor.length === 0) [listenFor, strong] = [strong, []];
  return { whyAsked, listenFor, redFlags: of('weak'), strongAnchor: strong.join(' ') || null, context: of('context') };
}

/** Whose sheet it is, as the template prints it; null where the sheet leaves a blank. */
function sheetContext(details: SheetDetails | undefined, bank: number, asked: number) {
  return {
    candidate: details?.candidate ?? null,
    interviewer: details?.interviewer ?? null,
    date: details?.date ? printedDate(details.date) : null,
    focus: details?.focus ?? null,
    seed: details?.seed ?? null,
    /** Some of the level's questions only: "4 of 18". */
    ofBank: asked < bank ? bank : null,
  };
}

/** Evidence lines under each question when the config names no number; the page's spare room adds more. */
export const EVIDENCE_LINES = 5;

/** A rating's short form for the debrief grid: its words' initials ("Strong yes" → SY). */
export const ratingShort = (label: string) =>
  label
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase())
    .join('');

export function scorecardContext(library: Library, level: Level, edition: Edition, details?: SheetDetails, evidenceLines = EVIDENCE_LINES, ratings: readonly string[] = RATINGS) {
  const bank = itemsOf(library, level).questions;
  const items = { questions: details?.questions ? [...details.questions] : bank, stories: [] };
  if (items.questions.length === 0) return undefined;
  return {
    level: levelContext(level),
    edition,
    sheet: sheetContext(details, bank.length, items.questions.length),
    ratings: [...ratings],
    evidenceLines,
    notAssessed: NOT_ASSESSED,
    noDecision: NO_DECISION,
    questions: items.questions.map((q) => {
      const guide = questionGuide(q);
      return {
        id: q.id,
        number: q.number,
        prompt: q.prompt,
        competencies: competencyTitles(library, q.competencies).join(' · '),
        ...guide,
        /** One anchor per rating, worst first (anchors.ts). */
        anchors: derivedAnchors(guide.listenFor.length, guide.redFlags.length > 0),
        interviewerNotes: q.sections['interviewer-notes']?.markdown ?? null,
      };
    }),
    // Only what the questions can give evidence for.
    competencies: competenciesOf(library, items.questions).map((c) => ({
      ...c,
      questions: items.questions.filter((q) => q.competencies.includes(c.id)).map((q) => q.number).join(', '),
    })),
  };
}
