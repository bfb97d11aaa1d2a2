// `preppack import PAGE…`: knowledge-base pages into the content library.
// Reads everything first; writes only when every page was understood and no
// file would be overwritten without --force.
import { join, relative, sep } from 'node:path';
import { readInputText } from '../fs/readInput.js';
import { OutputFolder } from '../fs/outputFolder.js';
import { underLock, writeStaged } from '../fs/stagedWrite.js';
import { runInputs } from '../pipeline/inputs.js';
import { readContentDir } from '../content/read.js';
import { FORMAT_NAMES } from '../import/draft.js';
import { importPages, type PageInput } from '../import/importPages.js';
import type { Problem } from '../problems.js';
import { EXIT_FAILED, EXIT_OK, err, out, printProblems, result, stoppedBy } from '../cli/io.js';
import { count } from '../text/plural.js';

export interface ImportOptions {
  pages: string[];
  contentDir: string;
  force: boolean;
  dryRun: boolean;
}

/** The library's existing files, relative path to text, for the import plan to compare against. */
function existingFiles(contentDir: string): Map<string, string> {
  const { files } = readContentDir(contentDir);
  return new Map(files.map((file) => [relative(contentDir, file.path).split(sep).join('/'), file.bytes.toString('utf8')]));
}

function readPages(paths: readonly string[]): { pages: PageInput[]; problems: Problem[] } {
  const pages: PageInput[] = [];
  const problems: Problem[] = [];
  for (const path of paths) {
    const read = readInputText(path, 'page');
    if ('problem' in read) problems.push(read.problem);
    else pages.push({ path, text: read.text });
  }
  return { pages, problems };
}

export async function importCommand(options: ImportOptions): Promise<number> {
  const read = readPages(options.pages);
  if (read.problems.length) {
    printProblems(read.problems);
    err('preppack: nothing was imported');
    return EXIT_FAILED;
  }
  const { plan, problems } = importPages(read.pages, options.contentDir, existingFiles(options.contentDir), options.force);
  if (!plan || problems.length) {
    printProblems(problems);
    err('preppack: nothing was imported');
    return EXIT_FAILED;
  }
  for (const page of plan.pages) {
    out(
      `${page.path}: ${FORMAT_NAMES[page.format]}, level ${page.level}${page.newLevel ? ' (new)' : ''}: ` +
        `${count(page.questions, 'question')}, ${count(page.stories, 'story', 'stories')}, ${count(page.quotes, 'quote')}`,
    );
  }
  const writes = plan.files.filter((f) => f.action === 'create' || f.action === 'update');
  if (options.dryRun) for (const file of writes) out(`would ${file.action} ${join(options.contentDir, file.path)}`);
  else if (writes.length) {
    // Every file as one change: a failure part-way leaves the library as it was.
    try {
      const folder = new OutputFolder(options.contentDir, runInputs({ files: options.pages.map((path) => ({ path, what: 'a page to import' })) }), '--content');
      await underLock(folder, async () => writeStaged(folder, writes.map((file) => ({ path: file.path, bytes: file.text }))));
    } catch (caught) {
      return stoppedBy(caught, 'nothing was imported');
    }
  }
  const files = (action: string) => plan.files.filter((f) => f.action === action).length;
  result({
    pages: plan.pages.map((page) => ({ path: page.path, format: page.format, level: page.level, newLevel: page.newLevel, questions: page.questions, stories: page.stories, quotes: page.quotes })),
    files: plan.files.map((file) => ({ path: join(options.contentDir, file.path), action: file.action })),
    dryRun: options.dryRun,
  });
  const verb = options.dryRun ? 'would write' : 'wrote';
  out(`${verb} ${count(writes.length, 'file')} in ${options.contentDir} (${files('create')} new, ${files('update')} updated), ${files('unchanged')} unchanged`);
  if (!options.dryRun && files('create') + files('update') > 0) out('next: tag competencies by hand, then run `preppack check`');
  return EXIT_OK;
}
