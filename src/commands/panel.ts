// `preppack panel`: one candidate's interview loop (or a roster of them):
// a scoring sheet per interviewer, the panel plan and the debrief sheet,
// under out/panels/<candidate>/.
import { readInputText } from '../fs/readInput.js';
import { loadLibrary } from '../content/load.js';
import type { Library } from '../content/model.js';
import { findLevel, levelNames } from '../content/select.js';
import { readRoster, panelShortage } from '../loops/roster.js';
import { renderPanels, writePanels, type PanelSpec } from '../pipeline/panel.js';
import { asErrors, error, hasErrors, PreppackError } from '../problems.js';
import { unprintableName, unprintableSettings } from '../fonts/unprintableNames.js';
import type { Paper } from '../render/document.js';
import { outputFolderProblem } from '../fs/outputFolder.js';
import { runInputs } from '../pipeline/inputs.js';
import { loadTemplates } from '../render/templates.js';
import { unprintableContent } from '../content/glyphs.js';
import type { PrintSettings } from '../packets/common.js';
import { dateProblem } from '../text/dates.js';
import { count } from '../text/plural.js';
import { EXIT_OK, note, out, printProblems, progress, result as report, stoppedBy, UsageError } from '../cli/io.js';
import { kilobytes, printFiles, took } from '../cli/fileList.js';
import { personStem, twiceMessage } from '../loops/sheet.js';

export interface PanelOptions {
  contentDir: string;
  templatesDir?: string;
  outDir: string;
  paper: Paper;
  roster?: string;
  level?: string;
  candidate?: string;
  interviewers?: string[];
  perInterviewer?: number;
  seed?: number;
  date?: string;
  /** Scoring sheets with form fields. */
  fillable?: boolean;
  /** The config's organisation and evidence lines. */
  print?: PrintSettings;
  /** A character no font has (in a name, the content or the templates) fails the run, before anything renders. */
  strict?: boolean;
  /** Threads that render (renderPool.ts). */
  threads?: number;
}

/** One panel from the command line; a usage error says what is wrong. */
function panelFromOptions(options: PanelOptions, library: Library): PanelSpec {
  if (!options.level) throw new UsageError('name the level: --level L (or give a --roster)');
  const level = findLevel(library, options.level);
  if (!level) throw new UsageError(`unknown level "${options.level}": the levels are ${levelNames(library)}`);
  if (!options.candidate) throw new UsageError('name the candidate: --candidate "Name"');
  personStem('candidate name', options.candidate);
  const interviewers = options.interviewers ?? [];
  if (interviewers.length === 0) throw new UsageError('name the interviewers: --interviewers "Sam,Kai,Ria"');
  for (const name of interviewers) personStem('interviewer name', name);
  const twice = interviewers.find((name, i) => interviewers.indexOf(name) !== i);
  if (twice) throw new UsageError(twiceMessage(twice));
  const problem = options.date !== undefined ? dateProblem(options.date) : undefined;
  if (problem) throw new UsageError(`--date: ${problem}`);
  if (options.perInterviewer !== undefined && options.perInterviewer < 1) throw new UsageError(`--questions-per-interviewer must be 1 or more, not ${options.perInterviewer}`);
  const shortage = panelShortage(library.questions.filter((q) => q.level === level.id), interviewers.length, options.perInterviewer);
  if (shortage) throw new UsageError(shortage);
  return { candidate: options.candidate, level, interviewers, perInterviewer: options.perInterviewer, seed: options.seed ?? 1, date: options.date };
}

/** The panels of a roster file; problems name the file and line. */
function panelsFromRoster(path: string, library: Library): PanelSpec[] {
  const read = readInputText(path, 'roster');
  if ('problem' in read) throw new PreppackError([read.problem]);
  const { rows, problems } = readRoster(path, read.text, library);
  if (problems.length) throw new PreppackError(problems);
  return rows.map((row) => ({ ...row, origin: { path, line: row.line } }));
}

export async function panelCommand(options: PanelOptions): Promise<number> {
  const started = Date.now();
  const { library, problems, files } = loadLibrary(options.contentDir);
  try {
    if (hasErrors(problems)) throw new PreppackError(problems.filter((p) => p.severity === 'error'), 'content');
    const panels = options.roster ? panelsFromRoster(options.roster, library) : [panelFromOptions(options, library)];
    const inputs = runInputs({ contentDir: options.contentDir, templatesDir: options.templatesDir, files: options.roster ? [{ path: options.roster, what: 'the roster' }] : [] });
    const outFolder = outputFolderProblem(options.outDir, inputs);
    if (outFolder) throw outFolder;
    const templates = loadTemplates(options.templatesDir);
    // Characters no font has would print as empty boxes: said before anything renders, fatal when strict.
    const font = templates.theme.font;
    const unprintable = [
      ...unprintableContent(files, font),
      ...templates.unprintable,
      ...panels.flatMap((panel) => {
        const where = (option: string) => panel.origin ?? { path: option, line: 0 };
        return [
          ...unprintableName(where('--candidate'), 'the candidate', panel.candidate, font),
          ...panel.interviewers.flatMap((name) => unprintableName(where('--interviewers'), 'the interviewer', name, font)),
        ];
      }),
      ...unprintableSettings(options.print, font),
    ];
    if (options.strict && unprintable.length) throw new PreppackError(asErrors(unprintable), 'strict');
    printProblems([...problems, ...unprintable]);
    const live = progress();
    const onFile = (done: number, total: number, candidate: string, sheet: string) => live.show(`[${done + 1}/${total}] ${candidate} ${sheet}`);
    const result = await renderPanels({ library, contentFiles: files, contentDir: options.contentDir, templates, outDir: options.outDir, paper: options.paper, panels, fillable: options.fillable, print: options.print, onFile, threads: options.threads }).finally(live.done);
    const written = await writePanels(result, options.outDir, inputs);
    for (const notice of written.notices) note(`preppack: ${notice}`);
    for (const removed of written.removed) note(`preppack: removed ${removed}: a sheet of an earlier run of this panel that this run no longer makes`);
    const { pages, bytes } = printFiles(result.files.map((f) => ({ written: f.written, pages: f.pages, size: f.bytes.length, labels: [f.candidate, f.sheet] })), ['candidate', 'sheet']);
    for (const renamed of result.renamed) note(`preppack: ${renamed}`);
    for (const gap of result.uncovered) note(`preppack: ${gap.candidate}: no question of this panel covers ${gap.competencies.join(', ')}: too few questions or interviewers`);
    report({
      files: result.files.map((f) => ({ path: f.written, pages: f.pages, bytes: f.bytes.length })),
      removed: written.removed,
      uncovered: result.uncovered,
      usage: Object.fromEntries([...result.usage].map(([level, uses]) => [level, Object.fromEntries(uses)])),
    });
    if (panels.length > 1) {
      for (const [level, uses] of result.usage) {
        const listed = [...uses.entries()].sort(([a], [b]) => a - b).map(([number, times]) => `Q${number} ×${times}`);
        out(`question use, level ${level}: ${listed.join(', ')}`);
      }
    }
    out(`${count(result.files.length, 'PDF')} for ${count(panels.length, 'candidate')}, ${count(pages, 'page')}, ${kilobytes(bytes)}${took(started)}`);
    return EXIT_OK;
  } catch (caught) {
    return stoppedBy(caught, 'nothing was built');
  }
}
