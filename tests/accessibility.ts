// A PDF/UA-1 check built from what runs offline here (no veraPDF, no PAC):
// qpdf's JSON for the objects (catalog, structure tree, annotations, fields,
// fonts) and pdf.js for what each page draws inside which marked content.
// It checks the Matterhorn Protocol's machine-checkable conditions that
// preppack's PDFs can fail (README: "Accessible PDFs"); each problem names its
// checkpoint.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

type Value = string | number | boolean | null | Value[] | { [key: string]: Value };
type Dict = Record<string, Value>;

/** The PDF's objects as qpdf gives them (JSON v2): "obj:12 0 R" → value. */
export function pdfObjects(path: string): { objects: Record<string, { value?: Value; stream?: { dict: Dict } }>; root: Dict } {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-stream-data=none', path], { encoding: 'utf8', maxBuffer: 1 << 28 })) as { qpdf: [unknown, Record<string, { value?: Value; stream?: { dict: Dict } }>] };
  const objects = json.qpdf[1];
  const trailer = objects.trailer!.value as Dict;
  return { objects, root: objects[`obj:${trailer['/Root'] as string}`]!.value as Dict };
}

/** A structure element as read back: its type, what it says of itself, and its children in order. */
export interface StructElement {
  type: string;
  alt?: string;
  scope?: string;
  /** The page objects and MCIDs of its own content, in order. */
  content: { page: string; mcid: number }[];
  /** Annotations hung under it (links, form widgets), by object reference. */
  annotations: string[];
  children: StructElement[];
  /** Its kids in order: an element or a piece of its own content. */
  order: ({ element: StructElement } | { page: string; mcid: number })[];
}

/** A PDF text string as qpdf gives it: "u:…" decoded, "b:…" hex (UTF-16 with a byte order mark, or bytes). */
const text = (value: Value | undefined): string | undefined => {
  if (typeof value !== 'string') return undefined;
  if (value.startsWith('u:')) return value.slice(2);
  if (!value.startsWith('b:')) return undefined;
  const bytes = Buffer.from(value.slice(2), 'hex');
  return bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2).swap16().toString('utf16le') : bytes.toString('latin1');
};

/** The whole structure tree, from the catalog's StructTreeRoot. */
export function structureTree(path: string): StructElement | undefined {
  const { objects, root } = pdfObjects(path);
  const deref = (value: Value | undefined): Value | undefined => (typeof value === 'string' && / 0 R$/.test(value) ? (objects[`obj:${value}`]?.value ?? objects[`obj:${value}`]?.stream?.dict) : value);
  const treeRoot = deref(root['/StructTreeRoot']) as Dict | undefined;
  if (!treeRoot) return undefined;
  const element = (dict: Dict, inheritedPage?: string): StructElement => {
    const attributes = deref(dict['/A']) as Dict | undefined;
    const page = (dict['/Pg'] as string | undefined) ?? inheritedPage;
    const result: StructElement = { type: String(dict['/S'] ?? '/StructTreeRoot').slice(1), alt: text(dict['/Alt']), scope: attributes ? String(attributes['/Scope'] ?? '').slice(1) || undefined : undefined, content: [], annotations: [], children: [], order: [] };
    const kids = dict['/K'];
    for (const kid of Array.isArray(kids) ? kids : kids === undefined ? [] : [kids]) {
      if (typeof kid === 'number') {
        const piece = { page: page!, mcid: kid };
        result.content.push(piece);
        result.order.push(piece);
        continue;
      }
      const value = deref(kid) as Dict;
      if (value['/Type'] === '/MCR') {
        const piece = { page: value['/Pg'] as string, mcid: value['/MCID'] as number };
        result.content.push(piece);
        result.order.push(piece);
      } else if (value['/Type'] === '/OBJR') result.annotations.push(value['/Obj'] as string);
      else {
        const child = element(value, page);
        result.children.push(child);
        result.order.push({ element: child });
      }
    }
    return result;
  };
  return element(treeRoot);
}

/** Every element of a tree, depth first (the reading order). */
export function elementsOf(tree: StructElement): StructElement[] {
  return [tree, ...tree.children.flatMap(elementsOf)];
}

/** The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4): any other would need a role map. */
const STANDARD = new Set('Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(' '));

/** pdf.js operators that paint: each must be inside marked content (a tagged element's or an artifact). */
const PAINTS = new Set(['showText', 'showSpacedText', 'nextLineShowText', 'nextLineSetSpacingShowText', 'stroke', 'closeStroke', 'fill', 'eoFill', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke', 'shadingFill', 'paintImageXObject', 'paintInlineImageXObject', 'paintImageMaskXObject', 'paintFormXObjectBegin'].map((name) => (OPS as Record<string, number>)[name]).filter((op) => op !== undefined));
const BEGIN = new Set([OPS.beginMarkedContent, OPS.beginMarkedContentProps]);

export interface PageContent {
  /** Painting operators outside any marked content. */
  unmarked: number;
  /** Text pieces inside tagged content: id ("p12R_mc3") and where they are. */
  tagged: { id: string; text: string; x: number; y: number }[];
  /** Every piece of text with the tags of the marked content it is in, outermost first ("P", "Link"; "Artifact"). */
  pieces: { text: string; in: string[] }[];
}

/** What each page draws, read back by pdf.js. */
export async function pageContents(path: string): Promise<{ page: string; content: PageContent }[]> {
  const document = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  const pages = [];
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const operators = await page.getOperatorList();
    let depth = 0;
    let unmarked = 0;
    operators.fnArray.forEach((op, i) => {
      if (BEGIN.has(op)) depth++;
      else if (op === OPS.endMarkedContent) depth--;
      // pdf.js 5 gives a path with the operator that paints it (or ends it unpainted, a clip) as its first argument.
      else if (depth === 0 && (PAINTS.has(op) || (op === OPS.constructPath && PAINTS.has((operators.argsArray[i] as number[])[0]!)))) unmarked++;
    });
    const textContent = await page.getTextContent({ includeMarkedContent: true });
    const open: { tag: string; id?: string }[] = [];
    const tagged: PageContent['tagged'] = [];
    const pieces: PageContent['pieces'] = [];
    for (const item of textContent.items as { type?: string; id?: string; tag?: string; str?: string; transform?: number[] }[]) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push({ tag: item.tag!, id: item.tag === 'Artifact' ? 'Artifact' : (item.id ?? undefined) });
      else if (item.type === 'endMarkedContent') open.pop();
      else if (item.str?.trim()) {
        pieces.push({ text: item.str, in: open.map((mark) => mark.tag) });
        // The innermost mark with an MCID (a Span with /ActualText inside a paragraph has none).
        const id = [...open].reverse().find((mark) => mark.id !== undefined)?.id;
        if (id !== 'Artifact') tagged.push({ id: id ?? '', text: item.str, x: item.transform![4]!, y: item.transform![5]! });
      }
    }
    pages.push({ page: `${page.ref!.num} 0 R`, content: { unmarked, tagged, pieces } });
  }
  await document.destroy();
  return pages;
}

/** The Matterhorn conditions a PDF fails, each as "checkpoint: what"; none, []. */
export async function accessibilityProblems(path: string): Promise<string[]> {
  const problems: string[] = [];
  const { objects, root } = pdfObjects(path);
  const deref = (value: Value | undefined): Dict | undefined => (typeof value === 'string' && / 0 R$/.test(value) ? ((objects[`obj:${value}`]?.value ?? objects[`obj:${value}`]?.stream?.dict) as Dict) : (value as Dict | undefined));

  // Document level.
  if (deref(root['/MarkInfo'])?.['/Marked'] !== true) problems.push('01-002 MarkInfo: /Marked is not true');
  if (!text(root['/Lang'])?.trim()) problems.push('11-001 the document has no /Lang');
  if (deref(root['/ViewerPreferences'])?.['/DisplayDocTitle'] !== true) problems.push('07-001 DisplayDocTitle is not true');
  const info = deref((objects.trailer!.value as Dict)['/Info']);
  const title = info?.['/Title'];
  if (!text(typeof title === 'string' && / 0 R$/.test(title) ? (objects[`obj:${title}`]?.value as Value) : title)?.trim()) problems.push('06-003 the document has no title');
  const metadata = execFileSync('qpdf', ['--show-object=' + String(root['/Metadata']).replace(' 0 R', ''), '--filtered-stream-data', path], { encoding: 'utf8' });
  if (!/<pdfuaid:part>1<\/pdfuaid:part>/.test(metadata)) problems.push('06-002 the XMP metadata has no PDF/UA identification');
  if (!/<dc:title>/.test(metadata)) problems.push('06-003 the XMP metadata has no dc:title');

  // Fonts: embedded, with a way back to Unicode.
  for (const [key, object] of Object.entries(objects)) {
    const dict = object.value as Dict | undefined;
    if (!dict || typeof dict !== 'object' || Array.isArray(dict) || dict['/Type'] !== '/Font' || ['/CIDFontType0', '/CIDFontType2', '/Type3'].includes(String(dict['/Subtype']))) continue;
    if (!dict['/ToUnicode']) problems.push(`31-006 font ${key} ${String(dict['/BaseFont'])} has no ToUnicode map`);
    const descendant = deref((dict['/DescendantFonts'] as Value[] | undefined)?.[0]) ?? dict;
    const descriptor = deref(descendant['/FontDescriptor']);
    if (!descriptor?.['/FontFile'] && !descriptor?.['/FontFile2'] && !descriptor?.['/FontFile3']) problems.push(`31-001 font ${String(dict['/BaseFont'])} is not embedded`);
  }

  const tree = structureTree(path);
  if (!tree) return [...problems, '01-001 the document has no structure tree'];
  const elements = elementsOf(tree).slice(1);
  for (const element of elements) if (!STANDARD.has(element.type)) problems.push(`02-001 non-standard structure type ${element.type}`);

  // Headings: the first is H1, none skips a level.
  const headings = elements.filter((e) => /^H[1-6]$/.test(e.type)).map((e) => Number(e.type.slice(1)));
  if (headings.length && headings[0] !== 1) problems.push(`14-002 the first heading is H${headings[0]}`);
  headings.forEach((level, i) => {
    if (i > 0 && level > headings[i - 1]! + 1) problems.push(`14-003 H${headings[i - 1]} is followed by H${level}`);
  });

  // Tables: rows of cells, with header cells.
  for (const table of elements.filter((e) => e.type === 'Table')) {
    const rows = table.children.flatMap((child) => (['THead', 'TBody', 'TFoot'].includes(child.type) ? child.children : [child]));
    if (rows.some((row) => row.type !== 'TR')) problems.push('15-000 a Table holds something other than rows');
    if (rows.some((row) => row.children.some((cell) => cell.type !== 'TH' && cell.type !== 'TD'))) problems.push('15-000 a table row holds something other than cells');
    if (!rows.some((row) => row.children.some((cell) => cell.type === 'TH'))) problems.push('15-003 a table has no header cells');
  }
  for (const figure of elements.filter((e) => e.type === 'Figure')) if (!figure.alt?.trim()) problems.push('13-004 a Figure has no alternate text');

  // Annotations: each link in a Link element, each widget in a Form element, with descriptions; pages with annotations tab in structure order.
  const annotationParent = new Map<string, string>();
  for (const element of elements) for (const annotation of element.annotations) annotationParent.set(annotation, element.type);
  const fieldsByWidget = new Map<string, Dict>();
  for (const [key, object] of Object.entries(objects)) {
    const dict = object.value as Dict | undefined;
    if (!dict || typeof dict !== 'object' || Array.isArray(dict)) continue;
    if (dict['/Type'] === '/Page' && Array.isArray(dict['/Annots']) && dict['/Annots'].length && dict['/Tabs'] !== '/S') problems.push(`28-002 page ${key} has annotations but no /Tabs /S`);
    if (dict['/Subtype'] === '/Widget') fieldsByWidget.set(key.slice(4), dict);
  }
  for (const [key, object] of Object.entries(objects)) {
    const dict = object.value as Dict | undefined;
    if (!dict || typeof dict !== 'object' || Array.isArray(dict) || dict['/Type'] !== '/Annot') continue;
    const ref = key.slice(4);
    if (dict['/Subtype'] === '/Link') {
      if (annotationParent.get(ref) !== 'Link') problems.push(`28-011 link annotation ${ref} is not in a Link element`);
      if (!text(dict['/Contents'])?.trim()) problems.push(`28-004 link annotation ${ref} has no /Contents`);
    } else if (dict['/Subtype'] === '/Widget' && !(Number(dict['/F'] ?? 0) & 2)) {
      // A hidden widget (a sheet's data for collect) is no part of the page a reader meets.
      if (annotationParent.get(ref) !== 'Form') problems.push(`28-005 widget ${ref} is not in a Form element`);
      // The name on the field, where the standard reads it, and on the widget, where pdf.js and qpdf read it.
      const field = dict['/T'] !== undefined ? dict : deref(dict['/Parent']);
      if (!text(field?.['/TU'])?.trim() || !text(dict['/TU'])?.trim()) problems.push(`28-009 field ${text(field?.['/T']) ?? ref} has no spoken name (/TU)`);
      if (!deref(dict['/AP'])) problems.push(`28-010 widget ${ref} has no appearance`);
    } else if (dict['/Subtype'] !== '/Widget' && !text(dict['/Contents'])?.trim()) problems.push(`28-004 annotation ${ref} has no /Contents`);
  }

  // Content: everything painted is marked; tagged text belongs to an element of the tree.
  const inTree = new Set(elements.flatMap((e) => e.content.map((c) => `p${c.page.replace(' 0 R', '')}R_mc${c.mcid}`)));
  for (const { page, content } of await pageContents(path)) {
    if (content.unmarked) problems.push(`01-005 page ${page}: ${content.unmarked} painting operators are neither artifact nor tagged content`);
    for (const piece of content.tagged) if (!inTree.has(piece.id)) problems.push(`01-005 page ${page}: "${piece.text}" is marked (${piece.id || 'no MCID'}) but in no structure element`);
  }
  return problems;
}

/** The text of a PDF's tagged content in structure order: what a screen reader reads. */
export async function readingOrder(path: string): Promise<{ text: string; page: number; x: number; y: number }[]> {
  const tree = structureTree(path);
  if (!tree) return [];
  const pages = await pageContents(path);
  const byId = new Map<string, { text: string; page: number; x: number; y: number }[]>();
  pages.forEach(({ content }, index) => {
    for (const piece of content.tagged) {
      const list = byId.get(piece.id) ?? [];
      list.push({ text: piece.text, page: index + 1, x: piece.x, y: piece.y });
      byId.set(piece.id, list);
    }
  });
  const order: { text: string; page: number; x: number; y: number }[] = [];
  const visit = (element: StructElement) => {
    for (const kid of element.order) {
      if ('element' in kid) visit(kid.element);
      else order.push(...(byId.get(`p${kid.page.replace(' 0 R', '')}R_mc${kid.mcid}`) ?? []));
    }
  };
  visit(tree);
  return order;
}
