// Reads the head of an exported page: its title, the role it is for and its
// format, then hands the lines to the parser of that format.
import type { PageFormat } from '../content/model.js';
import { repairMojibake } from '../text/mojibake.js';
import { PageError, type PageDraft, type PageHead } from './draft.js';
import { parseInterviewPack } from './interviewPack.js';
import { toLines, type PageLine } from './lines.js';
import { parseQaPage } from './qaPage.js';
import { parseStarStories } from './starStories.js';

const TITLE = /^(?<role>.+?)\s+(?:STAR Case Stories|Interview Pack(?:\s*\(\d{4}\))?|Interview Questions)$/u;
const SITE_HEADER = /Knowledge Base$/u;

function findHead(lines: readonly PageLine[]): PageHead {
  const nonBlank = lines.map((line, index) => ({ line, index })).filter(({ line }) => line.text.trim());
  let handbook: string | undefined;
  for (const { line, index } of nonBlank.slice(0, 6)) {
    const match = TITLE.exec(line.text.trim());
    if (match) return { title: line.text.trim(), role: match.groups!.role!, handbook, next: index + 1 };
    if (!SITE_HEADER.test(line.text)) handbook = line.text.trim();
  }
  throw new PageError(nonBlank[0]?.line.number ?? 1, 'no page title found: the page must be titled "<Role> Interview Pack (YEAR)", "<Role> STAR Case Stories" or "<Role> Interview Questions"');
}

function classify(lines: readonly PageLine[]): PageFormat {
  const has = (pattern: RegExp) => lines.some((l) => pattern.test(l.text));
  if (has(/^Strong answer should cover$/u)) return 'interview-pack';
  if (has(/^Case \d+\s+[—–-]\s+/u) && has(/^Situation$/u)) return 'star-stories';
  if (has(/^Employers ask this question/u) || has(/^Answer Example:/u)) return 'qa-page';
  throw new PageError(
    1,
    'cannot tell the page format: expected an interview pack (numbered questions with "Strong answer should cover"), ' +
      'a STAR story page ("Case N — …" with Situation, Task, Action, Result) or a Q&A page ("Employers ask this question…", "Answer Example: …")',
  );
}

/** Parses one exported page; throws PageError naming the line that is wrong. */
export function parsePage(path: string, raw: string): PageDraft {
  if (raw.includes('\u0000')) throw new PageError(1, 'the page is binary, not an exported text page');
  const text = repairMojibake(raw.replace(/^\uFEFF/u, '').replace(/\r\n?/g, '\n'));
  const lines = toLines(text);
  const format = classify(lines);
  const head = findHead(lines);
  const body = lines.slice(head.next);
  switch (format) {
    case 'interview-pack':
      return parseInterviewPack(path, head, body);
    case 'star-stories':
      return parseStarStories(path, head, body);
    case 'qa-page':
      return parseQaPage(path, head, body);
  }
}
