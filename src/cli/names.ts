// People's names typed on the command line, as file names.
import { fileSlug } from '../text/slug.js';
import { UsageError } from './io.js';

/** The file-name slug of a person's name: plain ASCII, or a usage error when nothing is left. */
export function personSlug(what: string, name: string): string {
  const slug = fileSlug(name);
  if (!slug) throw new UsageError(`the ${what} "${name}" leaves nothing for a file name once made plain ASCII: add a Latin spelling, e.g. "李小龙 Li Xiaolong"`);
  return slug;
}
