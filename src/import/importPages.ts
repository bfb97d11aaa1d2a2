// The import stage as a whole: pages in, a plan of files out, or the
// problems that stop it. Pure: the caller reads the pages and writes the files.
import { join } from 'node:path';
import { error, type Problem } from '../problems.js';
import { PageError, type PageDraft } from './draft.js';
import { parsePage } from './page.js';
import { planImport, type ImportPlan } from './plan.js';

export interface PageInput {
  path: string;
  text: string;
}

export function importPages(pages: readonly PageInput[], contentDir: string, existing: ReadonlyMap<string, string>, force: boolean): { plan?: ImportPlan; problems: Problem[] } {
  const problems: Problem[] = [];
  const drafts: PageDraft[] = [];
  for (const page of pages) {
    try {
      drafts.push(parsePage(page.path, page.text));
    } catch (caught) {
      if (!(caught instanceof PageError)) throw caught;
      problems.push(error(page.path, caught.line, caught.message));
    }
  }
  if (problems.length) return { problems };
  const plan = planImport(drafts, existing, force);
  for (const file of plan.files.filter((f) => f.action === 'conflict')) {
    problems.push(error(join(contentDir, file.path), 1, 'exists with other content: pass --force to overwrite it (its competency tags are kept)'));
  }
  return { plan, problems };
}
