// What a run reads, so that its output folder can be kept apart from it
// (fs/outputFolder.ts): the content, the templates (given and bundled) and
// the bundled fonts, with any input files of the command.
import type { Inputs } from '../fs/outputFolder.js';
import { BUNDLED_TEMPLATES, FONTS_DIR } from '../packagePaths.js';

export function runInputs(parts: { contentDir?: string; templatesDir?: string; files?: Inputs['files'] }): Inputs {
  const folders: Inputs['folders'] = [];
  if (parts.contentDir !== undefined) folders.push({ path: parts.contentDir, what: 'the content folder' });
  if (parts.templatesDir !== undefined) folders.push({ path: parts.templatesDir, what: 'the templates folder' });
  folders.push({ path: BUNDLED_TEMPLATES, what: "preppack's bundled templates" }, { path: FONTS_DIR, what: "preppack's bundled fonts" });
  return { folders, files: parts.files ?? [] };
}
