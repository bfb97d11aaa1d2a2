// `preppack check`: load and validate the whole library, report every problem.
import { loadLibrary } from '../content/load.js';
import { hasErrors } from '../problems.js';
import { EXIT_FAILED, EXIT_OK, out, printProblems } from '../cli/io.js';
import { count } from '../text/plural.js';

export function checkCommand(contentDir: string): number {
  const { library, problems } = loadLibrary(contentDir);
  printProblems(problems);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  out(
    `${contentDir}: ${count(library.levels.length, 'level')}, ${count(library.questions.length, 'question')}, ${count(library.stories.length, 'story', 'stories')}, ` +
      `${count(library.competencies.length, 'competency', 'competencies')}; ${count(errors, 'error')}, ${count(warnings, 'warning')}`,
  );
  return hasErrors(problems) ? EXIT_FAILED : EXIT_OK;
}
