// preppack's own version, read from its own package.json (not the host
// project's when preppack is installed as a dependency).
import { readFileSync } from 'node:fs';

const PACKAGE = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
export const TOOL_VERSION = PACKAGE.version;
