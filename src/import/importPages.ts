// The import stage as a whole: pages in, a plan of files out, or the
// problems that stop it. Pure: the caller reads the pages and writes the files.
import { join } from 'node:path';
import { error, type Problem } from '../problems.js';
import { PageError, type PageDraft } from './draft.js';
import { parsePage } from './page.js';
import { levelNameFromRole } from './levelName.js';
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
      const draft = parsePage(page.path, page.text);
      // Files are named by Latin letters and digits: a role with none would make a level with no name.
      if (!levelNameFromRole(draft.level.role).id) {
        const line = page.text.split('\n').findIndex((text) => text.includes(draft.level.role)) + 1 || 1;
        problems.push(error(page.path, line, `the role "${draft.level.role}" has no Latin letters or digits to name its level and files by: add a Latin name to the title (e.g. "… / Manager")`));
        continue;
      }
      drafts.push(draft);
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
