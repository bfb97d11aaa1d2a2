// What every packet context shares: the level, the competencies in play and
// small text helpers. Contexts are plain data for the Handlebars templates.
import type { Competency, Level, Library, Question, Section, Story } from '../content/model.js';
import { listItems } from '../content/sections.js';

export interface SectionContext {
  heading: string;
  markdown: string;
  items: string[];
}

export interface LevelContext {
  id: string;
  title: string;
  audience: string | null;
  demonstrate: SectionContext | null;
  storiesMustProve: SectionContext | null;
  closingNote: SectionContext | null;
}

export interface Edition {
  contentHash: string;
  version: string;
  date: string | null;
}

export const section = (s: Section | undefined): SectionContext | null =>
  s ? { heading: s.heading, markdown: s.markdown, items: listItems(s.markdown) } : null;

export function levelContext(level: Level): LevelContext {
  return {
    id: level.id,
    title: level.title,
    audience: level.audience ?? null,
    demonstrate: section(level.sections.demonstrate),
    storiesMustProve: section(level.sections['stories-must-prove']),
    closingNote: section(level.sections['closing-note']),
  };
}

export interface LevelItems {
  questions: Question[];
  stories: Story[];
}

export function itemsOf(library: Library, level: Level): LevelItems {
  return {
    questions: library.questions.filter((q) => q.level === level.id),
    stories: library.stories.filter((s) => s.level === level.id),
  };
}

/** The competencies the level's questions and stories are tagged with, in vocabulary order. */
export function competenciesOf(library: Library, items: LevelItems): Competency[] {
  const used = new Set([...items.questions, ...items.stories].flatMap((i) => i.competencies));
  return library.competencies.filter((c) => used.has(c.id));
}

export function competencyTitles(library: Library, ids: readonly string[]): string[] {
  return ids.map((id) => library.competencies.find((c) => c.id === id)?.title ?? id);
}

/** Stories that share a competency with the question, most shared first. */
export function storiesFor(question: Question, stories: readonly Story[]): Story[] {
  const shared = (story: Story) => story.competencies.filter((c) => question.competencies.includes(c)).length;
  return stories
    .filter((story) => shared(story) > 0)
    .sort((a, b) => shared(b) - shared(a) || a.number - b.number);
}

/** Turns a Markdown list into a list of tick boxes (`- [ ] item`). */
export const asTickList = (markdown: string) => markdown.replace(/^(\s*)(?:[-*+]|\d+\.)\s+/gm, '$1- [ ] ');

/** The first sentence of a text. */
export function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(?:\s+(?=[A-Z“"‘'(])|$)/s.exec(text.trim());
  return (match?.[1] ?? text).trim();
}

/** Sentences after "In your answer," in a why-asked text: what the interviewer listens for. */
export function answerGuidance(why: string): string[] {
  const at = why.search(/In your answer,?\s*/);
  if (at < 0) return [];
  const rest = why.slice(at).replace(/^In your answer,?\s*/, '');
  const guidance = rest.charAt(0).toUpperCase() + rest.slice(1);
  return guidance.split(/(?<=[.!?])\s+(?=[A-Z])/).map((s) => s.trim()).filter(Boolean);
}
