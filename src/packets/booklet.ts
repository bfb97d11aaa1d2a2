// The candidate prep booklet: what the booklet template is given.
import type { Level, Library } from '../content/model.js';
import { STORY_SECTIONS } from '../content/model.js';
import { asTickList, competenciesOf, competencyTitles, itemsOf, levelContext, storiesFor, type Edition } from './common.js';

export function bookletContext(library: Library, level: Level, edition: Edition) {
  const items = itemsOf(library, level);
  const storyRef = (s: { id: string; number: number; title: string }) => ({ id: s.id, number: s.number, title: s.title });
  return {
    level: levelContext(level),
    edition,
    competencies: competenciesOf(library, items),
    questions: items.questions.map((q) => ({
      id: q.id,
      number: q.number,
      prompt: q.prompt,
      competencies: competencyTitles(library, q.competencies).join(' · '),
      selfCheck: q.sections.cover ? { heading: q.sections.cover.heading, markdown: asTickList(q.sections.cover.markdown) } : null,
      why: q.sections.why ? { heading: q.sections.why.heading, markdown: q.sections.why.markdown } : null,
      example: q.sections.example ? { heading: q.sections.example.heading, markdown: q.sections.example.markdown } : null,
      stories: storiesFor(q, items.stories).map(storyRef),
    })),
    stories: items.stories.map((s) => ({
      id: s.id,
      number: s.number,
      title: s.title,
      competencies: competencyTitles(library, s.competencies).join(' · '),
      sections: STORY_SECTIONS.filter((key) => key !== 'phrasing' && s.sections[key]).map((key) => ({ heading: s.sections[key]!.heading, markdown: s.sections[key]!.markdown })),
      phrasingHeading: s.sections.phrasing?.heading ?? 'Strong phrasing to reuse',
      quotes: s.quotes,
    })),
  };
}
