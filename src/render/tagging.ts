// Writes a tagged PDF's structure while pdfmake draws (patches/: its Renderer
// tells `begin(tag)` before each thing it draws and `end()` after). What has a
// tag becomes marked content of that element (an MCID in the page's parent
// tree); the rest is an artifact. Once every page is drawn, `finish` builds
// the elements in reading order (structure.ts): each element's children are
// its child elements in document order, with its own runs of text placed
// among them in the order they were drawn (a paragraph's words around a link).
import type { StructTag, StructureTree } from './structure.js';

/** The parts of pdfkit's PDFDocument (0.19) tagging needs. */
interface StructureContent {
  readonly refs: unknown[];
}
interface StructureElement {
  add(child: StructureElement | StructureContent): StructureElement;
  end(): void;
  dictionary: { data: Record<string, unknown> };
}
export interface TaggablePdf {
  markContent(tag: string, options?: Record<string, unknown>): unknown;
  markStructureContent(tag: string, options?: Record<string, unknown>): StructureContent;
  endMarkedContent(): unknown;
  struct(type: string, options?: Record<string, unknown>): StructureElement;
  addStructure(element: StructureElement): unknown;
  /** pdfkit hangs a link's annotation under this element when it is a `Link` (its `_fragment`, and patches/ for internal links). */
  _currentStructureElement?: StructureElement;
}

interface Drawn {
  order: number;
  content: StructureContent;
}

export class StructureWriter {
  private order = 0;
  private readonly drawn = new Map<StructTag, Drawn[]>();
  private readonly elements = new Map<StructTag, StructureElement>();
  private readonly firstDrawn = new Map<StructTag, number>();

  constructor(
    private readonly pdf: TaggablePdf,
    private readonly tree: StructureTree,
  ) {}

  /** Before pdfmake draws something: the content of `tag`'s element, or (no tag) an artifact. */
  begin(tag: StructTag | undefined): void {
    if (!tag) {
      this.pdf.markContent('Artifact');
      return;
    }
    const content = this.pdf.markStructureContent(tag.type);
    const list = this.drawn.get(tag);
    const entry = { order: this.order++, content };
    if (list) list.push(entry);
    else this.drawn.set(tag, [entry]);
    if (tag.type === 'Link') this.pdf._currentStructureElement = this.element(tag);
  }

  end(): void {
    this.pdf.endMarkedContent();
    this.pdf._currentStructureElement = undefined;
  }

  /** The element of a tag, made once. A link's annotations are hung under it as they are drawn, each described by the link's words. */
  private element(tag: StructTag): StructureElement {
    let element = this.elements.get(tag);
    if (element) return element;
    // A link says what it links in its words, else where it leads.
    const alt = tag.type === 'Link' ? tag.alt?.trim() || tag.target : tag.alt;
    element = this.pdf.struct(tag.type, { ...(alt ? { alt } : {}), ...(tag.scope ? { scope: tag.scope } : {}), ...(tag.field ? { title: tag.field } : {}) });
    // A cell's span is a Table attribute (pdfkit writes only the scope).
    if (tag.colSpan || tag.rowSpan) element.dictionary.data.A = { ...(element.dictionary.data.A as object), O: 'Table', ...(tag.colSpan ? { ColSpan: tag.colSpan } : {}), ...(tag.rowSpan ? { RowSpan: tag.rowSpan } : {}) };
    if (tag.type === 'Link') {
      const add = element.add.bind(element);
      element.add = (child) => {
        // An annotation (not yet written) says what it links: PDF/UA asks links for a description (/Contents).
        const annotation = (child as { annotationRef?: { data: Record<string, unknown> } }).annotationRef;
        if (annotation && alt) annotation.data.Contents = new String(alt);
        return add(child);
      };
    }
    this.elements.set(tag, element);
    return element;
  }

  /** When a tag's subtree was first drawn; never, Infinity. */
  private firstDrawnOf(tag: StructTag): number {
    const known = this.firstDrawn.get(tag);
    if (known !== undefined) return known;
    let first = this.drawn.get(tag)?.[0]?.order ?? Infinity;
    for (const kid of this.tree.kids.get(tag) ?? []) first = Math.min(first, this.firstDrawnOf(kid));
    this.firstDrawn.set(tag, first);
    return first;
  }

  private readonly built = new Set<StructTag>();

  private build(tag: StructTag): StructureElement {
    this.built.add(tag);
    const element = this.element(tag);
    const own = this.drawn.get(tag) ?? [];
    let next = 0;
    for (const kid of this.tree.kids.get(tag) ?? []) {
      // A kid with nothing drawn (a form field's place, an empty cell) comes after what its parent drew of its own: a field after its label.
      const at = this.firstDrawnOf(kid);
      while (next < own.length && own[next]!.order < at) element.add(own[next++]!.content);
      element.add(this.build(kid));
    }
    while (next < own.length) element.add(own[next++]!.content);
    return element;
  }

  /** After the last page: the structure tree, under the catalog's root. */
  finish(): void {
    const root = this.build(this.tree.root);
    // Content drawn for a tag the tree does not hold (none should be) is still referenced: under the root, at the end.
    for (const tag of this.drawn.keys()) if (!this.built.has(tag)) root.add(this.build(tag));
    this.pdf.addStructure(root);
    root.end();
  }
}
