// A panel's own documents: the plan (who asks what, who covers which
// competency) and the debrief sheet (each interviewer's ratings copied as
// written, before the discussion). Interviewer material only.
import type { Level, Library } from '../content/model.js';
import type { PanelPlan } from '../loops/panel.js';
import { printedDate } from '../text/dates.js';
import { distinctInitials } from '../text/initials.js';
import { competencyTitles, levelContext, type Edition } from './common.js';
import { questionLabel } from './cues.js';
import { NO_DECISION, NOT_ASSESSED, RATINGS, ratingShort } from './ratings.js';

export interface PanelDetails {
  candidate: string;
  /** YYYY-MM-DD. */
  date?: string;
  plan: PanelPlan;
}

/** The competencies of the level that have a question, in vocabulary order. */
function levelCompetencies(library: Library, level: Level) {
  const tagged = new Set(library.questions.filter((q) => q.level === level.id).flatMap((q) => q.competencies));
  return library.competencies.filter((c) => tagged.has(c.id));
}

/**
 * How a grid heads its interviewer columns: with their names, or (when the
 * names leave no room for the grid on one page) with initials and a key
 * below the grid that gives each name.
 */
export type ColumnHeads = 'names' | 'initials';

/** The debrief sheet's forms, fullest first: names heading the grid; initials and a key; and those with rows one line high. */
export const DEBRIEF_FORMS: readonly { heads: ColumnHeads; roomy: boolean }[] = [
  { heads: 'names', roomy: true },
  { heads: 'initials', roomy: true },
  { heads: 'initials', roomy: false },
];

function common(library: Library, level: Level, edition: Edition, details: PanelDetails, heads: ColumnHeads = 'names') {
  const interviewers = details.plan.seats.map((seat) => seat.interviewer);
  const initials = distinctInitials(interviewers);
  return {
    level: levelContext(level),
    edition,
    candidate: details.candidate,
    date: details.date ? printedDate(details.date) : null,
    seed: details.plan.seed,
    interviewers,
    /** The heads of the interviewer columns of a grid. */
    columns: heads === 'names' ? interviewers : initials,
    /** What each column's initials stand for; empty when the columns are headed by names. */
    key: heads === 'names' ? [] : interviewers.map((name, i) => ({ short: initials[i]!, name })),
  };
}

/**
 * How much the plan says of each interviewer's questions, longest first: the
 * plan tries each until one fits a page. `full`: focus line and question
 * labels; `labels`: the labels without the focus line (the grid shows
 * it); `short`: shorter labels; `numbers`: the question numbers only.
 */
export const PLAN_FORMS = ['full', 'labels', 'short', 'numbers'] as const;
export type PlanForm = (typeof PLAN_FORMS)[number];

/** Every form of the plan, fullest first: each with the names heading the grid, then each with initials. */
export const PLAN_LAYOUTS: readonly { form: PlanForm; heads: ColumnHeads }[] = (['names', 'initials'] as const).flatMap((heads) => PLAN_FORMS.map((form) => ({ form, heads })));

export function panelPlanContext(library: Library, level: Level, edition: Edition, details: PanelDetails, form: PlanForm = 'full', heads: ColumnHeads = 'names') {
  const seats = details.plan.seats;
  return {
    ...common(library, level, edition, details, heads),
    grid: levelCompetencies(library, level).map((competency) => ({
      title: competency.title,
      cells: seats.map((seat) => seat.questions.filter((q) => q.competencies.includes(competency.id)).map((q) => `Q${q.number}`).join(', ')),
    })),
    seats: seats.map((seat) => ({
      interviewer: seat.interviewer,
      focus: form === 'full' ? competencyTitles(library, seat.focus).join(' · ') : '',
      numbers: form === 'numbers' ? seat.questions.map((q) => `Q${q.number}`).join(', ') : '',
      questions: form === 'numbers' ? [] : seat.questions.map((q) => ({ number: q.number, label: questionLabel(q.prompt, form === 'short' ? 44 : 70) })),
    })),
    uncovered: competencyTitles(library, details.plan.uncovered),
  };
}

export function debriefContext(library: Library, level: Level, edition: Edition, details: PanelDetails, ratings: readonly string[] = RATINGS, form: (typeof DEBRIEF_FORMS)[number] = DEBRIEF_FORMS[0]!) {
  const covered = new Set(details.plan.seats.flatMap((seat) => seat.focus));
  return {
    ...common(library, level, edition, details, form.heads),
    /** Rows two lines high, room to write a rating; one line when the grid must be smaller to fit the page. */
    roomy: form.roomy,
    ratings: [...ratings, NOT_ASSESSED].map((label) => ({ label, short: ratingShort(label) })),
    decisions: [...ratings, NO_DECISION],
    noDecision: { label: NO_DECISION, short: ratingShort(NO_DECISION) },
    competencies: levelCompetencies(library, level).filter((c) => covered.has(c.id)).map((c) => ({ title: c.title, asked: details.plan.seats.map((seat) => seat.focus.includes(c.id)) })),
  };
}
