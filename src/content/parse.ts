// Turns the bytes of one content file into a typed item, or into problems
// naming the file and line. Pure: no disk, no other files.
import { basename } from 'node:path';
import { isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { error, type Problem } from '../problems.js';
import { decodeText } from '../text/decode.js';
import { findMojibake } from '../text/mojibake.js';
import { controlMessage, controlsIn } from '../text/controls.js';
import { splitFrontMatter } from './frontMatter.js';
import { authoredAnchors } from '../packets/anchors.js';
import { nestingMessage, tooDeep } from '../render/nesting.js';
import { describeYamlError, unresolvedTag, yamlValueFailure } from './yamlError.js';
import {
  LEVEL_SECTIONS,
  QUESTION_SECTIONS,
  STORY_SECTIONS,
  type Competency,
  type Level,
  type Question,
  type Section,
  type Story,
} from './model.js';
import type { ContentFile } from './read.js';
import { competencySchema, levelSchema, questionSchema, schemaProblems, storySchema } from './schema.js';
import { listItems, parseSections } from './sections.js';

export type ParsedFile =
  | { kind: 'level'; item?: Level; problems: Problem[] }
  | { kind: 'question'; item?: Question; problems: Problem[] }
  | { kind: 'story'; item?: Story; problems: Problem[] }
  | { kind: 'competencies'; items: Competency[]; lines: Map<string, number>; problems: Problem[] };

/** Control characters in a content file: an error each at its line and column (they pass no `check`). */
function controlProblems(path: string, text: string): Problem[] {
  return controlsIn(text).map(({ char, line, column, count }) => error(path, line, controlMessage(char, count), column));
}

/** What is wrong with a content file's text as text: control characters, leftover mojibake. */
function textProblems(path: string, text: string): Problem[] {
  const problems: Problem[] = [...controlProblems(path, text)];
  text.split('\n').forEach((lineText, index) => {
    const found = findMojibake(lineText);
    if (found) {
      problems.push(error(path, index + 1, `leftover mojibake "${found.sample}" at column ${found.column}: this is misread UTF-8 (“ ” ‘ ’ — were exported wrongly); retype the characters or re-import the page`));
    }
  });
  return problems;
}

interface Parts<T> {
  data?: T;
  sections: Record<string, Section>;
  fieldLines: Record<string, number>;
  problems: Problem[];
}

function parseMarkdownFile<S extends z.ZodType>(file: ContentFile, schema: S, allowed: readonly string[]): Parts<z.infer<S>> {
  const decoded = decodeText(file.path, file.bytes);
  if ('problem' in decoded) return { sections: {}, fieldLines: {}, problems: [decoded.problem] };
  const problems = textProblems(file.path, decoded.text);
  const front = splitFrontMatter(file.path, decoded.text);
  if ('severity' in front) return { sections: {}, fieldLines: {}, problems: [...problems, front] };
  const result = schema.safeParse(front.data);
  const lineOf = (path: PropertyKey[]) => front.keyLines.get(String(path[0])) ?? 1;
  if (!result.success) problems.push(...schemaProblems(file.path, result.error.issues, lineOf));
  const deep = tooDeep(front.body);
  if (deep) problems.push(error(file.path, front.bodyLine + deep.line - 1, nestingMessage(deep.depth)));
  const parsed = parseSections(file.path, front.body, front.bodyLine, allowed);
  problems.push(...parsed.problems);
  const data = result.success ? (result.data as z.infer<S>) : undefined;
  if (data && typeof data === 'object' && 'id' in data && basename(file.path) !== `${String(data.id)}.md`) {
    problems.push(error(file.path, lineOf(['id']), `the file name must be the id: rename it to ${String(data.id)}.md`));
  }
  if (data && typeof data === 'object' && 'level' in data && file.folder && data.level !== file.folder) {
    problems.push(error(file.path, lineOf(['level']), `level "${String(data.level)}" does not match the folder "${file.folder}" the file is in`));
  }
  return { data, sections: parsed.sections, fieldLines: Object.fromEntries(front.keyLines), problems };
}

function requireSections(path: string, sections: Record<string, Section>, required: readonly string[], problems: Problem[]) {
  for (const key of required) {
    if (!sections[key]) problems.push(error(path, 1, `missing section {#${key}}`));
  }
}

export function parseLevelFile(file: ContentFile): ParsedFile {
  const parts = parseMarkdownFile(file, levelSchema, LEVEL_SECTIONS);
  if (!parts.data) return { kind: 'level', problems: parts.problems };
  const { id, title, aliases, audience, language, sources } = parts.data;
  const level: Level = {
    id,
    title,
    aliases,
    audience,
    ...(language ? { language } : {}),
    sources: sources.map((s) => ({
      title: s.title,
      format: s.format,
      handbook: s.handbook,
      intro: s.intro,
      useFor: s.use_for,
      readWith: s.read_with,
      questionSet: s.question_set,
    })),
    sections: parts.sections,
    path: file.path,
    fieldLines: parts.fieldLines,
  };
  return { kind: 'level', item: level, problems: parts.problems };
}

export function parseQuestionFile(file: ContentFile): ParsedFile {
  const parts = parseMarkdownFile(file, questionSchema, QUESTION_SECTIONS);
  if (parts.data && !parts.sections.cover && !parts.sections.example) {
    parts.problems.push(error(file.path, 1, 'a question needs a section {#cover} (strong answer should cover) or {#example} (answer example)'));
  }
  const anchors = parts.sections.anchors;
  if (anchors) {
    const read = authoredAnchors(anchors.markdown);
    if (typeof read === 'string') parts.problems.push(error(file.path, anchors.line, read));
  }
  if (!parts.data) return { kind: 'question', problems: parts.problems };
  return { kind: 'question', item: { ...parts.data, sections: parts.sections, path: file.path, fieldLines: parts.fieldLines }, problems: parts.problems };
}

export function parseStoryFile(file: ContentFile): ParsedFile {
  const parts = parseMarkdownFile(file, storySchema, STORY_SECTIONS);
  if (parts.data) requireSections(file.path, parts.sections, STORY_SECTIONS, parts.problems);
  if (!parts.data) return { kind: 'story', problems: parts.problems };
  const quotes = listItems(parts.sections.phrasing?.markdown ?? '');
  if (parts.sections.phrasing && quotes.length === 0) {
    parts.problems.push(error(file.path, parts.sections.phrasing.line, 'the phrasing section must list its quotes as Markdown list items ("- “…”")'));
  }
  return { kind: 'story', item: { ...parts.data, sections: parts.sections, quotes, path: file.path, fieldLines: parts.fieldLines }, problems: parts.problems };
}

export function parseCompetenciesFile(file: ContentFile): ParsedFile {
  const empty = { kind: 'competencies' as const, items: [], lines: new Map<string, number>() };
  const decoded = decodeText(file.path, file.bytes);
  if ('problem' in decoded) return { ...empty, problems: [decoded.problem] };
  const problems = textProblems(file.path, decoded.text);
  const lineCounter = new LineCounter();
  const doc = parseDocument(decoded.text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors[0]) {
    const { line, message } = describeYamlError(decoded.text, doc.errors[0]);
    return { ...empty, problems: [...problems, error(file.path, line, message)] };
  }
  const tag = unresolvedTag(doc);
  if (tag) return { ...empty, problems: [...problems, error(file.path, tag.line, tag.message)] };
  if (!isSeq(doc.contents)) {
    return { ...empty, problems: [...problems, error(file.path, 1, 'competencies.yaml must be a YAML list of { id, title, description }')] };
  }
  let values: unknown[];
  try {
    values = doc.toJS({ maxAliasCount: 100 }) as unknown[];
  } catch (caught) {
    return { ...empty, problems: [...problems, error(file.path, 1, yamlValueFailure(caught))] };
  }
  const items: Competency[] = [];
  const lines = new Map<string, number>();
  doc.contents.items.forEach((node, index) => {
    const start = (node as { range?: readonly number[] | null }).range?.[0] ?? 0;
    const line = lineCounter.linePos(start).line;
    const value = values[index];
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      problems.push(error(file.path, line, 'each competency is a mapping of id, title and description, such as "- id: threat-modeling"'));
      return;
    }
    const result = competencySchema.safeParse(value);
    if (!result.success) {
      problems.push(...schemaProblems(file.path, result.error.issues, () => line));
      return;
    }
    items.push(result.data);
    if (!lines.has(result.data.id)) lines.set(result.data.id, line);
    else problems.push(error(file.path, line, `duplicate competency id "${result.data.id}" (first at line ${lines.get(result.data.id)})`));
  });
  return { kind: 'competencies', items, lines, problems };
}

export function parseContentFile(file: ContentFile): ParsedFile {
  switch (file.kind) {
    case 'level':
      return parseLevelFile(file);
    case 'question':
      return parseQuestionFile(file);
    case 'story':
      return parseStoryFile(file);
    case 'competencies':
      return parseCompetenciesFile(file);
  }
}
