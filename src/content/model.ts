// The content library as the rest of the program sees it: plain typed data,
// loaded and validated from content/ by load.ts.

/** A `## Heading {#key}` part of a Markdown body. */
export interface Section {
  key: string;
  heading: string;
  markdown: string;
  line: number;
}

export interface SourcePage {
  title: string;
  format: PageFormat;
  handbook?: string;
  intro?: string;
  useFor?: string;
  readWith?: string;
  questionSet?: string;
}

export type PageFormat = 'interview-pack' | 'star-stories' | 'qa-page';

export interface Level {
  id: string;
  title: string;
  aliases: string[];
  audience?: string;
  /** The language its packets are in (BCP 47), if not the config's. */
  language?: string;
  sources: SourcePage[];
  /** demonstrate: what strong candidates show; stories-must-prove; closing-note. */
  sections: Record<string, Section>;
  path: string;
  /** 1-based line of each front-matter field, for messages. */
  fieldLines: Record<string, number>;
}

export interface Question {
  id: string;
  level: string;
  number: number;
  prompt: string;
  /** A few words that name it where the prompt is too long (the cheat sheet): authored, never cut. */
  short?: string;
  /** What to say, in a line, where the source's own opening is too long for the cheat sheet: authored, never cut. */
  cue?: string;
  competencies: string[];
  /**
   * cover: strong answer should cover; why: why interviewers ask; example: answer example;
   * interviewer-notes: printed on the scoring sheet only, never for candidates;
   * anchors: what each rating sounds like, four list items worst first (scoring sheet only).
   */
  sections: Record<string, Section>;
  path: string;
  fieldLines: Record<string, number>;
}

export interface Story {
  id: string;
  level: string;
  number: number;
  title: string;
  competencies: string[];
  /** situation, task, action, result, why, phrasing. */
  sections: Record<string, Section>;
  /** The strong phrasing quotes, one per list item of the phrasing section. */
  quotes: string[];
  path: string;
  fieldLines: Record<string, number>;
}

export interface Competency {
  id: string;
  title: string;
  description: string;
  /** What it means at a level, where the description does not fit it, by level id. */
  levels?: Record<string, string>;
}

export interface Library {
  levels: Level[];
  questions: Question[];
  stories: Story[];
  competencies: Competency[];
}

export const LEVEL_SECTIONS = ['demonstrate', 'stories-must-prove', 'closing-note'] as const;
export const QUESTION_SECTIONS = ['cover', 'why', 'example', 'interviewer-notes', 'anchors'] as const;
export const STORY_SECTIONS = ['situation', 'task', 'action', 'result', 'why', 'phrasing'] as const;
