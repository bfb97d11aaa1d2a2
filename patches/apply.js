#!/usr/bin/env node
// postinstall: applies the patches in this folder to pdfmake and pdfkit in a
// checkout of preppack (npm ci). An installed preppack carries its own copies
// of both, patched when it was packed (package.json bundleDependencies):
// patch-package does not patch a library's dependencies where npm puts them.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, sep } from 'node:path';

if (process.cwd().split(sep).includes('node_modules')) process.exit(0);
const run = spawnSync('patch-package', ['--error-on-fail'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (run.status !== 0) process.exit(run.status ?? 1);

/**
 * What the bundled copies leave out of the package: browser builds, source
 * maps, fontkit's sources (pdfmake's stay: its patch applies to them too),
 * a Yarn release, the browser's font files (pdfmake's Roboto .ttf files stay:
 * a test proves a font without tick boxes is refused). npm packs a bundled dependency as it lies in
 * node_modules (it reads no .npmignore of its own: npm/cli#718), so they are
 * removed here, where nothing that runs in Node loads them. Removing them
 * again is a no-op.
 */
const LEFT_OUT = {
  pdfmake: ['build/pdfmake.js', 'build/pdfmake.min.js', 'build/vfs_fonts.js', 'build/fonts/Roboto.js', 'build/standard-fonts', 'fonts', 'build-vfs.js'],
  pdfkit: ['.yarn', '.yarnrc.yml', 'js/pdfkit.standalone.js', 'rollup.config.mjs', 'vitest.config.js', 'jsconfig.json'],
  fontkit: ['src', 'dist/browser.cjs', 'dist/browser-module.mjs'],
};
for (const [name, paths] of Object.entries(LEFT_OUT)) {
  for (const path of paths) rmSync(join('node_modules', name, path), { recursive: true, force: true });
}

/** The bundled packages: pdfmake, pdfkit and everything they depend on. */
function bundled(names, seen = new Set()) {
  for (const name of names) {
    if (seen.has(name) || !existsSync(join('node_modules', name, 'package.json'))) continue;
    seen.add(name);
    bundled(Object.keys(JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8')).dependencies ?? {}), seen);
  }
  return seen;
}
for (const name of bundled(['pdfmake', 'pdfkit'])) {
  const root = join('node_modules', name);
  for (const entry of readdirSync(root, { recursive: true })) if (String(entry).endsWith('.map')) rmSync(join(root, String(entry)));
}
