// The interviewer scoring sheet: what its template is given. A level with no
// questions has no scoring sheet (the build skips it with a notice).
import type { Level, Library, Question } from '../content/model.js';
import type { SheetDetails } from '../loops/sheet.js';
import { printedDate } from '../text/dates.js';
import { competenciesOf, competencyTitles, coverPoints, itemsOf, levelContext, type Edition } from './common.js';
import { adviceListenFor, aboutTheCandidate, strongListPoints } from './listenFor.js';
import { answerGuidance, listedPoints } from './points.js';
import { authoredAnchors, derivedAnchors, type Anchors } from './anchors.js';
import { NO_DECISION, NOT_ASSESSED, RATINGS } from './ratings.js';


export interface QuestionGuide {
  /** Why the question is asked (a Q&A page's "Employers ask this question to …"), from "to …", about the candidate. */
  whyAsked: string | null;
  /** What to listen for: one tick box each, whole phrases. */
  listenFor: string[];
  /** Weak-answer remarks: the red flags. */
  redFlags: string[];
  /** What a strong answer does, where it is not already a listen-for point. */
  strongAnswer: string | null;
  /** Remarks about the interview itself ("Interviewers often ask this to …"). */
  context: string[];
}

/** Fewer listen-for points than this and a question is hard to rate by them (`check` warns). */
export const MIN_LISTEN_FOR = 2;

/**
 * A question's guidance, sorted into what the scoring sheet does with it.
 * Listen-for points are the strong-answer bullets and the why-asked text's
 * advice; where they are fewer than two, what a strong answer does is
 * listened for too, and a sentence listing several things is taken apart.
 */
export function questionGuide(question: Question): QuestionGuide {
  const points = coverPoints(question).flat();
  const of = (kind: string) => points.filter((p) => p.kind === kind).map((p) => p.text);
  // A pack's bullets may speak to the candidate ("End with how you changed …"); the sheet speaks about them.
  let listenFor = of('listen').map(aboutTheCandidate);
  let strong = of('strong');
  let whyAsked: string | null = null;
  if (question.sections.why) {
    const guidance = answerGuidance(question.sections.why.markdown);
    whyAsked = aboutTheCandidate(guidance.purpose.replace(/^(?:Employers|Interviewers|We) ask this question\s+/i, '')) || null;
    listenFor = [...listenFor, ...adviceListenFor(guidance.sentences)];
  }
  if (listenFor.length < MIN_LISTEN_FOR) [listenFor, strong] = [[...listenFor, ...strong], []];
  if (listenFor.length < MIN_LISTEN_FOR) listenFor = listenFor.flatMap((point) => strongListPoints(point) ?? listedPoints(point));
  return { whyAsked, listenFor, redFlags: of('weak'), strongAnswer: strong.join(' ') || null, context: of('context') };
}

/** A question's anchors: its author's where it has them (and they read), else stated from its listen-for points. */
export function questionAnchors(question: Question, guide: QuestionGuide, ratings: readonly string[] = RATINGS): { anchors: Anchors; authored: boolean } {
  const written = question.sections.anchors && authoredAnchors(question.sections.anchors.markdown, [[...RATINGS], [...ratings]]);
  if (written && typeof written !== 'string') return { anchors: written, authored: true };
  return { anchors: derivedAnchors(guide.listenFor.length, guide.redFlags.length > 0), authored: false };
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

/** Evidence lines beside each question, at least, when the config names no number; every question gets as many more as the pages allow. */
export const EVIDENCE_LINES = 6;


export function scorecardContext(library: Library, level: Level, edition: Edition, details?: SheetDetails, evidenceLines = EVIDENCE_LINES, ratings: readonly string[] = RATINGS) {
  const bank = itemsOf(library, level).questions;
  const items = { questions: details?.questions ? [...details.questions] : bank, stories: [] };
  if (items.questions.length === 0) return undefined;
  const questions = items.questions.map((q) => {
    const guide = questionGuide(q);
    const anchors = questionAnchors(q, guide, ratings);
    return {
      id: q.id,
      number: q.number,
      prompt: q.prompt,
      competencies: competencyTitles(library, q.competencies).join(' · '),
      ...guide,
      /** One anchor per rating, worst first (anchors.ts). */
      anchors: anchors.anchors,
      anchorsAuthored: anchors.authored,
      interviewerNotes: q.sections['interviewer-notes']?.markdown ?? null,
    };
  });
  const authored = questions.filter((q) => q.anchorsAuthored).length;
  return {
    level: levelContext(level),
    edition,
    sheet: sheetContext(details, bank.length, items.questions.length),
    ratings: [...ratings],
    evidenceLines,
    notAssessed: NOT_ASSESSED,
    noDecision: NO_DECISION,
    questions,
    /** How the anchors were made, for the key: some written by the questions' authors, the rest counted. */
    anchorsMade: { authored, derived: questions.length - authored },
    // Only what the questions can give evidence for.
    competencies: competenciesOf(library, items.questions, level).map((c) => ({
      ...c,
      questions: items.questions.filter((q) => q.competencies.includes(c.id)).map((q) => `Q${q.number}`).join(', '),
    })),
  };
}
