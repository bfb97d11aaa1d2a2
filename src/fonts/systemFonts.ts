// The fonts installed on this machine, found the way the desktop finds them:
// fontconfig where it is (Linux, and macOS with Homebrew's fontconfig), in
// its order of preference for sans-serif text; else the system's font
// folders (macOS, Windows). Read once per process.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** One face of an installed font. */
export interface SystemFace {
  file: string;
  /** The face's index in a collection (.ttc); 0 for a single font. */
  index: number;
  family: string;
  postscriptName: string;
  /** fontconfig's scale: 80 regular, 200 bold. */
  weight: number;
  /** 0 upright, 100 italic, 110 oblique. */
  slant: number;
  /** fontconfig's charset of it ("20-7e a0 …", parseCharset reads it when first asked); undefined when fontconfig did not say (read from the file then). */
  charset?: string;
}

const FIELDS = ['%{file}', '%{index}', '%{family[0]}', '%{postscriptname}', '%{weight}', '%{slant}', '%{fontversion}', '%{charset}'];

/** fontconfig's charset, "20-7e a0 …", as ranges. */
export function parseCharset(text: string): [number, number][] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => {
      const [from, to = from] = part.split('-');
      return [parseInt(from!, 16), parseInt(to!, 16)] as [number, number];
    });
}

/** Every face fontconfig knows, best first for sans-serif text, and its listing as it came (each face's file, version and charset: what changes when a font is installed or updated); undefined when there is no fontconfig. */
function fontconfigFaces(): { faces: SystemFace[]; listing: string } | undefined {
  const listed = spawnSync('fc-match', ['--all', `--format=${FIELDS.join('\\t')}\\n`, 'sans-serif'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 20_000 });
  if (listed.error || listed.status !== 0) return undefined;
  const faces = listed.stdout.split('\n').flatMap((line) => {
    const [file, index, family, postscriptName, weight, slant, , charset] = line.split('\t');
    if (!file || !family || !/\.(ttf|otf|ttc|otc)$/i.test(file)) return [];
    return [{ file, index: Number(index) || 0, family, postscriptName: postscriptName ?? '', weight: Number(weight) || 80, slant: Number(slant) || 0, charset: charset ?? '' }];
  });
  // In a fixed order: fontconfig may list the same fonts in another order once its cache is rebuilt.
  return { faces, listing: listed.stdout.split('\n').sort().join('\n') };
}

/** Where macOS and Windows keep fonts (and Linux, when fontconfig is missing). */
export function systemFontFolders(platform = process.platform, env = process.env): string[] {
  if (platform === 'darwin') return ['/System/Library/Fonts', '/System/Library/Fonts/Supplemental', '/Library/Fonts', join(homedir(), 'Library/Fonts')];
  if (platform === 'win32') return [join(env.WINDIR ?? 'C:\\Windows', 'Fonts'), ...(env.LOCALAPPDATA ? [join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts')] : [])];
  return ['/usr/share/fonts', '/usr/local/share/fonts', join(homedir(), '.local/share/fonts'), join(homedir(), '.fonts')];
}

/** The font files in folders (and their subfolders), in name order: faces are read from them when asked. */
export function fontFilesIn(folders: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (folder: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && depth < 4) walk(path, depth + 1);
      else if (entry.isFile() && /\.(ttf|otf|ttc|otc)$/i.test(entry.name)) files.push(path);
    }
  };
  for (const folder of folders) walk(folder, 0);
  // A folder named and also below another one named (macOS's Supplemental) is read once.
  return [...new Set(files)];
}

type Installed = ({ faces: SystemFace[] } | { files: string[] }) & { fingerprint: () => string };
let found: Installed | undefined;

/** The installed fonts: fontconfig's faces, or the font files of the system folders; and what identifies them (for the incremental build). */
export function installedFonts(): Installed {
  if (found) return found;
  const fontconfig = fontconfigFaces();
  if (fontconfig) found = { faces: fontconfig.faces, fingerprint: () => fontconfig.listing };
  else {
    const files = fontFilesIn(systemFontFolders());
    found = { files, fingerprint: () => files.map(fileStamp).join('\n') };
  }
  return found;
}

/** A file's path, size and time: what changes when it is replaced. */
export function fileStamp(file: string): string {
  try {
    const { size, mtimeMs } = statSync(file);
    return `${file}\0${size}\0${mtimeMs}`;
  } catch {
    return `${file}\0gone`;
  }
}
