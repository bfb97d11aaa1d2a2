// The structure pass (src/render/structure.ts) on pdfmake definitions: what
// element each piece of text becomes, before anything is laid out. The PDFs
// themselves are read back in accessibility.test.ts.
import { describe, expect, it } from 'vitest';
import { structureOf, untaggable, type StructTag } from '../src/render/structure.js';

/** The tree as "Type(child, child)" text, for comparing. */
function outline(tree: ReturnType<typeof structureOf>, tag = tree.root): string {
  const kids = tree.kids.get(tag) ?? [];
  return kids.length ? `${tag.type}(${kids.map((kid) => outline(tree, kid)).join(' ')})` : tag.type;
}

describe('the structure of a document', () => {
  it('numbers headings by outline without skipping a level, makes loose text paragraphs and a spacer nothing', () => {
    const content = [
      { text: 'Deep first', headlineLevel: 3 },
      { text: '' },
      { text: 'Top', headlineLevel: 1 },
      { text: 'Four under one', headlineLevel: 4 },
      { stack: ['loose words'] },
    ];
    const tree = structureOf(content);
    expect(outline(tree)).toBe('Document(H1 H1 H2 P)');
    // The spacer draws as an artifact: no tag reaches pdfmake.
    expect(content[1]).not.toHaveProperty('tag');
  });

  it('makes consecutive runs to one place one Link, described by their words, and a run to another place another', () => {
    const paragraph = { text: ['See ', { text: 'the ', link: 'https://a.example' }, { text: 'guide', bold: true, link: 'https://a.example' }, ' and ', { text: 'notes', link: 'https://b.example' }] };
    const tree = structureOf([paragraph]);
    expect(outline(tree)).toBe('Document(P(Link Link))');
    const links = tree.kids.get(tree.kids.get(tree.root)![0]!)!;
    expect(links.map((link) => link.alt)).toEqual(['the guide', 'notes']);
  });

  it('makes a data table rows of header and data cells, with spans, and leaves a layout table to its content', () => {
    const data = { tag: { type: 'Table' }, table: { headerRows: 1, body: [['A', 'B'], [{ text: 'wide', colSpan: 2 }, {}]] } };
    const layout = { table: { body: [[{ stack: ['quoted'] }]] } };
    const tree = structureOf([data, layout]);
    expect(outline(tree)).toBe('Document(Table(TR(TH TH) TR(TD)) P)');
    const wide = tree.kids.get(tree.kids.get(tree.kids.get(tree.root)![0]!)![1]!)![0]! as StructTag;
    expect(wide.colSpan).toBe(2);
  });

  it('puts a form field where its node is, after what the node prints', () => {
    const label = { type: 'P' };
    const content = [{ columns: [{ text: 'Date:', tag: label }, { text: ' ', tag: label, formTag: { type: 'Form', field: 'date' } }] }];
    expect(outline(structureOf(content))).toBe('Document(P(Form))');
  });
});

describe('a directive whose content cannot be tagged', () => {
  it('is named: a list pdfmake draws itself, a QR code', () => {
    expect(untaggable({ stack: [{ text: 'fine' }, { ul: ['a', 'b'] }] })).toMatch(/list drawn by pdfmake itself/);
    expect(untaggable({ columns: [{ qr: 'https://example.com' }] })).toMatch(/QR code/);
  });

  it('is not what the directives make', () => {
    expect(untaggable({ table: { body: [[{ text: 'Rating' }, { text: [{ text: '☐ ' }, 'Yes'] }]] } })).toBeUndefined();
    expect(untaggable({ stack: [{ canvas: [{ type: 'line' }] }, { text: 'x' }], unbreakable: true })).toBeUndefined();
  });
});
