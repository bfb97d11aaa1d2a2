// One packet for one level: context → template → Markdown → tokens →
// pdfmake → PDF. The cheat sheet shrinks its type until it fits one page.
import type { Level, Library } from '../content/model.js';
import { bookletContext } from '../packets/booklet.js';
import { cheatsheetContext } from '../packets/cheatsheet.js';
import type { Edition } from '../packets/common.js';
import { scorecardContext } from '../packets/scorecard.js';
import { error, ProblemsError } from '../problems.js';
import { buildDocument, type Paper } from '../render/document.js';
import { lexMarkdown } from '../render/markdown.js';
import { renderPdf } from '../render/pdf.js';
import { directiveLine, type Packet, type TemplateSet } from '../render/templates.js';
import { RenderError } from '../render/toPdfmake.js';
import { scaleTheme, themeFor, type Theme } from '../render/theme.js';

export const PACKET_TITLES: Record<Packet, string> = {
  booklet: 'Candidate prep booklet',
  scorecard: 'Interviewer scoring sheet',
  cheatsheet: 'Phrasing cheat sheet',
};

/** The cheat sheet never prints body text smaller than this. */
export const MIN_CHEATSHEET_SIZE = 6.5;

export interface PacketOptions {
  library: Library;
  level: Level;
  packet: Packet;
  templates: TemplateSet;
  edition: Edition;
  paper: Paper;
  creationDate: Date;
}

export type PacketResult =
  | { kind: 'pdf'; bytes: Buffer; pages: number; markdown: string; fontSize: number }
  | { kind: 'skipped'; reason: string };

function context(options: PacketOptions): object | undefined {
  const { library, level, edition } = options;
  switch (options.packet) {
    case 'booklet':
      return bookletContext(library, level, edition);
    case 'scorecard':
      return scorecardContext(library, level, edition);
    case 'cheatsheet':
      return cheatsheetContext(library, level, edition);
  }
}

async function renderAt(options: PacketOptions, markdown: string, theme: Theme) {
  const template = options.templates.templates[options.packet];
  const tokens = lexMarkdown(markdown);
  const title = PACKET_TITLES[options.packet];
  let document: Record<string, unknown>;
  try {
    document = buildDocument(tokens, theme, {
      title: `${options.level.title}: ${title}`,
      subject: `${title} for ${options.level.title} interviews`,
      author: 'preppack',
      keywords: [`level:${options.level.id}`, `packet:${options.packet}`, options.level.title, title],
      header: `${options.level.title} · ${title}`,
      creationDate: options.creationDate,
      paper: options.paper,
    });
  } catch (caught) {
    if (caught instanceof RenderError) throw new ProblemsError([error(template.path, directiveLine(template.source, caught.directive), caught.message)]);
    throw caught;
  }
  const result = await renderPdf(document);
  return result;
}

export async function renderPacket(options: PacketOptions): Promise<PacketResult> {
  const data = context(options);
  if (!data) return { kind: 'skipped', reason: 'it has no questions to score' };
  const markdown = options.templates.templates[options.packet].render(data);
  const theme = themeFor(options.templates.theme, options.packet);
  if (options.packet !== 'cheatsheet') {
    const pdf = await renderAt(options, markdown, theme);
    return { kind: 'pdf', bytes: pdf.bytes, pages: pdf.pages, markdown, fontSize: theme.fontSize };
  }
  // Largest type size, in quarter points, at which the sheet fits one page.
  const sizes: number[] = [];
  for (let size = theme.fontSize; size >= MIN_CHEATSHEET_SIZE - 1e-9; size -= 0.25) sizes.push(Math.round(size * 100) / 100);
  const attempt = (size: number) => renderAt(options, markdown, scaleTheme(theme, size / theme.fontSize));
  const first = await attempt(sizes[0]!);
  if (first.pages === 1) return { kind: 'pdf', bytes: first.bytes, pages: 1, markdown, fontSize: sizes[0]! };
  let best: { size: number; pdf: Awaited<ReturnType<typeof attempt>> } | undefined;
  let low = 1;
  let high = sizes.length - 1;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const pdf = await attempt(sizes[middle]!);
    if (pdf.pages === 1) {
      best = { size: sizes[middle]!, pdf };
      high = middle - 1;
    } else low = middle + 1;
  }
  if (!best) {
    const smallest = await attempt(MIN_CHEATSHEET_SIZE);
    throw new ProblemsError([
      error(options.templates.templates.cheatsheet.path, 1, `the cheat sheet for level "${options.level.id}" needs ${smallest.pages} pages even at ${MIN_CHEATSHEET_SIZE} pt: shorten its quotes or what-to-prove lists`),
    ]);
  }
  return { kind: 'pdf', bytes: best.pdf.bytes, pages: 1, markdown, fontSize: best.size };
}
