// What a scoring sheet says about itself, for `preppack collect` to read back:
// the candidate, level, interviewer, the panel it belongs to, its questions
// (ids, numbers, competencies), the seed and the content's hash, and the
// rating labels. Written as JSON into the PDF's document information
// (`PreppackSheet`) and, in a fillable sheet, into a hidden read-only form
// field (`preppack.sheet`), which survives viewers that rewrite the
// information when they save a filled form.
import { z } from 'zod';
import type { Level, Library } from '../content/model.js';
import type { SheetDetails } from './sheet.js';

export const SHEET_INFO_KEY = 'PreppackSheet';
export const SHEET_FIELD = 'preppack.sheet';
/** Bumped when the shape changes; `collect` reads this version only. */
export const SHEET_DATA_VERSION = 1;

const sheetDataSchema = z.object({
  preppack: z.literal(SHEET_DATA_VERSION),
  candidate: z.string(),
  level: z.string(),
  levelTitle: z.string(),
  interviewer: z.string(),
  /** Everyone on the panel, this interviewer included; absent for a sheet made alone. */
  panel: z.array(z.string()).optional(),
  date: z.string().optional(),
  seed: z.number().int().optional(),
  contentHash: z.string(),
  ratings: z.array(z.string()).length(4),
  notAssessed: z.string(),
  questions: z.array(z.object({ id: z.string(), number: z.number().int(), prompt: z.string(), competencies: z.array(z.object({ id: z.string(), title: z.string() })) })),
});

export type SheetData = z.infer<typeof sheetDataSchema>;

/** The sheet data of a PDF, from its JSON; a sentence saying what is wrong otherwise. */
export function parseSheetData(json: string): SheetData | string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return 'its preppack sheet data is not JSON';
  }
  const parsed = sheetDataSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const version = (value as { preppack?: unknown } | null)?.preppack;
  if (typeof version === 'number' && version !== SHEET_DATA_VERSION) return `it was made by a preppack whose sheets are version ${version}; this one reads version ${SHEET_DATA_VERSION}`;
  return `its preppack sheet data is damaged (${parsed.error.issues[0]?.path.join('.') || 'root'}: ${parsed.error.issues[0]?.message})`;
}

/** The data of a sheet with a candidate and an interviewer; none for a blank one (nothing to collect). */
export function sheetData(library: Library, level: Level, contentHash: string, details: SheetDetails | undefined, ratings: readonly string[], notAssessed: string): SheetData | undefined {
  if (!details?.candidate || !details.interviewer) return undefined;
  const title = (id: string) => library.competencies.find((c) => c.id === id)?.title ?? id;
  const questions = details.questions ?? library.questions.filter((q) => q.level === level.id);
  return {
    preppack: SHEET_DATA_VERSION,
    candidate: details.candidate,
    level: level.id,
    levelTitle: level.title,
    interviewer: details.interviewer,
    ...(details.panel ? { panel: [...details.panel] } : {}),
    ...(details.date ? { date: details.date } : {}),
    ...(details.seed !== undefined ? { seed: details.seed } : {}),
    contentHash,
    ratings: [...ratings],
    notAssessed,
    questions: questions.map((q) => ({ id: q.id, number: q.number, prompt: q.prompt, competencies: q.competencies.map((id) => ({ id, title: title(id) })) })),
  };
}
