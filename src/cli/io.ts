// What commands print, and the exit codes they end with.
import { formatProblem, sortProblems, type Problem } from '../problems.js';

export const EXIT_OK = 0;
/** The content, a template or a build failed. */
export const EXIT_FAILED = 1;
/** The command line was wrong. */
export const EXIT_USAGE = 2;

export const out = (text: string) => process.stdout.write(`${text}\n`);
export const err = (text: string) => process.stderr.write(`${text}\n`);

export function printProblems(problems: readonly Problem[]): void {
  for (const problem of sortProblems(problems)) err(formatProblem(problem));
}

/** A wrong command line: the message, and exit 2. */
export class UsageError extends Error {}
