// `preppack watch`: builds, then builds again whenever the content, the
// templates, the fonts or the config change (debounced; the incremental build
// renders only what the change touches), printing what it rebuilt or what is
// wrong, and keeps watching after an error. Ctrl-C stops it cleanly.
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { FONTS_DIR } from '../render/fonts.js';
import { buildCommand, type BuildOptions } from './build.js';
import { err, out } from '../cli/io.js';

/** Changes closer together than this are one change (an editor saves in several writes). */
const SETTLE_MS = 150;

export interface WatchOptions extends BuildOptions {
  /** The config file, when there is one: a change to it is a change too. */
  configPath?: string;
}

/** A watched path as the user knows it: the bundled fonts by that name, anything else as typed or from here. */
function shown(path: string): string {
  const fonts = relative(FONTS_DIR, resolve(path));
  if (!fonts.startsWith('..')) return fonts ? `the bundled fonts (${fonts})` : 'the bundled fonts';
  const here = relative(process.cwd(), resolve(path));
  return here && !here.startsWith('..') ? here : path;
}

export async function watchCommand(options: WatchOptions): Promise<number> {
  const watched = [options.contentDir, options.templatesDir, FONTS_DIR, options.configPath].filter((p): p is string => p !== undefined && existsSync(p));
  const build = async (why: string) => {
    out(`${new Date().toISOString().slice(11, 19)} ${why}`);
    // Any failure is printed by the build and the watch goes on; only unchanged files are not listed.
    await buildCommand({ ...options, listUnchanged: false }).catch((caught: Error) => err(`preppack: ${caught.message}`));
  };
  await build('building');
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const changed = new Set<string>();
  const watchers: FSWatcher[] = watched.map((path) =>
    watch(path, { recursive: true }, (_, name) => {
      changed.add(shown(name ? join(path, name) : path));
      clearTimeout(timer);
      timer = setTimeout(() => {
        const what = [...changed].sort();
        changed.clear();
        // One build at a time: a change during a build is built after it.
        running = running.then(() => build(`changed: ${what.join(', ')}`));
      }, SETTLE_MS);
    }),
  );
  out(`watching ${watched.map(shown).join(', ')} (Ctrl-C to stop)`);
  await new Promise<void>((stop) => {
    const end = () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      void running.then(() => stop());
    };
    process.once('SIGINT', end);
    process.once('SIGTERM', end);
  });
  out('stopped');
  return 0;
}
