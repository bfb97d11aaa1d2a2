// Which STAR stories a candidate should tell for each question, by meaning:
// the competencies both are tagged with, and what both say (TF-IDF cosine of
// the question's prompt, strong-answer points and why, against the story's
// title, situation, action and why). The suggestions are spread: no story
// for more than 60 % of a level's questions, and every story that shares a
// competency with some question is suggested at least once.
import type { Question, Story } from '../content/model.js';

/** At most this many stories are suggested for a question. */
export const STORIES_PER_QUESTION = 2;
/** No story is suggested for more than this share of a level's questions (from four questions up). */
export const MOST_SHARE = 0.6;
/** Text alone (no shared competency) suggests a story from this cosine up. */
const THEME_ALONE = 0.12;
/**
 * A shared competency suggests a story only with this much said in common
 * too: on the bundled library it parts "reject a candidate" from "coach an
 * engineer" (0.03) and keeps "a backlog is growing" with "rebuild intake"
 * (0.12). A story left out by it still comes back when it would go unused.
 */
const MEANING_FLOOR = 0.035;
/** What the shared competencies weigh against what both say. */
const COMPETENCY_WEIGHT = 0.5;

/** A story suggested for a question, and why in a few words. */
export interface StoryFit {
  story: Story;
  score: number;
  /** The competencies both have, by id (may be none: then the theme says why). */
  shared: string[];
  /** The words both use most (their stems as first written), when no competency is shared. */
  theme: string[];
}

const STOP = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each even every few for from further had has have having how however i if in into is it its itself just let made make many may me more most much must my no nor not now of off on once one only or other our out over own per rather really same say says should so some such than that the their them then there these they this those through to too under until up upon us very was way we well were what when where whether which while who whom why will with within without would you your yours
  able answer answers ask asked asks candidate candidates company describe example good interviewer interviewers level question questions show shows strong tell time times thing things use used using want wants`.split(/\s+/),
);

/** A word's stem: enough of English suffixes gone that "incidents" meets "incident" and "prioritizing" meets "prioritize". */
export function stem(word: string): string {
  let w = word.toLowerCase();
  for (const [suffix, keep] of [['ies', 'y'], ['sses', 'ss'], ['ization', 'ize'], ['ations', 'ate'], ['ation', 'ate'], ['ments', ''], ['ment', ''], ['ings', ''], ['ing', ''], ['edly', ''], ['ed', ''], ['ers', ''], ['er', ''], ['ly', ''], ['s', '']] as const) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix) && !(suffix === 's' && w.endsWith('ss'))) {
      w = w.slice(0, -suffix.length) + keep;
      break;
    }
  }
  return w.replace(/e$/, '');
}

/** The words of a text that carry meaning, each as its stem, with the first way each stem was written. */
export function terms(text: string, written?: Map<string, string>): string[] {
  const words = text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? [];
  return words.flatMap((word) => {
    const bare = word.replace(/['’]s$/, '').replace(/['’-]+$/, '');
    if (bare.length < 3 || STOP.has(bare)) return [];
    const s = stem(bare);
    if (written && !written.has(s)) written.set(s, bare);
    return [s];
  });
}

const sectionText = (sections: Record<string, { heading: string; markdown: string }>, keys: readonly string[]) => keys.map((key) => sections[key]?.markdown ?? '').join('\n');
const questionText = (q: Question) => `${q.prompt}\n${sectionText(q.sections, ['cover', 'why'])}`;
const storyText = (s: Story) => `${s.title}\n${sectionText(s.sections, ['situation', 'task', 'action', 'why'])}`;

/** TF-IDF vectors of some documents (log-scaled counts, smoothed idf), each of unit length. */
export function tfidf(documents: readonly string[][]): Map<string, number>[] {
  const df = new Map<string, number>();
  for (const doc of documents) for (const term of new Set(doc)) df.set(term, (df.get(term) ?? 0) + 1);
  return documents.map((doc) => {
    const counts = new Map<string, number>();
    for (const term of doc) counts.set(term, (counts.get(term) ?? 0) + 1);
    const vector = new Map<string, number>();
    for (const [term, count] of counts) vector.set(term, (1 + Math.log(count)) * Math.log(1 + documents.length / df.get(term)!));
    const norm = Math.hypot(...vector.values()) || 1;
    for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
}

/** The cosine of two unit vectors, and the terms that give most of it. */
function cosine(a: Map<string, number>, b: Map<string, number>): { value: number; top: string[] } {
  const parts: [string, number][] = [];
  for (const [term, weight] of a) {
    const other = b.get(term);
    if (other) parts.push([term, weight * other]);
  }
  parts.sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  return { value: parts.reduce((sum, [, part]) => sum + part, 0), top: parts.map(([term]) => term) };
}

/**
 * The stories to tell for each question, best first, at most two each. Every
 * question × story pair is scored (shared competencies over all of both, by
 * half, plus the cosine of what both say); a pair counts when it shares a
 * competency and says something in common, or its text alone is close. Pairs are taken best first while
 * the question has room and the story is under its share; then a story that
 * shares a competency with some question and is suggested for none takes
 * the place of a story suggested elsewhere too, in its best question.
 */
export function pairStories(questions: readonly Question[], stories: readonly Story[]): Map<string, StoryFit[]> {
  const written = new Map<string, string>();
  const vectors = tfidf([...questions.map((q) => terms(questionText(q), written)), ...stories.map((s) => terms(storyText(s), written))]);
  const candidates: (StoryFit & { question: Question; meaning: number })[] = [];
  for (const [qi, question] of questions.entries()) {
    for (const [si, story] of stories.entries()) {
      const shared = story.competencies.filter((c) => question.competencies.includes(c));
      const union = new Set([...story.competencies, ...question.competencies]).size || 1;
      const text = cosine(vectors[qi]!, vectors[questions.length + si]!);
      if (shared.length === 0 && text.value < THEME_ALONE) continue;
      const theme = shared.length ? [] : text.top.slice(0, 2).map((s) => written.get(s) ?? s);
      candidates.push({ question, story, shared, theme, score: (COMPETENCY_WEIGHT * shared.length) / union + text.value, meaning: text.value });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.question.number - b.question.number || a.story.number - b.story.number);
  const cap = questions.length >= 4 ? Math.floor(MOST_SHARE * questions.length) : Infinity;
  const fits = new Map<string, StoryFit[]>(questions.map((q) => [q.id, []]));
  const uses = new Map<Story, number>(stories.map((s) => [s, 0]));
  const fit = ({ question: _q, meaning: _m, ...rest }: StoryFit & { question: Question; meaning: number }): StoryFit => rest;
  for (const candidate of candidates) {
    const list = fits.get(candidate.question.id)!;
    if (list.length >= STORIES_PER_QUESTION || uses.get(candidate.story)! >= cap || candidate.meaning < MEANING_FLOOR) continue;
    list.push(fit(candidate));
    uses.set(candidate.story, uses.get(candidate.story)! + 1);
  }
  // A story that fits some question by competency is never left out: it takes a place a story used elsewhere too holds.
  for (const story of stories) {
    if (uses.get(story)! > 0) continue;
    for (const candidate of candidates.filter((c) => c.story === story && c.shared.length > 0)) {
      const list = fits.get(candidate.question.id)!;
      if (list.length < STORIES_PER_QUESTION) {
        list.push(fit(candidate));
      } else {
        const weakest = [...list].reverse().find((f) => uses.get(f.story)! > 1);
        if (!weakest) continue;
        list.splice(list.indexOf(weakest), 1, fit(candidate));
        uses.set(weakest.story, uses.get(weakest.story)! - 1);
      }
      uses.set(story, 1);
      list.sort((a, b) => b.score - a.score || a.story.number - b.story.number);
      break;
    }
  }
  return fits;
}

/** The questions a story is suggested for, by number. */
export function questionsServed(story: Story, questions: readonly Question[], pairs: ReadonlyMap<string, StoryFit[]>): number[] {
  return questions.filter((q) => pairs.get(q.id)?.some((f) => f.story === story)).map((q) => q.number);
}
