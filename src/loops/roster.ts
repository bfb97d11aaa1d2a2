// A roster of interview loops, one row per candidate: YAML (a list) or CSV
// (a header row), read and checked as a whole. Every problem names the file
// and the row's line; one bad row and nothing is built.
import { parse as parseCsv } from 'csv-parse/sync';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Level, Library, Question } from '../content/model.js';
import { findLevel, levelNames } from '../content/select.js';
import { error, type Problem } from '../problems.js';
import { dateProblem } from '../text/dates.js';
import { unresolvedTag, yamlValueFailure } from '../content/yamlError.js';
import { nameProblem } from '../text/names.js';
import { parseSeed, stemProblem, twiceMessage } from './sheet.js';

export interface RosterRow {
  line: number;
  candidate: string;
  level: Level;
  interviewers: string[];
  date: string;
  seed: number;
  perInterviewer?: number;
}

const FIELDS = ['candidate', 'level', 'interviewers', 'date', 'seed', 'questions_per_interviewer'] as const;
type Field = (typeof FIELDS)[number];

interface RawRow {
  line: number;
  values: Partial<Record<string, unknown>>;
}

function yamlRows(path: string, text: string): { rows: RawRow[]; problems: Problem[] } {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const lineOf = (node: Node | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line : 1);
  if (document.errors.length) return { rows: [], problems: document.errors.map((e) => error(path, e.linePos?.[0]?.line ?? 1, `not valid YAML: ${e.message.split('\n')[0]}`)) };
  const tag = unresolvedTag(document);
  if (tag) return { rows: [], problems: [error(path, tag.line, tag.message)] };
  const list = document.contents;
  if (!isSeq(list)) return { rows: [], problems: [error(path, lineOf(list), 'a roster is a list of loops, one "- candidate: …" item per candidate')] };
  const rows: RawRow[] = [];
  const problems: Problem[] = [];
  for (const item of list.items) {
    if (!isMap(item)) {
      problems.push(error(path, lineOf(item as Node), 'each loop is a mapping: candidate, level, interviewers, date and optionally seed'));
      continue;
    }
    try {
      rows.push({ line: lineOf(item), values: item.toJS(document, { maxAliasCount: 100 }) as Record<string, unknown> });
    } catch (caught) {
      problems.push(error(path, lineOf(item), yamlValueFailure(caught)));
    }
  }
  return { rows, problems };
}

function csvRows(path: string, text: string): { rows: RawRow[]; problems: Problem[] } {
  try {
    const records = parseCsv(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), info: true, skip_empty_lines: true, trim: true, bom: true }) as { record: Record<string, string>; info: { lines: number } }[];
    return { rows: records.map(({ record, info }) => ({ line: info.lines, values: record })), problems: [] };
  } catch (caught) {
    const failure = caught as Error & { lines?: number };
    return { rows: [], problems: [error(path, failure.lines ?? 1, `not valid CSV: ${failure.message}`)] };
  }
}

/** A cell that is not text, in words. */
const describe = (value: unknown) =>
  Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : typeof value === 'number' ? `the number ${value}` : typeof value === 'boolean' ? `${value}` : typeof value;

/** Reads a roster and checks every row against the library; rows only if there is no problem at all. */
export function readRoster(path: string, text: string, library: Library): { rows: RosterRow[]; problems: Problem[] } {
  const raw = /\.csv$/i.test(path) ? csvRows(path, text) : yamlRows(path, text);
  const problems = [...raw.problems];
  if (!problems.length && raw.rows.length === 0) problems.push(error(path, 1, 'the roster has no loops'));
  const rows: RosterRow[] = [];
  for (const { line, values } of raw.rows) {
    const problem = (message: string) => problems.push(error(path, line, message));
    const unknown = Object.keys(values).filter((key) => !(FIELDS as readonly string[]).includes(key));
    if (unknown.length) problem(`unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}: a loop has ${FIELDS.join(', ')}`);
    // A cell is text, or a number where a number is meant; anything else (a mapping, a list, .inf) is named, never printed as "[object Object]".
    const text = (field: Field, numeric = false) => {
      const value = values[field];
      if (value === undefined || value === null) return '';
      if (typeof value === 'string') return value.trim();
      if (numeric && typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
      problem(`${field} must be ${numeric ? 'a whole number' : 'text'}, not ${describe(value)}`);
      return '';
    };
    const missing = (field: Field) => values[field] === undefined || values[field] === null || values[field] === '';
    /** A name cell, checked; '' (and the problem said) when it is not one. */
    const name = (what: string, value: unknown) => {
      const checked = nameProblem(what, value);
      if ('problem' in checked) problem(checked.problem);
      return 'name' in checked ? checked.name : '';
    };
    const candidate = missing('candidate') ? '' : name('the candidate', values.candidate);
    if (missing('candidate')) problem('no candidate');
    else if (!candidate) {
      // What is wrong with it is said.
    } else if (stemProblem('candidate', candidate)) problem(stemProblem('candidate', candidate)!);
    const levelName = text('level');
    const level = levelName ? findLevel(library, levelName) : undefined;
    if (missing('level')) problem('no level');
    else if (levelName && !level) problem(`unknown level "${levelName}": the levels are ${levelNames(library)}`);
    const listed = values.interviewers;
    const given = (Array.isArray(listed) ? listed : text('interviewers').split(/[,;]/)).filter((n) => !(typeof n === 'string' && !n.trim()));
    const interviewers = given.map((value) => name('an interviewer', value)).filter(Boolean);
    if (given.length === 0) problem('no interviewers: list their names, e.g. "Sam, Kai, Ria"');
    const twice = interviewers.find((name, i) => interviewers.indexOf(name) !== i);
    if (interviewers.length < given.length) {
      // Said above.
    } else if (interviewers.some((n) => stemProblem('interviewer', n))) interviewers.forEach((n) => stemProblem('interviewer', n) && problem(stemProblem('interviewer', n)!));
    else if (twice) problem(twiceMessage(twice));
    const date = text('date');
    const wrongDate = date ? dateProblem(date) : missing('date') ? 'no date (YYYY-MM-DD)' : undefined;
    if (wrongDate) problem(wrongDate);
    let seed = 1;
    const seedCell = text('seed', true);
    if (seedCell) {
      const parsed = parseSeed(seedCell);
      if (typeof parsed === 'string') problem(parsed);
      else seed = parsed;
    }
    let perInterviewer: number | undefined;
    const perCell = text('questions_per_interviewer', true);
    if (perCell) {
      perInterviewer = /^\d+$/.test(perCell) ? Number(perCell) : Number.NaN;
      if (!Number.isSafeInteger(perInterviewer) || perInterviewer < 1) problem(`questions_per_interviewer must be a whole number from 1, not "${perCell}"`);
    }
    if (level && interviewers.length) {
      const bank = library.questions.filter((q) => q.level === level.id);
      const shortage = panelShortage(bank, interviewers.length, perInterviewer);
      if (shortage) problem(shortage);
    }
    rows.push({ line, candidate, level: level!, interviewers, date, seed, perInterviewer });
  }
  return { rows: problems.length ? [] : rows, problems };
}

/** Why a level's bank cannot seat a panel, or undefined. */
export function panelShortage(bank: readonly Question[], interviewers: number, perInterviewer?: number): string | undefined {
  const level = bank[0]?.level;
  if (bank.length < interviewers) return `level${level ? ` "${level}"` : ''} has ${bank.length} question${bank.length === 1 ? '' : 's'}: not one each for ${interviewers} interviewers`;
  if (perInterviewer !== undefined && perInterviewer * interviewers > bank.length) {
    return `${interviewers} interviewers × ${perInterviewer} questions need ${perInterviewer * interviewers}; level "${level}" has ${bank.length}`;
  }
  return undefined;
}
