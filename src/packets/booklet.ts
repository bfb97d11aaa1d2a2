// The candidate prep booklet: what the booklet template is given.
import type { Level, Library, Question, Story } from '../content/model.js';
import { coreCompetencies } from '../loops/questionSet.js';
import { STORY_SECTIONS } from '../content/model.js';
import { competenciesOf, competencyTitles, coverPoints, itemsOf, levelContext, type Edition } from './common.js';
import { pairStories, questionsServed, type StoryFit } from './storyPairing.js';

/** A story's sections before its phrasing; the last one is kept on a page with the phrasing. */
function storySections(story: Story) {
  const sections = STORY_SECTIONS.filter((key) => key !== 'phrasing' && story.sections[key]).map((key) => ({ heading: story.sections[key]!.heading, markdown: story.sections[key]!.markdown }));
  return { sections: sections.slice(0, -1), lastSection: sections.at(-1) ?? null };
}

/** Why a story fits a question, in a few words: the competencies both show, else what both are about. */
function whyItFits(library: Library, fit: StoryFit): string {
  return fit.shared.length ? competencyTitles(library, fit.shared).join(', ').toLowerCase() : `also about ${fit.theme.join(' and ')}`;
}

/** What a question is asked for, in the source's words: "to understand your … approach" of "Employers ask this question to understand …". */
function askedTo(question: Question): string | null {
  const match = /\bask(?:s|ed)? (?:this|the) question to ([^.]+)\./i.exec(question.sections.why?.markdown ?? '');
  return match ? `to ${match[1]!.trim()}` : null;
}

/**
 * What interviewers listen for, for a level whose source says it only question
 * by question: what each question is asked for, grouped under its first
 * competency, in vocabulary order.
 */
function listenFromQuestions(library: Library, questions: readonly Question[]) {
  const asked = questions.flatMap((q) => {
    const text = askedTo(q);
    return text ? [{ first: q.competencies[0], number: q.number, text }] : [];
  });
  return library.competencies
    .map((c) => ({ title: c.title, items: asked.filter((a) => a.first === c.id).map(({ number, text }) => ({ number, text })) }))
    .filter((group) => group.items.length > 0);
}

/** For a level without stories: a page per core competency to draft one's own STAR story for it. */
function storyWorksheets(library: Library, level: Level, questions: readonly Question[]) {
  const described = competenciesOf(library, questions, level);
  return coreCompetencies(questions).map((id) => {
    const competency = described.find((c) => c.id === id)!;
    return { title: competency.title, description: competency.description, questions: questions.filter((q) => q.competencies.includes(id)).map((q) => `Q${q.number}`).join(', ') };
  });
}

export function bookletContext(library: Library, level: Level, edition: Edition) {
  const items = itemsOf(library, level);
  const pairs = pairStories(items.questions, items.stories);
  const ownBar = !level.sections.demonstrate && !level.sections['stories-must-prove'];
  return {
    level: levelContext(level),
    listenFromQuestions: ownBar ? listenFromQuestions(library, items.questions) : [],
    worksheets: items.stories.length === 0 ? storyWorksheets(library, level, items.questions) : [],
    edition,
    competencies: competenciesOf(library, [...items.questions, ...items.stories], level),
    questions: items.questions.map((q) => {
      const bullets = coverPoints(q);
      // Each bullet is a self-check box, without its remarks: those print as notes.
      const checks = bullets.map((points) => points.filter((p) => p.kind === 'listen' || p.kind === 'strong').map((p) => p.text).join(' ')).filter(Boolean);
      const remarks = (kind: string) => bullets.flat().filter((p) => p.kind === kind).map((p) => p.text);
      return {
        id: q.id,
        number: q.number,
        prompt: q.prompt,
        competencies: competencyTitles(library, q.competencies).join(' · '),
        selfCheck: q.sections.cover ? { heading: q.sections.cover.heading, checks } : null,
        avoid: remarks('weak'),
        remarks: remarks('context'),
        why: q.sections.why ? { heading: q.sections.why.heading, markdown: q.sections.why.markdown } : null,
        example: q.sections.example ? { heading: q.sections.example.heading, markdown: q.sections.example.markdown } : null,
        stories: (pairs.get(q.id) ?? []).map((f, rank) => ({ id: f.story.id, number: f.story.number, title: f.story.title, best: rank === 0, why: whyItFits(library, f) })),
      };
    }),
    stories: items.stories.map((s) => ({
      id: s.id,
      number: s.number,
      title: s.title,
      competencies: competencyTitles(library, s.competencies).join(' · '),
      usedFor: questionsServed(s, items.questions, pairs).map((n) => `Q${n}`).join(', '),
      ...storySections(s),
      phrasingHeading: s.sections.phrasing?.heading ?? 'Strong phrasing to reuse',
      quotes: s.quotes,
    })),
  };
}
