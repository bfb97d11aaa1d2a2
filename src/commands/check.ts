// `preppack check`: load and validate the whole library, report every problem.
import { unprintableContent } from '../content/glyphs.js';
import { anchorCounts, interviewLint } from '../content/interviewLint.js';
import { loadLibrary } from '../content/load.js';
import { asErrors, hasErrors } from '../problems.js';
import { EXIT_FAILED, EXIT_OK, out, printProblems, result } from '../cli/io.js';
import { BUNDLED_FONT } from '../render/fonts.js';
import { count } from '../text/plural.js';

export function checkCommand(contentDir: string, strict = false): number {
  const { library, problems: found, files, competencyPlaces } = loadLibrary(contentDir);
  // The structured-interview lint reads a library that loads: its warnings would bury the errors of one that does not.
  const lint = found.some((p) => p.severity === 'error') ? [] : interviewLint(library, competencyPlaces);
  const all = [...found, ...unprintableContent(files, BUNDLED_FONT), ...lint];
  const problems = strict ? asErrors(all) : all;
  printProblems(problems);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const anchors = anchorCounts(library);
  result({ content: contentDir, levels: library.levels.length, questions: library.questions.length, stories: library.stories.length, competencies: library.competencies.length, anchors, errors, warnings });
  out(
    `${contentDir}: ${count(library.levels.length, 'level')}, ${count(library.questions.length, 'question')}, ${count(library.stories.length, 'story', 'stories')}, ` +
      `${count(library.competencies.length, 'competency', 'competencies')}; ${count(errors, 'error')}, ${count(warnings, 'warning')}`,
  );
  if (library.questions.length) out(`anchors: ${anchors.authored} written by authors, ${anchors.derived} stated from listen-for points`);
  return hasErrors(problems) ? EXIT_FAILED : EXIT_OK;
}
