// HTML inside Markdown, read with htmlparser2 (a forgiving, streaming HTML
// parser: attributes quoted or not, entities, tags left open, as people write
// them in READMEs) rather than patterns: a block of HTML as a tree, and an
// inline tag (marked gives `<kbd>` and `</kbd>` as tokens of their own) as its
// name and attributes.
import { DomHandler, Parser } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

export type { ChildNode, Element };

/** A block of HTML as a tree; `open` is its last top-level element when the block leaves it open (`<div align="center">` … Markdown … `</div>`). */
export interface HtmlFragment {
  nodes: ChildNode[];
  open?: Element;
}

const OPTIONS = { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true };

/** A DOM builder that also notes the outermost element the text leaves open: the parser closes those "implied" at the end. */
class OpenTracking extends DomHandler {
  ending = false;
  open?: Element;
  override onclosetag(name?: string, implied?: boolean): void {
    const element = this.tagStack.at(-1) as Element | undefined;
    if (this.ending && implied && element && element.name === name) this.open = element;
    super.onclosetag();
  }
}

export function parseHtmlBlock(html: string): HtmlFragment {
  const handler = new OpenTracking();
  const parser = new Parser(handler, OPTIONS);
  parser.write(html);
  handler.ending = true;
  parser.end();
  const nodes = handler.root.children;
  const open = handler.open;
  return { nodes, open: open && nodes.includes(open) ? open : undefined };
}

/** What one inline HTML token is: a tag opened (or one that closes itself), a tag closed, or something that prints nothing (a comment, a declaration). */
export type InlineTag = { kind: 'open'; name: string; attributes: Record<string, string>; selfClosing: boolean } | { kind: 'close'; name: string } | { kind: 'none' };

/** The tags that never have content. */
export const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

export function parseInlineTag(html: string): InlineTag {
  const text = html.trim();
  // CommonMark has already read a closing tag as `</name>` with optional white space (the parser drops a closing tag it never saw open).
  if (text.startsWith('</')) return { kind: 'close', name: text.slice(2, -1).trim().toLowerCase() };
  let tag: InlineTag = { kind: 'none' };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (tag.kind === 'none') tag = { kind: 'open', name, attributes, selfClosing: VOID_TAGS.has(name) || text.endsWith('/>') };
      },
    },
    OPTIONS,
  );
  parser.write(text);
  parser.end();
  return tag;
}

/** The text of a tree as a browser shows it, white space collapsed (a table cell's, a heading's…). */
export function textOf(nodes: readonly ChildNode[]): string {
  let text = '';
  const visit = (node: ChildNode) => {
    if (node.type === 'text') text += node.data;
    else if ('children' in node && node.type !== 'script' && node.type !== 'style') for (const child of node.children) visit(child as ChildNode);
  };
  for (const node of nodes) visit(node);
  return text;
}
