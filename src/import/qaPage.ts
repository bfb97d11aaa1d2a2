// A Q&A page: a list of questions, then each question again followed by
// "Employers ask this question …" and "Answer Example: …". The site's
// "Help us improve this answer. / -" lines are noise and are dropped.
import { PageError, type PageDraft, type QuestionDraft, type PageHead } from './draft.js';
import { escapeMarkdown } from '../text/escapeMarkdown.js';
import type { PageLine } from './lines.js';

const WHY = /^Employers ask this question\b/u;
const EXAMPLE = /^Answer Example:\s*(.*)$/u;
const NOISE = /^(?:Help us improve this answer\.\s*\/?\s*-?|-)$/u;
const LIST_HEADING = /^Interview Questions for\s+.+$/u;

/** Strips the straight quotes the page wraps each answer example in. */
function unwrapQuotes(text: string): string {
  return /^".*"$/su.test(text) ? text.slice(1, -1).trim() : text;
}

interface Block {
  prompt: string;
  line: number;
  why: string[];
  example: string[];
  field?: 'why' | 'example';
}

export function parseQaPage(path: string, head: PageHead, lines: readonly PageLine[]): PageDraft {
  const content = lines.filter((l) => l.text.trim() && !NOISE.test(l.text.trim()));
  const isBlockStart = (index: number) => {
    const next = content[index + 1]?.text.trim() ?? '';
    const text = content[index]!.text.trim();
    return !WHY.test(text) && !EXAMPLE.test(text) && (WHY.test(next) || EXAMPLE.test(next));
  };
  const firstBlock = content.findIndex((_, index) => isBlockStart(index));
  if (firstBlock < 0) throw new PageError(1, 'no question followed by "Employers ask this question…" or "Answer Example:" was found');

  let intro: string | undefined;
  let listHeading: string | undefined;
  const listed: PageLine[] = [];
  for (const line of content.slice(0, firstBlock)) {
    const text = line.text.trim();
    if (LIST_HEADING.test(text) && !listHeading) listHeading = text;
    else if (!listHeading && !intro) intro = text;
    else if (listHeading) listed.push(line);
    else throw new PageError(line.number, `unexpected text before the question list: "${text.slice(0, 60)}"`);
  }

  const blocks: Block[] = [];
  content.slice(firstBlock).forEach((line, offset) => {
    const text = line.text.trim();
    const example = EXAMPLE.exec(text);
    const block = blocks.at(-1);
    if (isBlockStart(firstBlock + offset)) blocks.push({ prompt: text, line: line.number, why: [], example: [] });
    else if (WHY.test(text) && block) {
      block.why.push(text);
      block.field = 'why';
    } else if (example && block) {
      block.example.push(example[1]!);
      block.field = 'example';
    } else if (block?.field) block[block.field].push(text);
    else throw new PageError(line.number, `cannot place this line: "${text.slice(0, 60)}"`);
  });

  const byPrompt = new Map(blocks.map((b) => [b.prompt, b]));
  for (const item of listed) {
    if (!byPrompt.has(item.text.trim())) throw new PageError(item.number, `listed question has no answer block further down: "${item.text.trim().slice(0, 60)}"`);
  }
  if (listed.length && listed.length !== blocks.length) {
    const listedSet = new Set(listed.map((l) => l.text.trim()));
    const extra = blocks.find((b) => !listedSet.has(b.prompt));
    throw new PageError(extra?.line ?? 1, `the answer block is for a question missing from the list at the top: "${extra?.prompt.slice(0, 60)}"`);
  }
  const order = listed.length ? listed.map((l) => byPrompt.get(l.text.trim())!) : blocks;
  const questions: QuestionDraft[] = order.map((block, index) => {
    if (!block.why.length) throw new PageError(block.line, 'this question has no "Employers ask this question…" text');
    if (!block.example.length) throw new PageError(block.line, 'this question has no "Answer Example:"');
    return {
      number: index + 1,
      prompt: block.prompt,
      line: block.line,
      sections: {
        why: { heading: 'Why interviewers ask', markdown: block.why.map(escapeMarkdown).join('\n\n') },
        example: { heading: 'Answer example', markdown: unwrapQuotes(block.example.join('\n\n')).split('\n\n').map(escapeMarkdown).join('\n\n') },
      },
    };
  });
  return {
    path,
    format: 'qa-page',
    level: { role: head.role, source: { title: head.title, format: 'qa-page', handbook: head.handbook, intro, questionSet: listHeading }, sections: {} },
    questions,
    stories: [],
  };
}
