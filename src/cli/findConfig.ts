// Where the project's config file is: the working folder or the nearest
// folder above it. Apart from reading it (config.ts, with YAML and zod), so
// that a project without one loads neither.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const CONFIG_NAMES = ['preppack.config.yaml', 'preppack.config.yml', 'preppack.config.json'];

/** The config file of the working folder or the nearest folder above it. */
export function findConfig(from = process.cwd()): string | undefined {
  for (let folder = resolve(from); ; folder = dirname(folder)) {
    for (const name of CONFIG_NAMES) {
      const path = join(folder, name);
      if (existsSync(path)) return path;
    }
    if (dirname(folder) === folder) return undefined;
  }
}
