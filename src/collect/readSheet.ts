// One filled scoring sheet read back: whose it is (sheetData.ts) and what its
// form holds — each question's rating and evidence, the ticked listen-for
// points, the overall recommendation. Fields as Acrobat, Preview, Chrome,
// pdf.js or a script leave them: a radio group's chosen export value, a text
// field's value. An unfilled rating is left unfilled, never guessed.
import { PDFCheckBox, PDFDict, PDFDocument, PDFName, PDFRadioGroup, PDFString, PDFHexString, PDFTextField, type PDFForm } from 'pdf-lib';
import { parseSheetData, SHEET_FIELD, SHEET_INFO_KEY, type SheetData } from '../loops/sheetData.js';
import { slugify } from '../text/slug.js';
import { NO_DECISION } from '../packets/ratings.js';

export interface QuestionRating {
  id: string;
  number: number;
  prompt: string;
  competencies: { id: string; title: string }[];
  /** The rating label as printed ("Strong yes", "Not assessed"), or null when none was ticked. */
  rating: string | null;
  /** 0 (worst) to 3 (best); null when not assessed or unrated. */
  score: number | null;
  evidence: string;
  /** The listen-for points ticked, by their number on the sheet (1 = first). */
  ticked: number[];
}

export interface FilledSheet {
  path: string;
  data: SheetData;
  questions: QuestionRating[];
  /** The overall recommendation as printed, or null when none was ticked. */
  overall: string | null;
  takeaways: string;
}

/** Text of a document-information entry, if the PDF has it. */
function infoText(document: PDFDocument, key: string): string | undefined {
  const info = document.context.lookup(document.context.trailerInfo.Info);
  // pdfkit writes each entry as an object of its own: look it up.
  const value = info instanceof PDFDict ? document.context.lookup(info.get(PDFName.of(key))) : undefined;
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

const radioGroup = (form: PDFForm, name: string) => {
  const field = form.getFieldMaybe(name);
  return field instanceof PDFRadioGroup ? field : undefined;
};
const textField = (form: PDFForm, name: string) => {
  const field = form.getFieldMaybe(name);
  return field instanceof PDFTextField ? field : undefined;
};

/** A radio group's choice, mapped back to the label it was made from ("strong-yes" → "Strong yes"). */
function chosen(form: PDFForm, name: string, labels: readonly string[]): string | null {
  const value = radioGroup(form, name)?.getSelected();
  if (!value) return null;
  return labels.find((label) => slugify(label) === value || label === value) ?? value;
}

/** A filled sheet, or a sentence saying why this PDF is not one `collect` can read. */
export async function readSheet(path: string, bytes: Uint8Array): Promise<FilledSheet | string> {
  try {
    return read(path, await PDFDocument.load(bytes, { updateMetadata: false }));
  } catch {
    // pdf-lib opens much that is broken and fails later, on the form or the information.
    return 'it is not a PDF that can be read';
  }
}

function read(path: string, document: PDFDocument): FilledSheet | string {
  const form = document.getForm();
  const json = textField(form, SHEET_FIELD)?.getText() ?? infoText(document, SHEET_INFO_KEY);
  if (!json) return 'it is not a preppack scoring sheet (it says nothing of a candidate and an interviewer)';
  const data = parseSheetData(json);
  if (typeof data === 'string') return data;
  const text = (name: string) => textField(form, name)?.getText()?.trim() ?? '';
  const labels = [...data.ratings, data.notAssessed];
  const questions = data.questions.map((q) => {
    const rating = chosen(form, `q${q.number}.rating`, labels);
    const at = rating === null ? -1 : data.ratings.indexOf(rating);
    const ticks = form.getFields().filter((f): f is PDFCheckBox => f instanceof PDFCheckBox && f.getName().startsWith(`${q.id}.tick-`));
    return {
      ...q,
      rating,
      score: at >= 0 ? at : null,
      evidence: text(`q${q.number}.evidence`),
      ticked: ticks.filter((box) => box.isChecked()).map((box) => Number(box.getName().slice(`${q.id}.tick-`.length))).sort((a, b) => a - b),
    };
  });
  return { path, data, questions, overall: chosen(form, 'overall', [...data.ratings, NO_DECISION]), takeaways: text('takeaways') };
}

/** A PDF preppack wrote that is not a scoring sheet with someone's name on it (a plan, a debrief sheet, a booklet). */
export async function isOtherPreppackDocument(bytes: Uint8Array): Promise<boolean> {
  try {
    const document = await PDFDocument.load(bytes, { updateMetadata: false });
    const creator = infoText(document, 'Creator');
    const sheet = textField(document.getForm(), SHEET_FIELD) ?? infoText(document, SHEET_INFO_KEY);
    return creator === 'preppack' && !sheet;
  } catch {
    return false;
  }
}
