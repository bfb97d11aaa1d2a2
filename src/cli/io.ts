// What commands print, and the exit codes they end with.
import { formatProblem, PreppackError, sortProblems, type Problem, type StopReason } from '../problems.js';

export const EXIT_OK = 0;
/** The content, a template or a build failed. */
export const EXIT_FAILED = 1;
/** The command line was wrong. */
export const EXIT_USAGE = 2;

/**
 * How a command talks: `--json` makes stdout one JSON document (what `result`
 * gathered, and every problem), `--quiet` keeps only errors; either way
 * errors and warnings go to stderr.
 */
export interface OutputMode {
  json: boolean;
  quiet: boolean;
  /** A live progress line: stderr is a terminal (and not a CI log). */
  live: boolean;
  /** Colour on stderr: live, and NO_COLOR is not set. */
  colour: boolean;
  /** Tables for a person: stdout is a terminal (and not a CI log). */
  table: boolean;
}

const mode: OutputMode = { json: false, quiet: false, live: false, colour: false, table: false };
let document: Record<string, unknown> = {};
let problemsSaid: Problem[] = [];
/** The command printed its own document (`list --json`: the items themselves). */
let printed = false;

export function setOutputMode(next: Partial<OutputMode>): void {
  Object.assign(mode, next);
  document = {};
  problemsSaid = [];
  printed = false;
}

export const outputMode = (): Readonly<OutputMode> => mode;

/** A line for a person reading stdout: not with --json or --quiet. */
export const out = (text: string) => {
  if (!mode.json && !mode.quiet) process.stdout.write(`${text}\n`);
};
/** An error line on stderr, always. */
export const err = (text: string) => process.stderr.write(`${text}\n`);
/** A notice on stderr (a skipped packet, a gap in a panel): not with --quiet. */
export const note = (text: string) => {
  if (!mode.quiet) err(text);
};

/**
 * A progress line on a terminal, rewritten in place ("[3/9] staff booklet ·
 * 1.4 s"); nothing in CI, in a pipe, or with --quiet or --json.
 */
export function progress(): { show: (text: string) => void; done: () => void } {
  if (!mode.live || mode.quiet || mode.json) return { show: () => {}, done: () => {} };
  const started = Date.now();
  return {
    show: (text) => process.stderr.write(`\r\x1b[K${text} · ${((Date.now() - started) / 1000).toFixed(1)} s`),
    done: () => process.stderr.write('\r\x1b[K'),
  };
}

/** What the command made, for its --json document. */
export function result(data: Record<string, unknown>): void {
  Object.assign(document, data);
}

/** A command's whole --json document, as it is (`list`: an array of items). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  printed = true;
}

/** A mistake in the command line (exit 2): said on stderr by the caller, and in the --json document's problems, with no file or line. */
export function commandLineProblem(message: string): void {
  problemsSaid.push({ path: '', line: 0, severity: 'error', message });
}

/** The --json document, once the command has its exit code. */
export function printResult(command: string, exitCode: number): void {
  if (!mode.json || printed) return;
  const problems = sortProblems(problemsSaid).map(({ path, line, column, severity, message }) => ({ path, line, ...(column ? { column } : {}), severity, message }));
  process.stdout.write(`${JSON.stringify({ command, exitCode, ...document, problems }, null, 2)}\n`);
}

const YELLOW = '\x1b[33m';
const RED = '\x1b[31m';
const RESET = '\x1b[0m';

export function printProblems(problems: readonly Problem[]): void {
  for (const problem of sortProblems(problems)) {
    problemsSaid.push(problem);
    if (mode.quiet && problem.severity === 'warning') continue;
    const line = formatProblem(problem);
    err(mode.colour ? line.replace(/^(.*?:\d+(?::\d+)?: )(warning: )?/, (_, at: string, warned?: string) => `${at}${warned ? `${YELLOW}warning:${RESET} ` : `${RED}error:${RESET} `}`) : line);
  }
}

/** What to do about it, after "nothing was built". */
const REMEDY: Partial<Record<StopReason, string>> = {
  content: 'fix the content (see `preppack check`)',
  strict: 'no font can print these characters (--strict)',
};

/**
 * A command stopped by problems in the user's files (each as path:line:
 * message) or by an output folder it cannot make, then what did not happen,
 * and exit 1. A request that cannot be made goes on to the command line's
 * exit 2; anything else is a bug and is thrown on.
 */
export function stoppedBy(caught: unknown, notDone: string): number {
  if (!(caught instanceof PreppackError) || caught.reason === 'request') throw caught;
  if (caught.problems.length) printProblems(caught.problems);
  else err(`preppack: ${caught.message}`);
  const remedy = REMEDY[caught.reason];
  err(`preppack: ${notDone}${remedy ? `: ${remedy}` : ''}`);
  return EXIT_FAILED;
}

/** A wrong command line: the message, and exit 2 (as a request the library cannot make). */
export class UsageError extends PreppackError {
  constructor(message: string) {
    super([], 'request', message);
  }
}

/** A wrong command line, from the CLI or a request the library refused. */
export const isUsageError = (caught: unknown): caught is PreppackError => caught instanceof PreppackError && caught.reason === 'request';
