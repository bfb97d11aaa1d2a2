// `preppack watch`: builds, then builds again whenever the content, the
// templates, the fonts or the config change (debounced; the incremental build
// renders only what the change touches), printing what it rebuilt or what is
// wrong, and keeps watching after an error. Ctrl-C stops it cleanly.
//
// Each watched folder (or file) is watched from the folder above it, for its
// own subtree only (chokidar): so a save that renames a new file over the
// old one, a folder deleted and made again, moved away and back, or replaced
// by another is still seen (fs.watch follows an inode and saw nothing more).
// Editors' side files (swap, backup, a safe save's temporary file:
// fs/editorFiles.ts) are not changes. The output folder and preppack's own
// working files are never watched: the
// output folder may not sit inside what is watched (fs/outputFolder.ts), so a
// build never sets off another.
import { watch, type FSWatcher } from 'chokidar';
import { existsSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { isEditorFile } from '../fs/editorFiles.js';
import { outputFolderProblem } from '../fs/outputFolder.js';
import { runInputs } from '../pipeline/inputs.js';
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

/** Watches `path` and everything below it from the folder above, so that the path itself may go and come back. */
function watchFromAbove(path: string, changed: (path: string) => void): FSWatcher {
  const target = resolve(path);
  const above = dirname(target);
  const mine = (p: string) => {
    const at = resolve(p);
    return at === above || at === target || at.startsWith(target.endsWith(sep) ? target : target + sep);
  };
  const watcher = watch(above, { ignoreInitial: true, atomic: true, ignored: (p) => !mine(p) || basename(p).startsWith('.preppack') || isEditorFile(basename(p)) });
  watcher.on('all', (_event, p) => {
    if (resolve(p) !== above) changed(p);
  });
  return watcher;
}

export async function watchCommand(options: WatchOptions): Promise<number> {
  // The output folder must lie outside all it watches, or every build would set off the next.
  const inputs = runInputs({ contentDir: options.contentDir, templatesDir: options.templatesDir, files: options.configPath ? [{ path: options.configPath, what: 'the config file' }] : [] });
  const outside = outputFolderProblem(options.outDir, inputs);
  if (outside) throw outside;
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
  const watchers = watched.map((path) =>
    watchFromAbove(path, (name) => {
      changed.add(shown(name));
      clearTimeout(timer);
      timer = setTimeout(() => {
        const what = [...changed].sort();
        changed.clear();
        // One build at a time: a change during a build is built after it.
        running = running.then(() => build(`changed: ${what.join(', ')}`));
      }, SETTLE_MS);
    }),
  );
  await Promise.all(watchers.map((watcher) => new Promise<void>((ready) => watcher.once('ready', () => ready()))));
  out(`watching ${watched.map(shown).join(', ')} (Ctrl-C to stop)`);
  await new Promise<void>((stop) => {
    const end = () => {
      clearTimeout(timer);
      void Promise.all(watchers.map((watcher) => watcher.close())).then(() => running).then(() => stop());
    };
    process.once('SIGINT', end);
    process.once('SIGTERM', end);
  });
  out('stopped');
  return 0;
}
