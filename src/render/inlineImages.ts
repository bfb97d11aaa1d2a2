// Images the render cannot show as pictures: pdfmake places an image only as
// a block of its own, so an image inside a line of text, a list item, a table
// cell, a heading or a link (a badge) prints as its description. They are
// found here so that each is a warning, not a silent `[description]`.
import type { Token, Tokens } from 'marked';

/** Whether a paragraph is one image and nothing else: that one is shown as a picture. */
export function loneImage(paragraph: Tokens.Paragraph): Tokens.Image | undefined {
  const only = (paragraph.tokens ?? []).filter((t) => !(t.type === 'text' && !t.raw.trim()));
  return only.length === 1 && only[0]!.type === 'image' ? (only[0] as Tokens.Image) : undefined;
}

/** Every image token of a document that is not a paragraph of its own, in document order. */
export function imagesInText(tokens: readonly Token[]): Tokens.Image[] {
  const found: Tokens.Image[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const token = value as Token;
    if (token.type === 'paragraph' && loneImage(token as Tokens.Paragraph)) return;
    if (token.type === 'image') found.push(token as Tokens.Image);
    for (const key of Object.keys(token)) if (key !== 'raw' && key !== 'text') visit((token as Record<string, unknown>)[key]);
  };
  visit(tokens);
  return found;
}
