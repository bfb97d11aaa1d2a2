// debrief-summary.pdf: one loop's collected ratings as the debrief reads
// them — interviewer × competency and interviewer × question grids, each
// interviewer's overall, and first what to discuss: disagreements, sheets
// missing, questions unrated, competencies nobody assessed.
import { ratingShort } from '../packets/ratings.js';
import { printedDate } from '../text/dates.js';
import { lexMarkdown } from '../render/markdown.js';
import { PACKET_TITLES, type TemplateSet } from '../render/templates.js';
import { themeFor } from '../render/theme.js';
import { layOut } from '../render/typeset.js';
import type { Paper, Tagging } from '../render/document.js';
import { escapeMarkdown } from '../text/escapeMarkdown.js';
import { count } from '../text/plural.js';
import { DISAGREEMENT_STEPS, type LoopRatings } from './collect.js';

/** A question's label in the grid, in characters: the prompt cut short; or none, the two grids side by side, where the page needs the room. */
const QUESTION_LABELS = [64, 0];
const said = (text: string) => escapeMarkdown(text).replace(/\|/g, '\\|');
const shortened = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, text.lastIndexOf(' ', max - 1) > max / 2 ? text.lastIndexOf(' ', max - 1) : max - 1)}…`);

/** What the debrief must talk about before anything else, as Markdown sentences. */
export function attention(loop: LoopRatings): string[] {
  const short = (rating: string) => ratingShort(rating);
  return [
    ...loop.competencies
      .filter((c) => c.disagreement)
      .map((c) => `**Split on ${said(c.title)}:** ${c.ratings.map((r) => `${said(r.interviewer)} ${short(r.rating)} (Q${r.question})`).join(', ')}.`),
    ...(loop.missing.length ? [`**No sheet from** ${loop.missing.map(said).join(', ')}.`] : []),
    ...loop.unrated.map((u) => `**${said(u.interviewer)} left unrated** ${u.questions.map((n) => `Q${n}`).join(', ')}.`),
    ...(loop.unassessed.length ? [`**Nobody assessed** ${loop.unassessed.map((c) => said(c.title)).join(', ')}.`] : []),
  ];
}

export function summaryContext(loop: LoopRatings, questionLabel = QUESTION_LABELS[0]!) {
  const interviewers = loop.sheets.map((s) => s.data.interviewer);
  const questions = loop.sheets.flatMap((sheet) => sheet.questions.map((q) => ({ ...q, interviewer: sheet.data.interviewer })));
  const numbers = [...new Set(questions.map((q) => q.number))].sort((a, b) => a - b);
  return {
    candidate: loop.candidate,
    levelTitle: loop.levelTitle,
    date: loop.date ? printedDate(loop.date) : null,
    seed: loop.seed,
    contentHash: loop.contentHash,
    sheets: loop.sheets.length,
    interviewers,
    attention: attention(loop),
    competencyRows: loop.competencies.map((c) => ({
      title: c.title,
      split: c.disagreement,
      cells: interviewers.map((name) => {
        const asked = questions.filter((q) => q.interviewer === name && q.competencies.some((qc) => qc.id === c.id));
        const given = c.ratings.filter((r) => r.interviewer === name).map((r) => ratingShort(r.rating));
        // Rated, else "Not assessed" as they ticked it, else blank (asked, not rated) or a dash (not asked).
        const notAssessed = asked.some((q) => q.rating === loop.notAssessed) ? ratingShort(loop.notAssessed) : ' ';
        return given.join(', ') || (asked.length ? notAssessed : '—');
      }),
    })),
    overall: loop.sheets.map((s) => (s.overall ? ratingShort(s.overall) : ' ')),
    questionRows: numbers.map((number) => {
      const asked = questions.filter((q) => q.number === number);
      return {
        number,
        prompt: questionLabel ? shortened(asked[0]!.prompt, questionLabel) : '',
        cells: interviewers.map((name) => {
          const q = asked.find((a) => a.interviewer === name);
          return q ? (q.rating ? ratingShort(q.rating) : ' ') : '—';
        }),
      };
    }),
    key: [...loop.ratings, loop.notAssessed].map((label) => ({ label, short: ratingShort(label) })),
    steps: DISAGREEMENT_STEPS,
    sideBySide: questionLabel === 0,
  };
}

/** The summary PDF of one loop, in the house style (the debrief sheet's theme): on one page if it fits with shorter question labels. */
export async function summaryPdf(loop: LoopRatings, templates: TemplateSet, paper: Paper, creationDate: Date, tagging: Tagging = {}): Promise<Buffer> {
  let laidOut: Awaited<ReturnType<typeof layOutSummary>> | undefined;
  for (const label of QUESTION_LABELS) {
    laidOut = await layOutSummary(templates.templates['debrief-summary'].render(summaryContext(loop, label)), loop, templates, paper, creationDate, tagging);
    if (laidOut.pages === 1) break;
  }
  return laidOut!.draw();
}

function layOutSummary(markdown: string, loop: LoopRatings, templates: TemplateSet, paper: Paper, creationDate: Date, tagging: Tagging) {
  const title = PACKET_TITLES['debrief-summary'];
  return layOut(lexMarkdown(markdown), themeFor(templates.theme, 'debrief'), {
    title: `${loop.candidate}: ${title}`,
    subject: `${title}: ${loop.levelTitle}, ${count(loop.sheets.length, 'sheet')}`,
    author: 'preppack',
    keywords: [`level:${loop.level}`, 'packet:debrief-summary'],
    header: `${loop.levelTitle} · ${title}`,
    footnote: `Collected from ${count(loop.sheets.length, 'sheet')} · content ${loop.contentHash}`,
    creationDate,
    paper,
    ...tagging,
  });
}

