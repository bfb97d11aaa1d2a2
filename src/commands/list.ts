// `preppack list levels|questions|stories|competencies`: what the library
// holds, as a table or as JSON.
import { loadLibrary } from '../content/load.js';
import type { Library } from '../content/model.js';
import { findLevel, levelNames, matches, type ItemFilter, type ListKind } from '../content/select.js';
import { hasErrors } from '../problems.js';
import { EXIT_FAILED, EXIT_OK, UsageError, err, out, printJson, printProblems } from '../cli/io.js';
import { formatTable } from '../cli/table.js';


export interface ListOptions {
  kind: ListKind;
  contentDir: string;
  level?: string;
  competency?: string;
  json: boolean;
}

function resolveFilter(library: Library, options: ListOptions): ItemFilter {
  const filter: ItemFilter = {};
  if (options.level !== undefined) {
    const level = findLevel(library, options.level);
    if (!level) throw new UsageError(`unknown level "${options.level}": known levels are ${levelNames(library)}`);
    filter.level = level.id;
  }
  if (options.competency !== undefined) {
    const wanted = options.competency.trim().toLowerCase();
    if (!library.competencies.some((c) => c.id === wanted)) {
      throw new UsageError(`unknown competency "${options.competency}": known competencies are ${library.competencies.map((c) => c.id).join(', ')}`);
    }
    filter.competency = wanted;
  }
  return filter;
}

function rowsFor(library: Library, options: ListOptions, filter: ItemFilter): { header: string[]; rows: string[][]; json: unknown[] } {
  const count = (level: string, items: readonly { level: string }[]) => items.filter((i) => i.level === level).length;
  switch (options.kind) {
    case 'levels': {
      const levels = library.levels.filter((l) => !filter.level || l.id === filter.level);
      return {
        header: ['id', 'aliases', 'questions', 'stories', 'title'],
        rows: levels.map((l) => [l.id, l.aliases.join(', '), String(count(l.id, library.questions)), String(count(l.id, library.stories)), l.title]),
        json: levels.map((l) => ({ id: l.id, title: l.title, aliases: l.aliases, audience: l.audience ?? null, questions: count(l.id, library.questions), stories: count(l.id, library.stories), path: l.path })),
      };
    }
    case 'questions': {
      const questions = library.questions.filter((q) => matches(q, filter));
      return {
        header: ['id', 'level', 'no', 'competencies', 'prompt'],
        rows: questions.map((q) => [q.id, q.level, String(q.number), q.competencies.join(', '), q.prompt]),
        json: questions.map((q) => ({ id: q.id, level: q.level, number: q.number, prompt: q.prompt, competencies: q.competencies, sections: Object.keys(q.sections), path: q.path })),
      };
    }
    case 'stories': {
      const stories = library.stories.filter((s) => matches(s, filter));
      return {
        header: ['id', 'level', 'no', 'quotes', 'competencies', 'title'],
        rows: stories.map((s) => [s.id, s.level, String(s.number), String(s.quotes.length), s.competencies.join(', '), s.title]),
        json: stories.map((s) => ({ id: s.id, level: s.level, number: s.number, title: s.title, competencies: s.competencies, quotes: s.quotes, path: s.path })),
      };
    }
    case 'competencies': {
      const tagged = (id: string, items: readonly { competencies: string[]; level: string }[]) =>
        items.filter((i) => i.competencies.includes(id) && (!filter.level || i.level === filter.level)).length;
      const competencies = library.competencies.filter((c) => !filter.competency || c.id === filter.competency);
      return {
        header: ['id', 'questions', 'stories', 'title'],
        rows: competencies.map((c) => [c.id, String(tagged(c.id, library.questions)), String(tagged(c.id, library.stories)), c.title]),
        json: competencies.map((c) => ({ ...c, questions: tagged(c.id, library.questions), stories: tagged(c.id, library.stories) })),
      };
    }
  }
}

export function listCommand(options: ListOptions): number {
  const { library, problems } = loadLibrary(options.contentDir);
  if (hasErrors(problems)) {
    printProblems(problems.filter((p) => p.severity === 'error'));
    err(`preppack: the content has errors; run \`preppack check --content ${options.contentDir}\` for the full report`);
    return EXIT_FAILED;
  }
  const filter = resolveFilter(library, options);
  const { header, rows, json } = rowsFor(library, options, filter);
  if (options.json) printJson(json);
  else if (rows.length === 0) out(`no ${options.kind} match`);
  else out(formatTable(header, rows));
  return EXIT_OK;
}
