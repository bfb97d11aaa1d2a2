#!/usr/bin/env node
// postinstall: applies the patches in this folder to pdfmake and pdfkit in a
// checkout of preppack (npm ci). An installed preppack carries its own copies
// of both, patched when it was packed (package.json bundleDependencies):
// patch-package does not patch a library's dependencies where npm puts them.
import { spawnSync } from 'node:child_process';
import { sep } from 'node:path';

if (process.cwd().split(sep).includes('node_modules')) process.exit(0);
const run = spawnSync('patch-package', ['--error-on-fail'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(run.status ?? 1);
