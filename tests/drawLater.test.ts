// A document laid out first and drawn later (pdfmake patch `layoutOnly`, used
// to measure fills and to try sizes) gives the very bytes of a document
// rendered in one go.
import { createHash } from 'node:crypto';
import pdfmake from 'pdfmake';
import { describe, expect, it } from 'vitest';
import { FONTS } from '../src/render/fonts.js';
import { layoutPdf } from '../src/render/pdf.js';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A fresh definition each time: pdfmake changes the one it lays out. */
function definition(): Record<string, unknown> {
  const paragraph = (n: number) => ({ text: `Paragraph ${n}: ${'words that wrap across the line '.repeat(12)}`, margin: [0, 0, 0, 6] });
  return {
    info: { title: 'Draw later', creationDate: new Date(Date.UTC(2026, 0, 1)) },
    defaultStyle: { font: 'DejaVuSans', fontSize: 10 },
    footer: (page: number, count: number) => ({ text: `Page ${page} of ${count}`, alignment: 'center' }),
    content: [{ text: 'Heading', fontSize: 18, bold: true }, ...Array.from({ length: 40 }, (_, n) => paragraph(n + 1)), { table: { body: [['a', 'b'], ['c', 'd']] } }],
  };
}

describe('a document laid out, then drawn', () => {
  it('is byte for byte the document rendered in one go, with the same page count', async () => {
    const laidOut = await layoutPdf(definition());
    const drawn = await laidOut.draw();
    pdfmake.setFonts(FONTS);
    const direct = Buffer.from(await pdfmake.createPdf(definition() as never).getBuffer());
    expect(laidOut.pages).toBeGreaterThan(2);
    expect(new TextDecoder('latin1').decode(drawn.subarray(0, 8))).toBe('%PDF-1.3');
    expect(sha(drawn)).toBe(sha(direct));
    expect(new TextDecoder('latin1').decode(direct).match(/\/Type \/Page\b/g)).toHaveLength(laidOut.pages);
  });
});
