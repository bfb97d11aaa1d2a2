// A problem found in the user's files. Every command reports these the same
// way, `path:line: message`, so editors and CI logs can jump to the spot.

export type Severity = 'error' | 'warning';

export interface Problem {
  path: string;
  line: number;
  /** Where in the line, when it is known (1-based). */
  column?: number;
  message: string;
  severity: Severity;
}

export const error = (path: string, line: number, message: string, column?: number): Problem => ({ path, line, ...(column ? { column } : {}), message, severity: 'error' });
export const warning = (path: string, line: number, message: string, column?: number): Problem => ({ path, line, ...(column ? { column } : {}), message, severity: 'warning' });

export function formatProblem(problem: Problem): string {
  const tag = problem.severity === 'warning' ? 'warning: ' : '';
  const column = problem.column ? `:${problem.column}` : '';
  // Line 0: the problem is in an option (`--candidate`), not in a file's line.
  if (problem.line === 0) return `${problem.path}: ${tag}${problem.message}`;
  return `${problem.path}:${problem.line}${column}: ${tag}${problem.message}`;
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0) || a.message.localeCompare(b.message));
}

/** --strict: every warning counts as an error. */
export const asErrors = (problems: readonly Problem[]): Problem[] => problems.map((p) => ({ ...p, severity: 'error' }));

export const hasErrors = (problems: readonly Problem[]) => problems.some((p) => p.severity === 'error');

/**
 * Why a command stopped before it made anything: the content has errors, a
 * warning under --strict, a template or other input is wrong, what was asked
 * cannot be made (an unknown level, options that do not go together: the
 * command line's exit 2), or the output folder cannot be made.
 */
export type StopReason = 'content' | 'strict' | 'input' | 'request' | 'output';

/**
 * Thrown by a stage that cannot go on, and by the library: every problem,
 * each with its file and line (none for a request or an output folder: the
 * message says it). The CLI prints the problems and exits 1 (2 for a request).
 */
export class PreppackError extends Error {
  constructor(
    readonly problems: Problem[],
    readonly reason: StopReason = 'input',
    message = problems.map(formatProblem).join('\n'),
  ) {
    super(message);
    this.name = 'PreppackError';
  }
}

/** What was asked for cannot be made (an unknown level, options that do not go together). */
export const requestError = (message: string) => new PreppackError([], 'request', message);
