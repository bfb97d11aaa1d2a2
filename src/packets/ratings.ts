// The rating scale every scoring sheet, debrief and `collect` shares.

/** The ratings ATS scorecards use, worst first; "Not assessed" is offered beside them. */
export const RATINGS = ['Definitely not', 'No', 'Yes', 'Strong yes'] as const;
export const NOT_ASSESSED = 'Not assessed';
export const NO_DECISION = 'No decision';

/** A rating's short form for the debrief grid: its words' initials ("Strong yes" → SY). */
export const ratingShort = (label: string) =>
  label
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase())
    .join('');
