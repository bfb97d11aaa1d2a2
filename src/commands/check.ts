// `preppack check`: load and validate the whole library, report every problem.
import { loadLibrary } from '../content/load.js';
import { hasErrors } from '../problems.js';
import { EXIT_FAILED, EXIT_OK, out, printProblems } from '../cli/io.js';

export function checkCommand(contentDir: string): number {
  const { library, problems } = loadLibrary(contentDir);
  printProblems(problems);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  out(
    `${contentDir}: ${library.levels.length} levels, ${library.questions.length} questions, ${library.stories.length} stories, ` +
      `${library.competencies.length} competencies; ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  );
  return hasErrors(problems) ? EXIT_FAILED : EXIT_OK;
}
