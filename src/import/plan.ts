// Decides what an import writes: which files are new, which existing level
// files gain sections, which files are unchanged, and which would overwrite
// someone's edits (a conflict unless --force). Pure: existing files come in
// as a map of relative path to text.
import { parseLevelFile } from '../content/parse.js';
import { splitFrontMatter } from '../content/frontMatter.js';
import type { PageFormat } from '../content/model.js';
import type { PageDraft, SectionDraft } from './draft.js';
import { levelNameFromRole, matchLevel, shortSlug, type LevelName } from './levelName.js';
import { renderLevel, renderQuestion, renderStory, type AuthoredFields, type LevelFileData } from './render.js';

export type FileAction = 'create' | 'update' | 'unchanged' | 'conflict';

export interface PlannedFile {
  /** Relative to the content folder, with forward slashes. */
  path: string;
  text: string;
  action: FileAction;
}

export interface PageSummary {
  path: string;
  format: PageFormat;
  level: string;
  newLevel: boolean;
  questions: number;
  stories: number;
  quotes: number;
}

export interface ImportPlan {
  files: PlannedFile[];
  pages: PageSummary[];
}

interface LevelState {
  data: LevelFileData;
  existingText?: string;
  changed: boolean;
}

const FORMAT_ORDER: Record<PageFormat, number> = { 'interview-pack': 0, 'qa-page': 1, 'star-stories': 2 };
const pad = (n: number) => String(n).padStart(2, '0');

function existingLevels(existing: ReadonlyMap<string, string>): Map<string, LevelState> {
  const levels = new Map<string, LevelState>();
  for (const [path, text] of existing) {
    if (!/^levels\/[^/]+\.md$/.test(path)) continue;
    const parsed = parseLevelFile({ kind: 'level', path, bytes: Buffer.from(text) });
    if (parsed.kind !== 'level' || !parsed.item) continue;
    const level = parsed.item;
    const sections: Record<string, SectionDraft> = {};
    for (const [key, section] of Object.entries(level.sections)) sections[key] = { heading: section.heading, markdown: section.markdown };
    levels.set(level.id, {
      data: { id: level.id, title: level.title, aliases: level.aliases, audience: level.audience, sources: level.sources, sections },
      existingText: text,
      changed: false,
    });
  }
  return levels;
}

function mergePage(state: LevelState, page: PageDraft, name: LevelName, force: boolean) {
  const data = state.data;
  for (const alias of [name.id, ...name.aliases]) {
    if (alias !== data.id && !data.aliases.includes(alias)) {
      data.aliases.push(alias);
      state.changed = true;
    }
  }
  if (page.level.audience && (!data.audience || (force && data.audience !== page.level.audience))) {
    data.audience = page.level.audience;
    state.changed = true;
  }
  const at = data.sources.findIndex((s) => s.title === page.level.source.title);
  if (at < 0) {
    data.sources.push(page.level.source);
    state.changed = true;
  } else if (force && JSON.stringify(data.sources[at]) !== JSON.stringify(page.level.source)) {
    data.sources[at] = page.level.source;
    state.changed = true;
  }
  for (const [key, section] of Object.entries(page.level.sections)) {
    const current = data.sections[key];
    if (!current || (force && (current.heading !== section.heading || current.markdown !== section.markdown))) {
      data.sections[key] = section;
      state.changed = true;
    }
  }
}

/** The competency tags of an existing file, so that a re-import keeps them. */
function existingTags(path: string, text: string | undefined): string[] {
  if (text === undefined) return [];
  const front = splitFrontMatter(path, text);
  if ('severity' in front) return [];
  const tags = front.data.competencies;
  return Array.isArray(tags) ? tags.map(String) : [];
}

/** A question's authored short label and cue, kept by a re-import as its tags are. */
function existingAuthored(path: string, text: string | undefined): AuthoredFields {
  if (text === undefined) return {};
  const front = splitFrontMatter(path, text);
  if ('severity' in front) return {};
  const authored = (key: 'short' | 'cue') => (typeof front.data[key] === 'string' ? (front.data[key] as string) : undefined);
  return { short: authored('short'), cue: authored('cue') };
}

function fileAction(existingText: string | undefined, text: string, force: boolean): FileAction {
  if (existingText === undefined) return 'create';
  if (existingText === text) return 'unchanged';
  return force ? 'update' : 'conflict';
}

export function planImport(drafts: readonly PageDraft[], existing: ReadonlyMap<string, string>, force: boolean): ImportPlan {
  const levels = existingLevels(existing);
  const known = (): LevelName[] => [...levels.values()].map((l) => ({ id: l.data.id, aliases: l.data.aliases }));
  const files: PlannedFile[] = [];
  const pages: PageSummary[] = [];
  const ordered = [...drafts].sort((a, b) => FORMAT_ORDER[a.format] - FORMAT_ORDER[b.format]);

  for (const page of ordered) {
    const name = levelNameFromRole(page.level.role);
    const levelId = matchLevel(name, known()) ?? name.id;
    let state = levels.get(levelId);
    const newLevel = !state;
    if (!state) {
      state = { data: { id: levelId, title: page.level.role, aliases: [], sources: [], sections: {} }, changed: true };
      levels.set(levelId, state);
    }
    mergePage(state, page, name, force);

    for (const question of page.questions) {
      // A prompt with no Latin letters names its file by level and number alone.
      const id = [levelId, pad(question.number), shortSlug(question.prompt)].filter(Boolean).join('-');
      const path = `questions/${levelId}/${id}.md`;
      const text = renderQuestion(id, levelId, question, existingTags(path, existing.get(path)), existingAuthored(path, existing.get(path)));
      files.push({ path, text, action: fileAction(existing.get(path), text, force) });
    }
    for (const story of page.stories) {
      const id = [levelId, 'story', String(story.number), shortSlug(story.title)].filter(Boolean).join('-');
      const path = `stories/${levelId}/${id}.md`;
      const text = renderStory(id, levelId, story, existingTags(path, existing.get(path)));
      files.push({ path, text, action: fileAction(existing.get(path), text, force) });
    }
    pages.push({
      path: page.path,
      format: page.format,
      level: levelId,
      newLevel,
      questions: page.questions.length,
      stories: page.stories.length,
      quotes: page.stories.reduce((sum, s) => sum + s.quotes.length, 0),
    });
  }

  for (const state of levels.values()) {
    if (!state.changed) continue;
    const text = renderLevel(state.data);
    const path = `levels/${state.data.id}.md`;
    files.push({ path, text, action: state.existingText === undefined ? 'create' : state.existingText === text ? 'unchanged' : 'update' });
  }
  const inputOrder = (summary: PageSummary) => drafts.findIndex((d) => d.path === summary.path);
  return { files, pages: pages.sort((a, b) => inputOrder(a) - inputOrder(b)) };
}
