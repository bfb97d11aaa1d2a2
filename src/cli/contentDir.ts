// Where the content library is when --content is not given: ./content when
// there is one, otherwise the library bundled with preppack.
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative, resolve } from 'node:path';

const bundled = fileURLToPath(new URL('../../content', import.meta.url));

export function defaultContentDir(): string {
  try {
    if (statSync('content').isDirectory()) return 'content';
  } catch {
    // no ./content: use the bundled library
  }
  const rel = relative(process.cwd(), bundled);
  return rel.startsWith('..') ? resolve(bundled) : rel;
}
