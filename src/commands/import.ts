// `preppack import PAGE…`: knowledge-base pages into the content library.
// Reads everything first; writes only when every page was understood and no
// file would be overwritten without --force.
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { decodeText } from '../text/decode.js';
import { readContentDir } from '../content/read.js';
import { writeFileAtomic } from '../fs/atomicWrite.js';
import { FORMAT_NAMES } from '../import/draft.js';
import { importPages, type PageInput } from '../import/importPages.js';
import { error, type Problem } from '../problems.js';
import { EXIT_FAILED, EXIT_OK, err, out, printProblems, result } from '../cli/io.js';
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
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (caught) {
      const code = (caught as NodeJS.ErrnoException).code;
      problems.push(error(path, 1, code === 'ENOENT' ? 'no such page file' : code === 'EISDIR' ? 'is a folder, not a page file' : `cannot read the page (${code})`));
      continue;
    }
    const decoded = decodeText(path, bytes);
    if ('problem' in decoded) problems.push(decoded.problem);
    else pages.push({ path, text: decoded.text });
  }
  return { pages, problems };
}

export function importCommand(options: ImportOptions): number {
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
  for (const file of writes) {
    const path = join(options.contentDir, file.path);
    if (options.dryRun) out(`would ${file.action} ${path}`);
    else writeFileAtomic(path, file.text);
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
