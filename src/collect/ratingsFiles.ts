// What `collect` writes for a spreadsheet or an ATS: ratings.csv (one row per
// rating, RFC 4180) and ratings.json (the same rows, and each loop's flags).
import type { Collected, RatingRow } from './collect.js';

export const CSV_COLUMNS: [keyof RatingRow, string][] = [
  ['candidate', 'candidate'],
  ['level', 'level'],
  ['interviewer', 'interviewer'],
  ['questionId', 'question_id'],
  ['questionNumber', 'question_number'],
  ['competencies', 'competencies'],
  ['rating', 'rating'],
  ['evidence', 'evidence'],
];

/**
 * One CSV cell: quoted when it holds a comma, quote or line break. A cell a
 * spreadsheet would run as a formula (=, +, -, @ first: CSV injection) is
 * led by an apostrophe, which spreadsheets show as text and hide.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function ratingsCsv(rows: readonly RatingRow[]): string {
  const lines = [CSV_COLUMNS.map(([, name]) => name).join(','), ...rows.map((row) => CSV_COLUMNS.map(([key]) => csvCell(row[key])).join(','))];
  return `${lines.map((line) => `${line}\r\n`).join('')}`;
}

/** The JSON of `collect --json` and ratings.json: the rows, and per loop what the debrief summary flags. */
export function collectedJson(collected: Collected) {
  return {
    loops: collected.loops.map((loop) => ({
      folder: loop.folder,
      candidate: loop.candidate,
      level: loop.level,
      seed: loop.seed,
      contentHash: loop.contentHash,
      interviewers: loop.sheets.map((s) => s.data.interviewer),
      overall: loop.sheets.map((s) => ({ interviewer: s.data.interviewer, rating: s.overall })),
      missing: loop.missing,
      unrated: loop.unrated,
      disagreements: loop.competencies.filter((c) => c.disagreement).map((c) => ({ competency: c.id, title: c.title, ratings: c.ratings })),
      unassessed: loop.unassessed,
    })),
    ratings: collected.rows,
  };
}
