// What commands print, and the exit codes they end with.
import { FolderError } from '../fs/folders.js';
import { formatProblem, ProblemsError, sortProblems, type Problem } from '../problems.js';

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

/**
 * A command stopped by problems in the user's files (each as path:line:
 * message) or by an output folder it cannot make, then what did not happen,
 * and exit 1. Anything else is a bug and
 * is thrown on.
 */
export function stoppedBy(caught: unknown, notDone: string): number {
  if (caught instanceof FolderError) err(`preppack: ${caught.message}`);
  else if (caught instanceof ProblemsError) printProblems(caught.problems);
  else throw caught;
  err(`preppack: ${notDone}`);
  return EXIT_FAILED;
}

/** A wrong command line: the message, and exit 2. */
export class UsageError extends Error {}
