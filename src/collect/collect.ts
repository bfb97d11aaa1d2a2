// `preppack collect`, the data: filled scoring sheets of one or more loops
// read back and checked, and what a debrief needs from them — every rating,
// the disagreements (ratings two or more steps apart on one competency),
// competencies nobody assessed, sheets missing and questions left unrated.
// A sheet that does not belong (another candidate, another edition of the
// questions, a second sheet of one interviewer, not a preppack sheet) refuses
// the whole run, naming the file: nothing is written from a mixed pile.
import { error, PreppackError, type Problem } from '../problems.js';
import { readSheet, type FilledSheet } from './readSheet.js';

/** Ratings this many steps apart on one competency are a disagreement to discuss. */
export const DISAGREEMENT_STEPS = 2;

export interface SheetInput {
  path: string;
  bytes: Uint8Array;
  /** Which loop it belongs to: sheets of one folder, or the files named together. */
  loop: string;
}

export interface CompetencyRatings {
  id: string;
  title: string;
  /** Each rating given on it: by whom, on which question, 0 (worst) to 3. */
  ratings: { interviewer: string; question: number; rating: string; score: number }[];
  /** Two interviewers' ratings `DISAGREEMENT_STEPS` or more apart. */
  disagreement: boolean;
}

export interface LoopRatings {
  /** The folder the loop's sheets are in, where its summary goes. */
  folder: string;
  candidate: string;
  level: string;
  levelTitle: string;
  seed: number | null;
  contentHash: string;
  date: string | null;
  ratings: readonly string[];
  notAssessed: string;
  /** In the panel's order, then any others. */
  sheets: FilledSheet[];
  /** The panel's interviewers with no sheet here. */
  missing: string[];
  /** Per sheet, the questions with no rating ticked. */
  unrated: { interviewer: string; questions: number[] }[];
  competencies: CompetencyRatings[];
  /** Competencies of the loop's questions that no one rated (Not assessed or blank). */
  unassessed: { id: string; title: string }[];
}

/** One rating as a spreadsheet or an ATS takes it. */
export interface RatingRow {
  candidate: string;
  level: string;
  interviewer: string;
  questionId: string;
  questionNumber: number | null;
  competencies: string;
  rating: string;
  evidence: string;
}

export interface Collected {
  loops: LoopRatings[];
  rows: RatingRow[];
}

const editionOf = (sheet: FilledSheet) => `content ${sheet.data.contentHash}, seed ${sheet.data.seed ?? 'none'}`;

/** The sheet most of a loop's sheets agree with (candidate, level, edition), sheets as preppack named them first. */
function typical(sheets: readonly FilledSheet[]): FilledSheet {
  const key = (s: FilledSheet) => `${s.data.candidate}\u0000${s.data.level}\u0000${editionOf(s)}`;
  const votes = new Map<string, number>();
  for (const sheet of sheets) votes.set(key(sheet), (votes.get(key(sheet)) ?? 0) + 1);
  return [...sheets].sort((a, b) => votes.get(key(b))! - votes.get(key(a))!)[0]!;
}

/** preppack's own file names (`sam-scorecard.pdf`) before copies and renamed files: the first of two is the original. */
const byOwnName = (a: FilledSheet, b: FilledSheet) => Number(!a.path.endsWith('-scorecard.pdf')) - Number(!b.path.endsWith('-scorecard.pdf')) || a.path.localeCompare(b.path);

/** The checks of one loop's sheets: each problem names the file that does not belong. */
function loopProblems(unordered: readonly FilledSheet[]): Problem[] {
  const problems: Problem[] = [];
  const sheets = [...unordered].sort(byOwnName);
  const first = typical(sheets);
  const seen = new Map<string, FilledSheet>();
  for (const sheet of sheets) {
    const { data } = sheet;
    if (data.candidate !== first.data.candidate || data.level !== first.data.level) {
      problems.push(error(sheet.path, 1, `a sheet of another candidate: ${data.candidate} (${data.levelTitle}), where ${first.path} is ${first.data.candidate} (${first.data.levelTitle}); collect each loop from its own folder`));
      continue;
    }
    if (editionOf(sheet) !== editionOf(first)) {
      problems.push(error(sheet.path, 1, `a sheet of another edition of the questions (${editionOf(sheet)}), where ${first.path} has ${editionOf(first)}: print the loop's sheets again from one edition`));
      continue;
    }
    const twin = seen.get(data.interviewer);
    if (twin) problems.push(error(sheet.path, 1, `a second sheet of ${data.interviewer} (the first: ${twin.path}): keep the one they filled in`));
    else seen.set(data.interviewer, sheet);
  }
  return problems;
}

function loopRatings(folder: string, sheets: FilledSheet[]): LoopRatings {
  const { data } = sheets[0]!;
  const panel = sheets.find((s) => s.data.panel)?.data.panel ?? [];
  const order = (s: FilledSheet) => (panel.includes(s.data.interviewer) ? panel.indexOf(s.data.interviewer) : panel.length);
  const ordered = [...sheets].sort((a, b) => order(a) - order(b));
  const byId = new Map<string, CompetencyRatings>();
  for (const sheet of ordered) {
    for (const q of sheet.questions) {
      for (const c of q.competencies) {
        if (!byId.has(c.id)) byId.set(c.id, { id: c.id, title: c.title, ratings: [], disagreement: false });
        if (q.score !== null) byId.get(c.id)!.ratings.push({ interviewer: sheet.data.interviewer, question: q.number, rating: q.rating!, score: q.score });
      }
    }
  }
  const competencies = [...byId.values()];
  // Two interviewers apart; one interviewer's own spread over several questions is not a disagreement.
  for (const c of competencies) c.disagreement = c.ratings.some((a) => c.ratings.some((b) => a.interviewer !== b.interviewer && a.score - b.score >= DISAGREEMENT_STEPS));
  return {
    folder,
    candidate: data.candidate,
    level: data.level,
    levelTitle: data.levelTitle,
    seed: data.seed ?? null,
    contentHash: data.contentHash,
    date: data.date ?? null,
    ratings: data.ratings,
    notAssessed: data.notAssessed,
    sheets: ordered,
    missing: panel.filter((name) => !sheets.some((s) => s.data.interviewer === name)),
    unrated: ordered.map((s) => ({ interviewer: s.data.interviewer, questions: s.questions.filter((q) => q.rating === null).map((q) => q.number) })).filter((u) => u.questions.length > 0),
    competencies,
    unassessed: competencies.filter((c) => c.ratings.length === 0).map(({ id, title }) => ({ id, title })),
  };
}

/** Every rating of a loop as rows: one per question of each sheet, and one per sheet for its overall recommendation. */
export function ratingRows(loop: LoopRatings): RatingRow[] {
  return loop.sheets.flatMap((sheet) => [
    ...sheet.questions.map((q) => ({
      candidate: loop.candidate,
      level: loop.level,
      interviewer: sheet.data.interviewer,
      questionId: q.id,
      questionNumber: q.number,
      competencies: q.competencies.map((c) => c.title).join('; '),
      rating: q.rating ?? '',
      evidence: q.evidence,
    })),
    { candidate: loop.candidate, level: loop.level, interviewer: sheet.data.interviewer, questionId: 'overall', questionNumber: null, competencies: '', rating: sheet.overall ?? '', evidence: sheet.takeaways },
  ]);
}

/** The folder a file is in ('.' for a bare name). */
const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.');

/**
 * Reads and checks every sheet; throws a PreppackError naming each file
 * that does not belong (nothing is collected from a mixed pile).
 */
export async function collectRatings(inputs: readonly SheetInput[]): Promise<Collected> {
  const problems: Problem[] = [];
  const groups = new Map<string, FilledSheet[]>();
  for (const input of inputs) {
    const sheet = await readSheet(input.path, input.bytes);
    if (typeof sheet === 'string') {
      problems.push(error(input.path, 1, `not a sheet to collect: ${sheet}`));
      continue;
    }
    if (!groups.has(input.loop)) groups.set(input.loop, []);
    groups.get(input.loop)!.push(sheet);
  }
  for (const sheets of groups.values()) problems.push(...loopProblems(sheets));
  if (problems.length) throw new PreppackError(problems);
  if (groups.size === 0) throw new PreppackError([error(inputs[0]?.path ?? '.', 1, 'no scoring sheets to collect here')]);
  const loops = [...groups].map(([loop, sheets]) => loopRatings(loop === '' ? folderOf(sheets[0]!.path) : loop, sheets));
  return { loops, rows: loops.flatMap(ratingRows) };
}
