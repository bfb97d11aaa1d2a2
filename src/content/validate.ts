// Checks that span files: ids unique, references resolve, numbering sound.
import { error, warning, type Problem } from '../problems.js';
import type { Library } from './model.js';

interface Identified {
  id: string;
  path: string;
  fieldLines: Record<string, number>;
}

function duplicateIds(kind: string, items: readonly Identified[]): Problem[] {
  const seen = new Map<string, Identified>();
  const problems: Problem[] = [];
  for (const item of items) {
    const first = seen.get(item.id);
    if (first) problems.push(error(item.path, item.fieldLines.id ?? 1, `duplicate ${kind} id "${item.id}" (also in ${first.path})`));
    else seen.set(item.id, item);
  }
  return problems;
}

export function validateLibrary(library: Library): Problem[] {
  const problems: Problem[] = [];
  problems.push(...duplicateIds('level', library.levels));
  problems.push(...duplicateIds('question', library.questions));
  problems.push(...duplicateIds('story', library.stories));

  const levelNames = new Map<string, string>();
  for (const level of library.levels) {
    for (const name of [level.id, ...level.aliases]) {
      const owner = levelNames.get(name);
      if (owner && owner !== level.id) {
        problems.push(error(level.path, level.fieldLines.aliases ?? 1, `level name "${name}" is already used by level "${owner}"`));
      } else levelNames.set(name, level.id);
    }
  }

  const levelIds = new Set(library.levels.map((l) => l.id));
  const competencyIds = new Set(library.competencies.map((c) => c.id));
  const known = [...levelIds].sort().join(', ') || '(none)';
  // One problem per unknown level, at its first file: a level file that cannot be read would otherwise repeat it for every question.
  const unknownLevels = new Map<string, { path: string; line: number; files: number }>();
  const unknownTags = new Map<string, { path: string; line: number; files: number }>();
  for (const [kind, items] of [['question', library.questions], ['story', library.stories]] as const) {
    const numbers = new Map<string, string>();
    for (const item of items) {
      if (!levelIds.has(item.level)) {
        const seen = unknownLevels.get(item.level);
        if (seen) seen.files++;
        else unknownLevels.set(item.level, { path: item.path, line: item.fieldLines.level ?? 1, files: 1 });
      }
      const key = `${item.level}#${item.number}`;
      const other = numbers.get(key);
      if (other) problems.push(error(item.path, item.fieldLines.number ?? 1, `${kind} number ${item.number} of level "${item.level}" is also used by ${other}`));
      else numbers.set(key, item.path);
      if (item.competencies.length === 0) {
        problems.push(warning(item.path, item.fieldLines.competencies ?? 1, `no competency tagged: add one to three ids from competencies.yaml`));
      }
      const seenTags = new Set<string>();
      for (const tag of item.competencies) {
        if (!competencyIds.has(tag)) {
          const seen = unknownTags.get(tag);
          if (seen) seen.files++;
          else unknownTags.set(tag, { path: item.path, line: item.fieldLines.competencies ?? 1, files: 1 });
        }
        if (seenTags.has(tag)) problems.push(error(item.path, item.fieldLines.competencies ?? 1, `competency "${tag}" is tagged twice`));
        seenTags.add(tag);
      }
    }
  }
  if (competencyIds.size === 0 && unknownTags.size) {
    // No competency could be read (competencies.yaml is missing or wrong, and said so): one line, not one per tag.
    const first = [...unknownTags.values()][0]!;
    problems.push(error(first.path, first.line, `no competency is defined, so the ${unknownTags.size} competencies the questions and stories tag are unknown: fix competencies.yaml`));
  } else {
    for (const [tag, first] of unknownTags) {
      const others = first.files > 1 ? ` (and ${first.files - 1} more file${first.files > 2 ? 's' : ''} that tag it)` : '';
      problems.push(error(first.path, first.line, `unknown competency "${tag}": define it in competencies.yaml or use one of ${[...competencyIds].sort().join(', ')}${others}`));
    }
  }
  for (const [level, first] of unknownLevels) {
    const others = first.files > 1 ? ` (and ${first.files - 1} more file${first.files > 2 ? 's' : ''} of this level)` : '';
    problems.push(error(first.path, first.line, `unknown level "${level}": known levels are ${known}${others}`));
  }
  return problems;
}
