// An interview pack: audience line, "What strong … show" list, then numbered
// questions each with "Strong answer should cover" bullets.
import { PageError, type PageDraft, type QuestionDraft, type PageHead } from './draft.js';
import { isBlank, toMarkdown, type PageLine } from './lines.js';

const AUDIENCE = /^Audience:\s*(.*)$/u;
const DEMONSTRATE = /^What strong .+$/u;
const QUESTION_SET = /^(.+questions)\s*\((\d+)\)$/iu;
const QUESTION = /^(\d+)\.\s+(.+)$/u;
const COVER = 'Strong answer should cover';

function parseAudience(line: string): { audience?: string; declared?: number; useWith?: string } {
  const parts = line.split(/\.\s+(?=Format:|Use with:)/u);
  const audience = AUDIENCE.exec(parts[0]!)?.[1]?.trim().replace(/\.$/u, '');
  const declared = parts.map((p) => /^Format:\s*(\d+)\s+questions?/u.exec(p)?.[1]).find(Boolean);
  const useWith = parts.map((p) => /^Use with:\s*(.*?)\.?$/u.exec(p)?.[1]).find(Boolean);
  return { audience, declared: declared ? Number(declared) : undefined, useWith };
}

export function parseInterviewPack(path: string, head: PageHead, lines: readonly PageLine[]): PageDraft {
  let audience: ReturnType<typeof parseAudience> = {};
  let demonstrate: { heading: string; lines: PageLine[] } | undefined;
  let questionSet: { title: string; declared: number; line: number } | undefined;
  const questions: (QuestionDraft & { body: PageLine[]; coverHeading?: string })[] = [];
  let place: 'head' | 'demonstrate' | 'question' = 'head';

  for (const line of lines) {
    const text = line.text.trim();
    if (!text) {
      if (place === 'demonstrate') demonstrate!.lines.push(line);
      else if (place === 'question') questions.at(-1)!.body.push(line);
      continue;
    }
    const question = QUESTION.exec(line.text);
    const set = QUESTION_SET.exec(text);
    if (AUDIENCE.test(text) && place === 'head') audience = parseAudience(text);
    else if (DEMONSTRATE.test(text) && !demonstrate && place !== 'question') {
      demonstrate = { heading: text, lines: [] };
      place = 'demonstrate';
    } else if (set && !questionSet && place !== 'question') {
      questionSet = { title: text, declared: Number(set[2]), line: line.number };
      place = 'head';
    } else if (question) {
      questions.push({ number: Number(question[1]), prompt: question[2]!.trim(), sections: {}, line: line.number, body: [] });
      place = 'question';
    } else if (place === 'demonstrate') demonstrate!.lines.push(line);
    else if (place === 'question') {
      const current = questions.at(-1)!;
      if (text === COVER && !current.coverHeading && current.body.every(isBlank)) current.coverHeading = text;
      else current.body.push(line);
    } else throw new PageError(line.number, `unexpected text before the questions: "${text.slice(0, 60)}"`);
  }

  if (questions.length === 0) throw new PageError(1, 'no numbered questions ("1. …") found in the interview pack');
  const seen = new Set<number>();
  for (const q of questions) {
    if (seen.has(q.number)) throw new PageError(q.line, `question number ${q.number} appears twice`);
    seen.add(q.number);
    const markdown = toMarkdown(q.body);
    if (!markdown) throw new PageError(q.line, `question ${q.number} has no "${COVER}" points`);
    q.sections.cover = { heading: q.coverHeading ?? COVER, markdown };
  }
  const declared = audience.declared ?? questionSet?.declared;
  if (declared !== undefined && declared !== questions.length) {
    throw new PageError(questionSet?.line ?? 1, `the page says it has ${declared} questions but ${questions.length} were found`);
  }
  const sections: PageDraft['level']['sections'] = {};
  if (demonstrate) sections.demonstrate = { heading: demonstrate.heading, markdown: toMarkdown(demonstrate.lines) };
  return {
    path,
    format: 'interview-pack',
    level: {
      role: head.role,
      audience: audience.audience,
      source: {
        title: head.title,
        format: 'interview-pack',
        handbook: head.handbook,
        readWith: audience.useWith,
        questionSet: questionSet?.title,
      },
      sections,
    },
    questions: questions.map(({ number, prompt, sections: s, line }) => ({ number, prompt, sections: s, line })),
    stories: [],
  };
}
