// Every test runs as on a machine with no fonts but the bundled DejaVu Sans
// (fontconfig reads only preppack's fonts/ folder), so what a test sees does
// not depend on what this machine has installed. Tests of fallback fonts ask
// for the machine's own fonts with SYSTEM_FONTS (tests/helpers.ts).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const folder = join(tmpdir(), `preppack-test-fontconfig-${process.getuid?.() ?? 0}`);
mkdirSync(folder, { recursive: true });
const config = join(folder, 'bundled-only.conf');
const text = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>${resolve(import.meta.dirname, '..', '..', 'fonts')}</dir><cachedir>${join(folder, 'cache')}</cachedir></fontconfig>
`;
const partial = `${config}.${process.pid}`;
writeFileSync(partial, text);
renameSync(partial, config);
process.env.FONTCONFIG_FILE = config;
