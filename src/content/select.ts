// Looks things up in a loaded library by the names users type.
import type { Level, Library, Question, Story } from './model.js';

/** What `preppack list` can list. */
export const LIST_KINDS = ['levels', 'questions', 'stories', 'competencies'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** Finds a level by its id or one of its aliases, case-insensitively. */
export function findLevel(library: Library, name: string): Level | undefined {
  const wanted = name.trim().toLowerCase();
  return library.levels.find((level) => level.id === wanted || level.aliases.includes(wanted));
}

/** The levels named (ids or aliases, each once, in the order given; none or "all": every level), or the first name no level has. */
export function levelsNamed(library: Library, names: readonly string[]): { levels: Level[] } | { unknown: string } {
  if (names.length === 0 || names.includes('all')) return { levels: [...library.levels] };
  const levels: Level[] = [];
  for (const name of names) {
    const level = findLevel(library, name);
    if (!level) return { unknown: name };
    if (!levels.includes(level)) levels.push(level);
  }
  return { levels };
}

export function levelNames(library: Library): string {
  return library.levels.map((l) => (l.aliases.length ? `${l.id} (${l.aliases.join(', ')})` : l.id)).join(', ');
}

export interface ItemFilter {
  level?: string;
  competency?: string;
}

export function matches(item: Question | Story, filter: ItemFilter): boolean {
  return (!filter.level || item.level === filter.level) && (!filter.competency || item.competencies.includes(filter.competency));
}
