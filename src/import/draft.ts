// What the importer reads off a knowledge-base page, before it becomes files.
import type { PageFormat, SourcePage } from '../content/model.js';

export interface SectionDraft {
  heading: string;
  markdown: string;
}

export interface LevelDraft {
  /** The role as the page title names it, e.g. "Product Security Manager". */
  role: string;
  audience?: string;
  source: SourcePage;
  /** demonstrate, stories-must-prove, closing-note. */
  sections: Record<string, SectionDraft>;
}

export interface QuestionDraft {
  number: number;
  prompt: string;
  /** cover, why, example. */
  sections: Record<string, SectionDraft>;
  line: number;
}

export interface StoryDraft {
  number: number;
  title: string;
  /** situation, task, action, result, why, phrasing. */
  sections: Record<string, SectionDraft>;
  quotes: string[];
  line: number;
}

/** The head of a page, read before its format's parser takes the rest. */
export interface PageHead {
  title: string;
  role: string;
  handbook?: string;
  /** Index in the lines of the line after the title. */
  next: number;
}

export interface PageDraft {
  path: string;
  format: PageFormat;
  level: LevelDraft;
  questions: QuestionDraft[];
  stories: StoryDraft[];
}

/** A page the importer cannot read: names the line and why. */
export class PageError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

export const FORMAT_NAMES: Record<PageFormat, string> = {
  'interview-pack': 'interview pack',
  'star-stories': 'STAR story page',
  'qa-page': 'Q&A page',
};
