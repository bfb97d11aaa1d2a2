// What every packet context shares: the level, the competencies in play,
// question ↔ story pairing and small text helpers. Contexts are plain data for
// the Handlebars templates.
import type { Competency, Level, Library, Question, Section, Story } from '../content/model.js';
import { listItems } from '../content/sections.js';
import { bulletPoints, type Point } from './points.js';

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
  /** The first 12 hex digits of the content's sha256. */
  contentHash: string;
  version: string;
  /** The edition's date as people write it ("25 November 2026"), when known. */
  date: string | null;
  /** Whose packets these are (the config's `organisation`), printed on covers and in every foot. */
  organisation: string | null;
}

/** What the project's config changes on paper. */
export interface PrintSettings {
  organisation?: string;
  /** Evidence lines under each question of a scoring sheet, at least (they also fill the page). */
  evidenceLines?: number;
  /** The four ratings, worst first, instead of Definitely not, No, Yes, Strong yes. */
  ratingLabels?: readonly string[];
  /** Tagged PDFs (PDF/UA-1) unless false: the config's `tags`, `--no-tags`. */
  tagged?: boolean;
  /** The language of the PDFs (BCP 47): the config's `language`; a level file's own wins. */
  language?: string;
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

/** The competencies the given items are tagged with, in vocabulary order, each described as it is meant at the level. */
export function competenciesOf(library: Library, items: readonly { competencies: string[] }[], level?: Level): Competency[] {
  const used = new Set(items.flatMap((i) => i.competencies));
  return library.competencies.filter((c) => used.has(c.id)).map((c) => ({ ...c, description: (level && c.levels?.[level.id]) ?? c.description }));
}

export function competencyTitles(library: Library, ids: readonly string[]): string[] {
  return ids.map((id) => library.competencies.find((c) => c.id === id)?.title ?? id);
}

/** A question's strong-answer points, bullet by bullet, each split into its sentences. */
export function coverPoints(question: Question): Point[][] {
  return question.sections.cover ? listItems(question.sections.cover.markdown).map(bulletPoints) : [];
}

/** The first sentence of a text. */
export function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(?:\s+(?=[A-Z“"‘'(])|$)/s.exec(text.trim());
  return (match?.[1] ?? text).trim();
}
