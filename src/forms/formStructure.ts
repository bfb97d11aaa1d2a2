// A fillable sheet a screen reader can fill: each field says what it is
// (`/TU`: "Question 3 rating"), and each widget hangs in the structure tree
// under the `Form` element the layout left at its place in the reading order
// (structure.ts names it by the field in its `/T`, which is removed here),
// with its `/StructParent` in the parent tree, as PDF/UA asks.
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFField } from 'pdf-lib';

const KEY = { S: PDFName.of('S'), K: PDFName.of('K'), T: PDFName.of('T'), Form: PDFName.of('Form') };

/** The Form elements of a tagged PDF's structure tree, by the field (and radio value) in their `/T`. */
function formElements(document: PDFDocument): Map<string, PDFRef> {
  const found = new Map<string, PDFRef>();
  const root = document.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const visit = (value: unknown, ref?: PDFRef): void => {
    if (value instanceof PDFRef) return visit(document.context.lookup(value), value);
    if (value instanceof PDFArray) {
      for (let i = 0; i < value.size(); i++) visit(value.get(i));
      return;
    }
    if (!(value instanceof PDFDict)) return;
    const title = value.lookup(KEY.T);
    if (value.get(KEY.S) === KEY.Form && ref && (title instanceof PDFString || title instanceof PDFHexString)) found.set(title.decodeText(), ref);
    visit(value.get(KEY.K));
  };
  if (root) visit(root.get(KEY.K));
  return found;
}

export class FormStructure {
  private readonly forms: Map<string, PDFRef>;

  constructor(private readonly document: PDFDocument) {
    this.forms = formElements(document);
  }

  /**
   * Says what the field is, and hangs each of its widgets (in the order given:
   * a radio group's choices) under its Form element. The name goes on the
   * field, where the PDF standard reads it, and on each widget too, where
   * pdf.js (Firefox) and qpdf read it: pdf-lib keeps a field and its widgets
   * apart. A radio button says its choice too: "Question 3 rating: Yes".
   */
  describe(field: PDFField, spoken: string, places: { key: string; page: number; spoken?: string }[]): void {
    field.acroField.dict.set(PDFName.of('TU'), PDFHexString.fromText(spoken));
    field.acroField.getWidgets().forEach((widget, i) => {
      const place = places[i];
      if (widget.dict !== field.acroField.dict) widget.dict.set(PDFName.of('TU'), PDFHexString.fromText(place?.spoken ?? spoken));
      const form = place && this.forms.get(place.key);
      if (!place || !form) return;
      this.hang(this.document.context.getObjectRef(widget.dict)!, this.document.getPage(place.page - 1).ref, form);
    });
  }

  private hang(widget: PDFRef, page: PDFRef, form: PDFRef): void {
    const context = this.document.context;
    const element = context.lookup(form, PDFDict);
    element.set(KEY.K, context.obj([{ Type: 'OBJR', Obj: widget, Pg: page }]));
    element.set(PDFName.of('Pg'), page);
    element.delete(KEY.T);
    const root = this.document.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const next = root.lookup(PDFName.of('ParentTreeNextKey'), PDFNumber);
    const key = next.asNumber();
    context.lookup(widget, PDFDict).set(PDFName.of('StructParent'), PDFNumber.of(key));
    const tree = root.lookup(PDFName.of('ParentTree'), PDFDict);
    tree.lookup(PDFName.of('Nums'), PDFArray).push(PDFNumber.of(key));
    tree.lookup(PDFName.of('Nums'), PDFArray).push(form);
    const limits = tree.lookupMaybe(PDFName.of('Limits'), PDFArray);
    if (limits) limits.set(1, PDFNumber.of(key));
    root.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(key + 1));
  }
}
