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
  return `${problem.path}:${problem.line}${column}: ${tag}${problem.message}`;
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0) || a.message.localeCompare(b.message));
}

/** --strict: every warning counts as an error. */
export const asErrors = (problems: readonly Problem[]): Problem[] => problems.map((p) => ({ ...p, severity: 'error' }));

export const hasErrors = (problems: readonly Problem[]) => problems.some((p) => p.severity === 'error');

/** Thrown by a stage that cannot go on; the CLI prints the problems and exits 1. */
export class ProblemsError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}
