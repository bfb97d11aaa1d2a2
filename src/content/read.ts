// The only part of content loading that touches the disk: it finds the files
// of a content folder and reads their bytes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type FileKind = 'level' | 'question' | 'story' | 'competencies';

export interface ContentFile {
  kind: FileKind;
  /** The path as the user will see it in messages. */
  path: string;
  /** For questions and stories: the level folder the file sits in. */
  folder?: string;
  bytes: Buffer;
}

export interface ContentListing {
  files: ContentFile[];
  /** Files in the content folders that preppack does not read. */
  ignored: string[];
  missingRoot: boolean;
}

const isDir = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

function markdownIn(dir: string, ignored: string[]): string[] {
  if (!isDir(dir)) return [];
  const names = readdirSync(dir).sort();
  for (const name of names) if (!name.endsWith('.md') && !name.startsWith('.')) ignored.push(join(dir, name));
  return names.filter((name) => name.endsWith('.md')).map((name) => join(dir, name));
}

export function readContentDir(root: string): ContentListing {
  if (!isDir(root)) return { files: [], ignored: [], missingRoot: true };
  const files: ContentFile[] = [];
  const ignored: string[] = [];
  const competencies = join(root, 'competencies.yaml');
  if (isDir(root) && statSafe(competencies)) files.push({ kind: 'competencies', path: competencies, bytes: readFileSync(competencies) });
  for (const path of markdownIn(join(root, 'levels'), ignored)) files.push({ kind: 'level', path, bytes: readFileSync(path) });
  for (const kind of ['question', 'story'] as const) {
    const base = join(root, kind === 'question' ? 'questions' : 'stories');
    if (!isDir(base)) continue;
    for (const folder of readdirSync(base).sort()) {
      const dir = join(base, folder);
      if (!isDir(dir)) {
        if (!folder.startsWith('.')) ignored.push(dir);
        continue;
      }
      for (const path of markdownIn(dir, ignored)) files.push({ kind, path, folder, bytes: readFileSync(path) });
    }
  }
  return { files, ignored, missingRoot: false };
}

function statSafe(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
