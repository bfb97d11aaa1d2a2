// One packet for one level: context → template → Markdown → PDF. The cheat
// sheet is fitted to one page (fitOnePage.ts).
import { bookletContext } from '../packets/booklet.js';
import { scorecardContext } from '../packets/scorecard.js';
import { NOT_ASSESSED, RATINGS } from '../packets/ratings.js';
import { SHEET_INFO_KEY, sheetData } from '../loops/sheetData.js';
import { themeFor } from '../render/theme.js';
import { fitCheatsheet } from './fitOnePage.js';
import { renderMarkdown, type PacketOptions, type PacketResult } from './packetDocument.js';

export async function renderPacket(options: PacketOptions): Promise<PacketResult> {
  const { library, level, edition, templates } = options;
  const theme = themeFor(templates.theme, options.packet);
  if (options.packet === 'cheatsheet') return fitCheatsheet(options, theme);
  const data = options.packet === 'booklet' ? bookletContext(library, level, edition) : scorecardContext(library, level, edition, options.sheet, options.evidenceLines, options.ratings);
  if (!data) return { kind: 'skipped', reason: 'it has no questions to score' };
  const markdown = templates.templates[options.packet].render(data);
  // A person's sheet says whose it is, for `collect`.
  const about = options.packet === 'scorecard' ? sheetData(library, level, edition.contentHash, options.sheet, options.ratings ?? RATINGS, NOT_ASSESSED) : undefined;
  const json = about && JSON.stringify(about);
  const pdf = await renderMarkdown(options, markdown, theme, json ? { [SHEET_INFO_KEY]: json } : undefined);
  // pdf-lib loads only for a fillable sheet: it costs a tenth of a second to load.
  const bytes = options.fillable && options.packet === 'scorecard' ? await (await import('../forms/addFormFields.js')).addFormFields(pdf.bytes, pdf.fields, json) : pdf.bytes;
  return { kind: 'pdf', bytes, pages: pdf.pages, markdown, fontSize: theme.fontSize, fonts: pdf.fonts ?? [] };
}
