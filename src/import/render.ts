// Writes drafts as content files: YAML front matter for the program,
// Markdown sections for people. The inverse of content/parse.ts.
import { Document, isScalar, isSeq, visit } from 'yaml';
import { LEVEL_SECTIONS, QUESTION_SECTIONS, STORY_SECTIONS, type SourcePage } from '../content/model.js';
import type { QuestionDraft, SectionDraft, StoryDraft } from './draft.js';

function frontMatter(data: Record<string, unknown>): string {
  const doc = new Document(data);
  // Lists of plain values read best on one line: `aliases: [vp, principal]`.
  visit(doc, {
    Seq(_, node) {
      if (isSeq(node) && node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n`;
}

function body(sections: Record<string, SectionDraft>, order: readonly string[]): string {
  return order
    .filter((key) => sections[key])
    .map((key) => `\n## ${sections[key]!.heading} {#${key}}\n\n${sections[key]!.markdown}\n`)
    .join('');
}

const withoutUndefined = <T extends object>(value: T) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

export interface LevelFileData {
  id: string;
  title: string;
  aliases: string[];
  audience?: string;
  sources: SourcePage[];
  sections: Record<string, SectionDraft>;
}

export function renderLevel(level: LevelFileData): string {
  const sources = level.sources.map((s) =>
    withoutUndefined({
      title: s.title,
      format: s.format,
      handbook: s.handbook,
      intro: s.intro,
      use_for: s.useFor,
      read_with: s.readWith,
      question_set: s.questionSet,
    }),
  );
  const data = withoutUndefined({ id: level.id, title: level.title, aliases: level.aliases, audience: level.audience, sources });
  return frontMatter(data) + body(level.sections, LEVEL_SECTIONS);
}

/** What a question's file says that its source page does not: kept by a re-import. */
export interface AuthoredFields {
  short?: string;
  cue?: string;
}

export function renderQuestion(id: string, level: string, question: QuestionDraft, competencies: string[], authored: AuthoredFields = {}): string {
  const data = withoutUndefined({ id, level, number: question.number, prompt: question.prompt, short: authored.short, cue: authored.cue, competencies });
  return frontMatter(data) + body(question.sections, QUESTION_SECTIONS);
}

export function renderStory(id: string, level: string, story: StoryDraft, competencies: string[]): string {
  const data = { id, level, number: story.number, title: story.title, competencies };
  return frontMatter(data) + body(story.sections, STORY_SECTIONS);
}
