// Incremental builds: a PDF whose inputs are all unchanged (the content it
// draws on, its template and the theme, the fonts, the options, the tool
// itself) is not rendered again. The manifest records each file's inputs and
// bytes' hash; a file is reused only if both still match what is on disk, so
// the cache can never serve a stale or damaged file.
import { fallbackFontsFingerprint } from '../fonts/fontChain.js';
import { createHash } from 'node:crypto';
import { filesBelow } from '../fs/filesBelow.js';
import { CODE_DIR, FONTS_DIR, PATCHES_DIR } from '../packagePaths.js';
import { TOOL_VERSION } from '../version.js';
import { inputBytes, readInput } from '../fs/readInput.js';
import type { OutputFolder } from '../fs/outputFolder.js';
import { manifestSchema, sha256, type Manifest, type ManifestFile } from './manifest.js';

/** Every file below a folder, sorted, as path and bytes. */
const filesAndBytes = (dir: string) => filesBelow(dir).map((path) => ({ path: path.slice(dir.length), bytes: inputBytes(path, 'font') }));

function digest(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

let tool: string | undefined;
/** The tool as it runs: its version, its compiled code and its patches to pdfmake and pdfkit. */
export function toolFingerprint(): string {
  tool ??= digest([
    TOOL_VERSION,
    ...[CODE_DIR, PATCHES_DIR].flatMap((dir) => filesAndBytes(dir).flatMap((f) => [f.path, f.bytes])),
  ]);
  return tool;
}

let fonts: string | undefined;
export function fontsFingerprint(): string {
  fonts ??= digest(filesAndBytes(FONTS_DIR).flatMap((f) => [f.path, f.bytes]));
  return fonts;
}

/** Everything a PDF is made from, as one hash: the fallback fonts too (a font installed or updated makes every file again). */
export function inputsHash(parts: { content: string; templates: readonly string[]; options: unknown }): string {
  return digest([toolFingerprint(), fontsFingerprint(), fallbackFontsFingerprint(), parts.content, ...parts.templates, JSON.stringify(parts.options)]);
}

/** The manifest of an earlier build in this folder, if there is a readable one (a damaged one counts as none: every file is made again). */
export function readManifest(folder: OutputFolder, path = 'manifest.json'): Manifest | undefined {
  if (folder.kind(path) !== 'file') return undefined;
  const read = readInput(folder.pathOf(path), 'manifest', folder.shown(path));
  if ('problem' in read) return undefined;
  try {
    const manifest = JSON.parse(read.bytes.toString('utf8')) as Manifest;
    return manifestSchema.safeParse(manifest).success ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** The bytes of a file below the folder as they are now, if it is a regular file that can be read. */
function bytesOn(folder: OutputFolder, path: string): Buffer | undefined {
  if (folder.kind(path) !== 'file') return undefined;
  const read = readInput(folder.pathOf(path), 'output', folder.shown(path));
  return 'bytes' in read ? read.bytes : undefined;
}

/** The bytes of an earlier build's file, if it was made from the same inputs and is on disk as it was written. */
export function reusable(entry: ManifestFile | undefined, inputs: string, folder: OutputFolder): Buffer | undefined {
  if (!entry || entry.inputs !== inputs) return undefined;
  const bytes = bytesOn(folder, entry.path);
  return bytes && bytes.length === entry.bytes && sha256(bytes) === entry.sha256 ? bytes : undefined;
}

/** Entries of an earlier manifest whose files are still on disk as written. */
export function stillThere<Entry extends { path: string; sha256: string }>(entries: readonly Entry[] | undefined, folder: OutputFolder): Entry[] {
  return (entries ?? []).filter((entry) => {
    const bytes = bytesOn(folder, entry.path);
    return bytes !== undefined && sha256(bytes) === entry.sha256;
  });
}
