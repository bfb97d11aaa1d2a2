// `preppack init [DIR]`: a starter library to grow from (two competencies,
// one level, one question, one story) that passes `check` and builds; and
// `preppack templates eject [DIR]`: the bundled templates and theme, to
// customise with --templates DIR. Neither writes over anything.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { OutputFolder } from '../fs/outputFolder.js';
import { inputBytes } from '../fs/readInput.js';
import { underLock, writeStaged } from '../fs/stagedWrite.js';
import { runInputs } from '../pipeline/inputs.js';
import { fileURLToPath } from 'node:url';
import { BUNDLED_TEMPLATES } from '../render/templates.js';
import { count } from '../text/plural.js';
import { EXIT_FAILED, EXIT_OK, err, out, result, stoppedBy } from '../cli/io.js';

const STARTER = fileURLToPath(new URL('../../examples/starter/', import.meta.url));

/** Every file below a folder, relative to it. */
const filesBelow = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();

/** Copies a bundled folder into `to` when nothing there would be replaced, as one change; says what it wrote. */
async function copyInto(from: string, to: string, what: string, next: string, option: string): Promise<number> {
  const files = filesBelow(from).map((file) => file.split(sep).join('/'));
  try {
    const folder = new OutputFolder(to, runInputs({ files: [] }), option);
    const taken = await underLock(folder, async () => {
      const there = files.filter((file) => folder.kind(file) !== 'none');
      if (!there.length) writeStaged(folder, files.map((file) => ({ path: file, bytes: inputBytes(join(from, file), 'template') })));
      return there;
    });
    if (taken.length) {
      for (const file of taken) err(`${join(to, file)}:1: is there already: not replaced`);
      err(`preppack: nothing was written: ${what} goes into a folder without these files`);
      return EXIT_FAILED;
    }
  } catch (caught) {
    return stoppedBy(caught, 'nothing was written');
  }
  for (const file of files) out(`wrote ${join(to, file)}`);
  result({ folder: to, files: files.map((file) => join(to, file)) });
  out(`${count(files.length, 'file')} in ${to}; next: ${next}`);
  return EXIT_OK;
}

export function initCommand(dir: string): Promise<number> {
  return copyInto(STARTER, dir, 'a starter library', `preppack check --content ${dir}, then preppack build --content ${dir}`, 'init');
}

export function ejectTemplatesCommand(dir: string): Promise<number> {
  return copyInto(BUNDLED_TEMPLATES, dir, 'a copy of the templates', `edit them, then preppack build --templates ${dir}`, 'templates eject');
}
