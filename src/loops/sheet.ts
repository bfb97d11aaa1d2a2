// What makes a scoring sheet one person's: the candidate, the interviewer, the
// date, the focus, and the question set (with the seed that picked it).
import type { Level, Library, Question } from '../content/model.js';
import { requestError } from '../problems.js';
import type { Packet } from '../render/templates.js';
import { dateProblem } from '../text/dates.js';
import { count } from '../text/plural.js';
import { fileStem } from '../text/fileStem.js';
import { inPackOrder, pickQuestions } from './questionSet.js';

export interface SheetDetails {
  candidate?: string;
  interviewer?: string;
  /** YYYY-MM-DD. */
  date?: string;
  focus?: string;
  /** The questions to ask, when not the whole bank of the level. */
  questions?: readonly Question[];
  /** The seed that picked them. */
  seed?: number;
  /** Everyone on the panel, for a panel's sheet: `collect` tells from it whose sheet is missing. */
  panel?: readonly string[];
}

/** A personal scoring sheet as asked for: names, date, focus, and N questions picked by a seed. */
export interface PersonalOptions {
  candidate?: string;
  interviewer?: string;
  date?: string;
  focus?: string;
  /** How many questions to pick, and the seed that picks them. */
  questions?: number;
  seed?: number;
}

/** A seed as typed: a whole number, or what is wrong with it. */
export function parseSeed(value: string): number | string {
  const trimmed = value.trim();
  if (!/^-?\d+$/.test(trimmed) || !Number.isSafeInteger(Number(trimmed))) return `the seed must be a whole number, not "${value}"`;
  return Number(trimmed);
}

/** Why a person's name cannot name a file (it has no letter or digit in any script), if it cannot. */
export const stemProblem = (what: string, name: string) => (fileStem(name) ? undefined : `the ${what} "${name}" has no letter or digit to make a file name from`);

/** A name given twice for one loop: the sheets and the debrief could not tell the two apart. */
export const twiceMessage = (name: string) => `the interviewer "${name}" is named twice: tell the two apart (e.g. "${name} A." and "${name} B.") or name them once`;

/** The file name stem of a person's name (src/text/fileStem.ts), or a request error when nothing usable is left. */
export function personStem(what: string, name: string): string {
  const problem = stemProblem(what, name);
  if (problem) throw requestError(problem);
  return fileStem(name);
}

/** Checks what makes a personal sheet and picks its questions; a request error (named by the CLI's flags) says what is wrong. */
export function personalSheet(personal: PersonalOptions, packets: readonly Packet[], levels: readonly Level[], library: Library): SheetDetails {
  const flags = '--candidate, --interviewer, --date, --focus, --questions and --seed';
  if (packets.length !== 1 || packets[0] !== 'scorecard') throw requestError(`${flags} make a personal scoring sheet: use them with --packet scorecard`);
  if (levels.length !== 1) throw requestError(`a personal scoring sheet is for one level: name it with --level`);
  const problem = personal.date !== undefined ? dateProblem(personal.date) : undefined;
  if (problem) throw requestError(`--date: ${problem}`);
  if (personal.seed !== undefined && personal.questions === undefined) throw requestError('--seed picks the question set of --questions N: give --questions too');
  const bank = library.questions.filter((q) => q.level === levels[0]!.id);
  const details: SheetDetails = { candidate: personal.candidate, interviewer: personal.interviewer, date: personal.date, focus: personal.focus };
  if (personal.questions !== undefined) {
    if (personal.questions < 1) throw requestError(`--questions must be 1 or more, not ${personal.questions}`);
    if (personal.questions > bank.length) throw requestError(`--questions ${personal.questions}: level "${levels[0]!.id}" has ${count(bank.length, 'question')}`);
    details.seed = personal.seed ?? 1;
    details.questions = inPackOrder(pickQuestions(bank, { count: personal.questions, seed: details.seed }));
  }
  return details;
}
