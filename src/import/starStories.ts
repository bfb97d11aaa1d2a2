// A STAR story page: "What … stories must prove", then "Case N — Title"
// blocks with Situation / Task / Action / Result / Why / Strong phrasing, and
// a closing note.
import { PageError, type PageDraft, type SectionDraft, type StoryDraft, type PageHead } from './draft.js';
import { bulletTexts, toMarkdown, type PageLine } from './lines.js';

const USE_FOR = /^Use this page for:\s*(.*?)\.?$/u;
const READ_WITH = /^Read this together with:\s*(.*?)\.?$/u;
const MUST_PROVE = /^What .+ stories (?:must|should) prove$/u;
const CASE = /^Case (\d+)\s+[—–-]\s+(.+)$/u;
const CLOSING = /^Closing note$/u;

const STORY_HEADINGS: [key: string, pattern: RegExp][] = [
  ['situation', /^Situation$/u],
  ['task', /^Task$/u],
  ['action', /^Action$/u],
  ['result', /^Result$/u],
  ['why', /^Why this story works(?: in interviews)?$/u],
  ['phrasing', /^Strong phrasing(?: to reuse)?$/u],
];

interface OpenStory {
  number: number;
  title: string;
  line: number;
  parts: Map<string, { heading: string; lines: PageLine[] }>;
  current?: string;
}

export function parseStarStories(path: string, head: PageHead, lines: readonly PageLine[]): PageDraft {
  let useFor: string | undefined;
  let readWith: string | undefined;
  let mustProve: { heading: string; lines: PageLine[] } | undefined;
  let closing: { heading: string; lines: PageLine[] } | undefined;
  const stories: OpenStory[] = [];
  let place: 'head' | 'must-prove' | 'story' | 'closing' = 'head';

  for (const line of lines) {
    const text = line.text.trim();
    const caseMatch = CASE.exec(text);
    if (place === 'head' && USE_FOR.test(text)) useFor = USE_FOR.exec(text)![1];
    else if (place === 'head' && READ_WITH.test(text)) readWith = READ_WITH.exec(text)![1];
    else if (MUST_PROVE.test(text) && !mustProve && place === 'head') {
      mustProve = { heading: text, lines: [] };
      place = 'must-prove';
    } else if (caseMatch && place !== 'closing') {
      stories.push({ number: Number(caseMatch[1]), title: caseMatch[2]!.trim(), line: line.number, parts: new Map() });
      place = 'story';
    } else if (CLOSING.test(text) && place !== 'closing') {
      closing = { heading: text, lines: [] };
      place = 'closing';
    } else if (place === 'story') {
      const story = stories.at(-1)!;
      const heading = STORY_HEADINGS.find(([key, pattern]) => pattern.test(text) && !story.parts.has(key));
      if (heading) {
        story.current = heading[0];
        story.parts.set(heading[0], { heading: text, lines: [] });
      } else if (story.current) story.parts.get(story.current)!.lines.push(line);
      else if (text) throw new PageError(line.number, `text in case ${story.number} before its "Situation" heading`);
    } else if (place === 'must-prove') mustProve!.lines.push(line);
    else if (place === 'closing') closing!.lines.push(line);
    else if (text) throw new PageError(line.number, `unexpected text before the first case: "${text.slice(0, 60)}"`);
  }

  if (stories.length === 0) throw new PageError(1, 'no stories ("Case N — Title") found on the STAR story page');
  const drafts: StoryDraft[] = stories.map((story) => {
    const sections: Record<string, SectionDraft> = {};
    for (const [key] of STORY_HEADINGS) {
      const part = story.parts.get(key);
      const markdown = part ? toMarkdown(part.lines) : '';
      if (!part || !markdown) throw new PageError(story.line, `case ${story.number} has no "${key}" section, or it is empty`);
      sections[key] = { heading: part.heading, markdown };
    }
    const quotes = bulletTexts(story.parts.get('phrasing')!.lines);
    if (quotes.length === 0) throw new PageError(story.line, `case ${story.number} has no phrasing quotes ("  • “…”")`);
    return { number: story.number, title: story.title, sections, quotes, line: story.line };
  });
  const numbers = new Set<number>();
  for (const story of drafts) {
    if (numbers.has(story.number)) throw new PageError(story.line, `case number ${story.number} appears twice`);
    numbers.add(story.number);
  }
  const sections: PageDraft['level']['sections'] = {};
  if (mustProve) sections['stories-must-prove'] = { heading: mustProve.heading, markdown: toMarkdown(mustProve.lines) };
  if (closing) sections['closing-note'] = { heading: closing.heading, markdown: toMarkdown(closing.lines) };
  return {
    path,
    format: 'star-stories',
    level: { role: head.role, source: { title: head.title, format: 'star-stories', handbook: head.handbook, useFor, readWith }, sections },
    questions: [],
    stories: drafts,
  };
}
