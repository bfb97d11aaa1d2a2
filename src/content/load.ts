// Reads a content folder into a Library and every problem found on the way.
import { error, warning, type Problem } from '../problems.js';
import type { Library } from './model.js';
import { parseContentFile } from './parse.js';
import { readContentDir, type ContentFile } from './read.js';
import { validateLibrary } from './validate.js';

export interface LoadedLibrary {
  library: Library;
  problems: Problem[];
  /** The files read, for whoever needs their bytes (the build hashes them). */
  files: ContentFile[];
  /** Where each competency is defined, for messages about it. */
  competencyPlaces: Map<string, { path: string; line: number }>;
}

const byLevelAndNumber = <T extends { level: string; number: number }>(a: T, b: T) =>
  a.level.localeCompare(b.level) || a.number - b.number;

export function loadLibrary(contentDir: string): LoadedLibrary {
  const library: Library = { levels: [], questions: [], stories: [], competencies: [] };
  const competencyPlaces = new Map<string, { path: string; line: number }>();
  const listing = readContentDir(contentDir);
  if (listing.missingRoot) {
    return { library, files: [], competencyPlaces, problems: [error(contentDir, 1, 'no content folder here: pass --content DIR, or create it with `preppack import PAGE…`')] };
  }
  const problems: Problem[] = [...listing.problems, ...listing.ignored.map((path) => warning(path, 1, 'not a content file (.md in levels/, questions/<level>/ or stories/<level>/): ignored'))];
  for (const file of listing.files) {
    const parsed = parseContentFile(file);
    problems.push(...parsed.problems);
    if (parsed.kind === 'competencies') {
      library.competencies.push(...parsed.items);
      for (const [id, line] of parsed.lines) competencyPlaces.set(id, { path: file.path, line });
    }
    else if (parsed.kind === 'level' && parsed.item) library.levels.push(parsed.item);
    else if (parsed.kind === 'question' && parsed.item) library.questions.push(parsed.item);
    else if (parsed.kind === 'story' && parsed.item) library.stories.push(parsed.item);
  }
  if (listing.files.length === 0) problems.push(error(contentDir, 1, 'the content folder holds no content files'));
  library.questions.sort(byLevelAndNumber);
  library.stories.sort(byLevelAndNumber);
  problems.push(...validateLibrary(library));
  // A level named in a competency's `levels:` that the library does not have would be silently unused.
  // (With no level read at all, the levels' own problem is what to say.)
  const levelIds = new Set(library.levels.map((level) => level.id));
  for (const competency of levelIds.size ? library.competencies : []) {
    for (const id of Object.keys(competency.levels ?? {})) {
      const place = competencyPlaces.get(competency.id)!;
      if (!levelIds.has(id)) problems.push(warning(place.path, place.line, `competency "${competency.id}" describes level "${id}", which the library does not have: the levels are ${[...levelIds].join(', ')}`));
    }
  }
  return { library, problems, files: listing.files, competencyPlaces };
}
