// The package as npm gives it to a user: packed, installed into an empty
// project, used as a command and as a typed library. Its pdfmake and pdfkit
// are its own patched copies (patch-package cannot patch them in a host).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, scratchDir } from './helpers.js';
import { readPdf } from './pdf.js';

const run = (command: string, args: string[], cwd: string) => spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' } });

const SCRIPT = `import { writeFileSync } from 'node:fs';
import { buildPackets, loadLibrary, PreppackError, renderMarkdown, type Level } from 'preppack';

const { library } = loadLibrary('node_modules/preppack/content');
const staff: Level | undefined = library.levels.find((level) => level.id === 'staff');
const built = await buildPackets({ contentDir: 'node_modules/preppack/content', outDir: 'api-out', levels: ['staff'], packets: ['cheatsheet'] });
const pdf = await renderMarkdown('# Scripted\\n\\nHello from the API.\\n');
writeFileSync('scripted.pdf', pdf.bytes);
let refused = '';
try {
  await buildPackets({ contentDir: 'nowhere', outDir: 'x' });
} catch (caught) {
  if (caught instanceof PreppackError) refused = caught.problems[0]!.path;
}
console.log(JSON.stringify({ staff: staff?.title, built: built.files.map((f) => f.path), pages: pdf.pages, refused }));
`;

describe('the npm package', () => {
  it('installs into an empty project and works as a command and as a typed library; internals are not importable', { timeout: 240_000 }, async () => {
    const packed = scratchDir();
    // dist/ is compiled already (pretest): packing must not compile it again under the running tests.
    const pack = run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packed], ROOT);
    expect(pack.status, pack.stderr).toBe(0);
    const tarball = join(packed, readdirSync(packed).find((name) => name.endsWith('.tgz'))!);
    const listing = run('tar', ['tzf', tarball], packed).stdout;
    expect(listing).toContain('package/dist/index.d.ts');
    expect(listing).toContain('package/LICENSE');
    expect(listing).not.toContain('package/dist/bench/');
    expect(listing).not.toContain('package/tests/');
    expect(listing).not.toContain('package/src/');
    // The bundled pdfmake, pdfkit and fontkit without their browser builds and maps (patches/apply.js).
    expect(listing).toContain('package/node_modules/pdfmake/js/Renderer.js');
    for (const left of ['node_modules/pdfmake/build/pdfmake.min.js', 'node_modules/pdfmake/build/vfs_fonts.js', 'node_modules/pdfkit/.yarn/', 'pdfkit.standalone.js', 'dist/browser.cjs', '.js.map']) expect(listing).not.toContain(left);
    expect(statSync(tarball).size).toBeLessThan(5 * 1024 * 1024);

    const host = scratchDir();
    writeFileSync(join(host, 'package.json'), JSON.stringify({ name: 'host', version: '1.0.0', type: 'module', private: true }));
    const install = run('npm', ['install', tarball], host);
    expect(install.status, install.stderr).toBe(0);

    const help = run('npx', ['preppack', '--help'], host);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('preppack <command>');
    // The bundled, patched pdfkit: a D printed after a Ď in another document still reads back.
    writeFileSync(join(host, 'first.md'), '# First\n\nĎ\n');
    writeFileSync(join(host, 'second.md'), '# Second\n\nDefined\n');
    expect(run('npx', ['preppack', 'render', 'first.md', 'second.md', '--out', 'r'], host).status).toBe(0);
    expect((await readPdf(join(host, 'r', 'second.pdf'))).squashed).toContain('Defined');

    writeFileSync(join(host, 'script.ts'), SCRIPT);
    writeFileSync(join(host, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'built', types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')] }, files: ['script.ts'] }));
    const compiled = run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], host);
    expect(compiled.status, compiled.stdout).toBe(0);
    // A project without @types/node (a browser bundle's, a Deno-style one) compiles against the published types too.
    writeFileSync(join(host, 'types-only.ts'), "import { renderMarkdown, PACKETS, type Manifest, type Problem } from 'preppack';\nexport async function pages(markdown: string): Promise<number> {\n  const made = await renderMarkdown(markdown, { paper: 'a4' });\n  const problems: Problem[] = made.warnings;\n  const manifest: Manifest | undefined = undefined;\n  return made.pages + problems.length + PACKETS.length + (manifest ? 1 : 0);\n}\n");
    writeFileSync(join(host, 'tsconfig.types.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: [], lib: ['ES2022'], skipLibCheck: true }, files: ['types-only.ts'] }));
    const typesOnly = run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.types.json'], host);
    expect(typesOnly.status, typesOnly.stdout).toBe(0);
    const scripted = run(process.execPath, [join('built', 'script.js')], host);
    expect(scripted.status, scripted.stderr).toBe(0);
    expect(JSON.parse(scripted.stdout)).toEqual({ staff: 'Staff Product Security Engineer', built: ['staff/staff-cheatsheet.pdf'], pages: 1, refused: 'nowhere' });
    expect((await readPdf(join(host, 'scripted.pdf'))).squashed).toContain('HellofromtheAPI.');

    const internal = run(process.execPath, ['--input-type=module', '-e', "import('preppack/dist/cli.js').catch((e) => { console.log(e.code); })"], host);
    expect(internal.stdout.trim()).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });
});
