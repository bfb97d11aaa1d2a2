// A packet's Markdown into its PDF: the document's title, running head,
// metadata and foot for that level and packet. A directive the renderer
// rejects is reported at its line in the packet's template.
import type { Level, Library } from '../content/model.js';
import type { SheetDetails } from '../loops/sheet.js';
import type { Edition } from '../packets/common.js';
import { error, PreppackError } from '../problems.js';
import type { Paper } from '../render/document.js';
import { lexMarkdown } from '../render/markdown.js';
import { directiveLine, PACKET_TITLES, type DocumentName, type TemplateSet } from '../render/templates.js';
import type { Theme } from '../render/theme.js';
import { RenderError } from '../render/toPdfmake.js';
import { layOut, type LaidOutDocument, type TypesetPdf } from '../render/typeset.js';

export interface PacketOptions {
  library: Library;
  level: Level;
  packet: DocumentName;
  templates: TemplateSet;
  edition: Edition;
  paper: Paper;
  creationDate: Date;
  /** Evidence lines under each question of a scoring sheet (default 5). */
  evidenceLines?: number;
  /** The four ratings, worst first (default Definitely not, No, Yes, Strong yes). */
  ratings?: readonly string[];
  /** A personal scoring sheet: whose it is and which questions it asks. */
  sheet?: SheetDetails;
  /** Scoring sheets with form fields. */
  fillable?: boolean;
  /** Tagged (PDF/UA-1) unless false, and in which language. */
  tagged?: boolean;
  language?: string;
}

export type PacketResult =
  | { kind: 'pdf'; bytes: Buffer; pages: number; markdown: string; fontSize: number; fonts: string[] }
  | { kind: 'skipped'; reason: string };

/** The edition as a line people read, for the foot of a one-page packet. */
export function editionLine(edition: Edition): string {
  return [...(edition.organisation ? [edition.organisation] : []), ...(edition.date ? [`Edition: ${edition.date}`] : []), `Content version: ${edition.contentHash}`, `preppack ${edition.version}`].join(' · ');
}

/** A packet's Markdown laid out for its level, drawn when asked (fitOnePage keeps one of several sizes). */
export async function layOutMarkdown(options: PacketOptions, markdown: string, theme: Theme, extraInfo?: Record<string, string>): Promise<LaidOutDocument> {
  const template = options.templates.templates[options.packet];
  const title = PACKET_TITLES[options.packet];
  try {
    return await layOut(lexMarkdown(markdown), theme, {
      title: `${options.level.title}: ${title}`,
      subject: `${title} for ${options.level.title} interviews`,
      author: 'preppack',
      keywords: [`level:${options.level.id}`, `packet:${options.packet}`, options.level.title, title],
      header: `${options.level.title} · ${title}`,
      footnote: editionLine(options.edition),
      ...(options.edition.organisation ? { organisation: options.edition.organisation } : {}),
      creationDate: options.creationDate,
      paper: options.paper,
      tagged: options.tagged,
      language: options.level.language ?? options.language,
      ...(extraInfo ? { extraInfo } : {}),
    });
  } catch (caught) {
    if (caught instanceof RenderError) throw new PreppackError([error(template.path, directiveLine(template.source, caught.directive), caught.message)]);
    throw caught;
  }
}

export async function renderMarkdown(options: PacketOptions, markdown: string, theme: Theme, extraInfo?: Record<string, string>): Promise<TypesetPdf> {
  const { draw, ...laidOut } = await layOutMarkdown(options, markdown, theme, extraInfo);
  return { ...laidOut, bytes: await draw() };
}
