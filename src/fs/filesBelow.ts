// Every file below a folder, in a fixed order: what the incremental build
// hashes of preppack's own folders (its code, patches, fonts, templates) and
// of a templates folder it is given.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The paths of the files below `dir`, sorted by name at each level; a folder that cannot be read counts as empty. */
export function filesBelow(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    let names: string[];
    try {
      names = readdirSync(folder).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(folder, name);
      if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) walk(path);
      else found.push(path);
    }
  };
  walk(dir);
  return found;
}
