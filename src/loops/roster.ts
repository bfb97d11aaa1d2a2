// A roster of interview loops, one row per candidate: YAML (a list) or CSV
// (a header row), read and checked as a whole. Every problem names the file
// and the row's line; one bad row and nothing is built.
import { parse as parseCsv } from 'csv-parse/sync';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Level, Library, Question } from '../content/model.js';
import { findLevel, levelNames } from '../content/select.js';
import { error, type Problem } from '../problems.js';
import { dateProblem } from '../text/dates.js';
import { fileSlug } from '../text/slug.js';
import { parseSeed } from './sheet.js';

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
  const list = document.contents;
  if (!isSeq(list)) return { rows: [], problems: [error(path, lineOf(list), 'a roster is a list of loops, one "- candidate: …" item per candidate')] };
  const rows: RawRow[] = [];
  const problems: Problem[] = [];
  for (const item of list.items) {
    if (!isMap(item)) {
      problems.push(error(path, lineOf(item as Node), 'each loop is a mapping: candidate, level, interviewers, date and optionally seed'));
      continue;
    }
    rows.push({ line: lineOf(item), values: item.toJSON() as Record<string, unknown> });
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

/** Reads a roster and checks every row against the library; rows only if there is no problem at all. */
export function readRoster(path: string, text: string, library: Library): { rows: RosterRow[]; problems: Problem[] } {
  const raw = /\.csv$/i.test(path) ? csvRows(path, text) : yamlRows(path, text);
  const problems = [...raw.problems];
  if (!problems.length && raw.rows.length === 0) problems.push(error(path, 1, 'the roster has no loops'));
  const rows: RosterRow[] = [];
  const candidates = new Map<string, number>();
  for (const { line, values } of raw.rows) {
    const problem = (message: string) => problems.push(error(path, line, message));
    const unknown = Object.keys(values).filter((key) => !(FIELDS as readonly string[]).includes(key));
    if (unknown.length) problem(`unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}: a loop has ${FIELDS.join(', ')}`);
    const text = (field: Field) => {
      const value = values[field];
      return value === undefined || value === null ? '' : String(value).trim();
    };
    const candidate = text('candidate');
    if (!candidate) problem('no candidate');
    else if (!fileSlug(candidate)) problem(`the candidate "${candidate}" leaves nothing for a file name once made plain ASCII: add a Latin spelling`);
    else if (candidates.has(fileSlug(candidate))) problem(`the candidate "${candidate}" has the same file name as the loop at line ${candidates.get(fileSlug(candidate))}`);
    else candidates.set(fileSlug(candidate), line);
    const level = text('level') ? findLevel(library, text('level')) : undefined;
    if (!text('level')) problem('no level');
    else if (!level) problem(`unknown level "${text('level')}": the levels are ${levelNames(library)}`);
    const listed = values.interviewers;
    const interviewers = (Array.isArray(listed) ? listed.map(String) : text('interviewers').split(/[,;]/)).map((n) => n.trim()).filter(Boolean);
    if (interviewers.length === 0) problem('no interviewers: list their names, e.g. "Sam, Kai, Ria"');
    const slugs = interviewers.map((name) => fileSlug(name));
    if (slugs.some((s) => !s)) problem(`an interviewer's name leaves nothing for a file name once made plain ASCII: ${interviewers.filter((n) => !fileSlug(n)).join(', ')}`);
    else if (new Set(slugs).size !== slugs.length) problem(`two interviewers have the same name: ${interviewers.join(', ')}`);
    const date = text('date');
    const wrongDate = date ? dateProblem(date) : 'no date (YYYY-MM-DD)';
    if (wrongDate) problem(wrongDate);
    let seed = 1;
    if (text('seed')) {
      const parsed = parseSeed(text('seed'));
      if (typeof parsed === 'string') problem(parsed);
      else seed = parsed;
    }
    let perInterviewer: number | undefined;
    if (text('questions_per_interviewer')) {
      perInterviewer = Number(text('questions_per_interviewer'));
      if (!Number.isInteger(perInterviewer) || perInterviewer < 1) problem(`questions_per_interviewer must be a whole number from 1, not "${text('questions_per_interviewer')}"`);
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
