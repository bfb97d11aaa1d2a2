// A fillable PDF: real form fields over the laid-out page, added with pdf-lib
// to the bytes pdfmake wrote (pdfmake has no forms; pdfkit under it draws no
// appearance for radio buttons; pdf-lib draws them and adds fields to a
// finished PDF). Fields have no border and no background, so the page prints
// as before; a chosen rating shows a tick in its printed box.
import { createRequire } from 'node:module';
import { drawCheckMark, PDFDict, PDFDocument, PDFName, PDFRef, rgb, type PDFField, type PDFFont } from 'pdf-lib';
import { inputBytes } from '../fs/readInput.js';
import { BUNDLED_FONT, FONTS } from '../render/fonts.js';
import { formElementKey, type PlacedField } from '../render/formFields.js';
import { FormStructure } from './formStructure.js';
import { SHEET_FIELD } from '../loops/sheetData.js';

const INK = rgb(0.1, 0.12, 0.14);

/** Removes the looks pdf-lib drew before we changed a widget: it saves every object it made, used or not. */
function dropLooks(document: PDFDocument, field: PDFField): void {
  for (const widget of field.acroField.getWidgets()) {
    const looks = widget.dict.lookupMaybe(PDFName.of('AP'), PDFDict);
    for (const state of [PDFName.of('N'), PDFName.of('D'), PDFName.of('R')]) {
      const look = looks?.get(state);
      if (look instanceof PDFRef) document.context.delete(look);
      else if (look instanceof PDFDict) for (const value of look.values()) if (value instanceof PDFRef) document.context.delete(value);
    }
  }
}

/** Field widgets as plain as the paper: no background, no border. */
function bare(field: PDFField): void {
  for (const widget of field.acroField.getWidgets()) {
    const look = widget.getAppearanceCharacteristics();
    look?.dict.delete(PDFName.of('BG'));
    look?.dict.delete(PDFName.of('BC'));
    widget.getOrCreateBorderStyle().setWidth(0);
  }
}

function addText(document: PDFDocument, font: PDFFont, field: Extract<PlacedField, { kind: 'text' }>, structure: FormStructure): void {
  const page = document.getPage(field.rect.page - 1);
  const text = document.getForm().createTextField(field.name);
  if (field.multiline) text.enableMultiline();
  text.addToPage(page, { x: field.rect.x, y: field.rect.y, width: field.rect.width, height: field.rect.height, borderWidth: 0, font });
  bare(text);
  dropLooks(document, text);
  text.setFontSize(field.multiline ? Math.min(field.fontSize, 10) : field.fontSize);
  text.defaultUpdateAppearances(font);
  structure.describe(text, field.spoken, [{ key: formElementKey(field.name), page: field.rect.page }]);
}

/** One "on" and one "off" look, shared by every radio button: a tick inside the printed box, and nothing. */
interface RadioLooks {
  on: PDFRef;
  off: PDFRef;
}

function radioLooks(document: PDFDocument, width: number, height: number): RadioLooks {
  const context = document.context;
  const look = (operators: ReturnType<typeof drawCheckMark>) =>
    context.register(context.formXObject(operators, { BBox: context.obj([0, 0, width, height]), Matrix: context.obj([1, 0, 0, 1, 0, 0]) }));
  return { on: look(drawCheckMark({ x: width / 2, y: height / 2, size: Math.min(width, height) * 0.8, thickness: 1.4, color: INK })), off: look([]) };
}

function addRadio(document: PDFDocument, field: Extract<PlacedField, { kind: 'radio' }>, looks: (width: number, height: number) => RadioLooks, structure: FormStructure): void {
  const group = document.getForm().createRadioGroup(field.name);
  for (const choice of field.choices) {
    const { page, x, y, width, height } = choice.rect;
    group.addOptionToPage(choice.value, document.getPage(page - 1), { x, y, width, height, borderWidth: 0 });
  }
  bare(group);
  dropLooks(document, group);
  // Every button of every group uses the same two looks: a fillable sheet stays small.
  for (const widget of group.acroField.getWidgets()) {
    const { width, height } = widget.getRectangle();
    const shared = looks(width, height);
    const onValue = widget.getOnValue();
    if (!onValue) continue;
    widget.setNormalAppearance(document.context.obj({ [onValue.decodeText()]: shared.on, Off: shared.off }));
    widget.removeDownAppearance();
  }
  structure.describe(group, field.spoken, field.choices.map((choice) => ({ key: formElementKey(field.name, choice.value), page: choice.rect.page, spoken: `${field.spoken}: ${choice.label}` })));
}

/** A tick box: a check box over the printed box, ticked in the same hand as a rating. */
function addCheck(document: PDFDocument, field: Extract<PlacedField, { kind: 'check' }>, looks: (width: number, height: number) => RadioLooks, structure: FormStructure): void {
  const { page, x, y, width, height } = field.rect;
  const box = document.getForm().createCheckBox(field.name);
  box.addToPage(document.getPage(page - 1), { x, y, width, height, borderWidth: 0 });
  bare(box);
  dropLooks(document, box);
  const shared = looks(width, height);
  for (const widget of box.acroField.getWidgets()) {
    const onValue = widget.getOnValue();
    if (!onValue) continue;
    widget.setNormalAppearance(document.context.obj({ [onValue.decodeText()]: shared.on, Off: shared.off }));
    widget.removeDownAppearance();
  }
  if (field.checked) box.check();
  structure.describe(box, field.spoken, [{ key: formElementKey(field.name), page }]);
}

/**
 * The font of the fields: the theme's own (DejaVu Sans), embedded whole, not
 * a subset and not Helvetica, so that a viewer that draws what is typed
 * (NeedAppearances) has every Latin, Greek, Cyrillic, Hebrew and Arabic letter;
 * Helvetica's WinAnsi has none of them.
 */
async function fieldFont(document: PDFDocument): Promise<PDFFont> {
  document.registerFontkit(createRequire(import.meta.url)('fontkit') as never);
  return document.embedFont(inputBytes(FONTS[BUNDLED_FONT]!.normal, 'font'), { subset: false });
}

/** Whose sheet it is (sheetData.ts), in a hidden read-only field that a viewer keeps when it saves the form. */
function addSheetData(document: PDFDocument, font: PDFFont, json: string): void {
  const field = document.getForm().createTextField(SHEET_FIELD);
  // In ASCII (\u escapes are JSON too): a viewer that redraws the field draws it in Helvetica, which has no other letters.
  field.setText(json.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  field.enableReadOnly();
  // Drawn (in nothing: it is 0 × 0 and hidden) with the embedded font, not Helvetica: PDF/UA allows no font that is not embedded.
  field.addToPage(document.getPage(0), { x: 0, y: 0, width: 0, height: 0, borderWidth: 0, hidden: true, font });
  bare(field);
}

/** The PDF with its form fields (and whose sheet it is, when known); the same bytes in, the same bytes out. */
export async function addFormFields(bytes: Uint8Array, fields: readonly PlacedField[], sheetJson?: string): Promise<Buffer> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const font = await fieldFont(document);
  const looks = new Map<string, RadioLooks>();
  const looksFor = (width: number, height: number) => {
    const key = `${width.toFixed(2)}x${height.toFixed(2)}`;
    if (!looks.has(key)) looks.set(key, radioLooks(document, width, height));
    return looks.get(key)!;
  };
  if (sheetJson) addSheetData(document, font, sheetJson);
  const structure = new FormStructure(document);
  for (const field of fields) {
    if (field.kind === 'text') addText(document, font, field, structure);
    else if (field.kind === 'check') addCheck(document, field, looksFor, structure);
    else addRadio(document, field, looksFor, structure);
  }
  return Buffer.from(await document.save({ updateFieldAppearances: false }));
}
