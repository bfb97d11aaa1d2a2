// The tools preppack is measured against, installed once into out/bench-peers
// (not a dependency of preppack: only the benchmark needs them). Pinned, so
// every run measures the same versions.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PEER_PACKAGES = ['pdfmake@0.3.11', 'marked@18.2.1', '@myriaddreamin/typst-ts-node-compiler@0.7.0'];

/** The folder the peers are installed in; installs them first if they are not there. Throws if npm cannot. */
export function installPeers(dir: string): string {
  const marker = join(dir, `installed-${PEER_PACKAGES.join('+').replace(/[^a-z0-9.@+-]/gi, '_')}`);
  if (existsSync(marker)) return dir;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'preppack-bench-peers', private: true }, null, 2)}\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--no-save', ...PEER_PACKAGES], { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`could not install the peers (${PEER_PACKAGES.join(', ')}) into ${dir}:\n${result.stderr || result.error?.message}`);
  writeFileSync(marker, '');
  return dir;
}
