// The bundled fonts have a glyph for every character preppack prints.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { BUNDLED_FONT_RANGES } from '../src/render/coverage.js';
import { readTree, ROOT } from './helpers.js';

const FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf'];
/** Characters the renderer adds itself: tick boxes, arrows, separators, dashes. */
const RENDERER_CHARACTERS = '☐✓→·—–“”‘’\u2011';

function charactersOf(text: string): Set<string> {
  return new Set([...text].filter((c) => !/\s/u.test(c)));
}

describe('the bundled fonts', () => {
  const library = [...readTree(join(ROOT, 'content')).values(), ...readTree(join(ROOT, 'templates')).values()].join('\n');
  const needed = charactersOf(library + RENDERER_CHARACTERS);

  it('are there with their licence', () => {
    expect(readFileSync(join(ROOT, 'fonts', 'LICENSE-DejaVu.txt'), 'utf8')).toContain('Bitstream Vera');
  });

  it.each(FONTS)('%s has every code point of the ranges the glyph check takes as printable without opening a font', (name) => {
    const font = fontkit.openSync(join(ROOT, 'fonts', name)) as fontkit.Font;
    const missing: string[] = [];
    for (const [from, to] of BUNDLED_FONT_RANGES) for (let code = from; code <= to; code++) if (!font.hasGlyphForCodePoint(code)) missing.push(code.toString(16));
    expect(missing).toEqual([]);
  });

  it.each(FONTS)('%s has a glyph for every character of the content library and the templates', (name) => {
    const font = fontkit.openSync(join(ROOT, 'fonts', name)) as fontkit.Font;
    const missing = [...needed].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!));
    expect(missing).toEqual([]);
    expect(needed.has('\u2011')).toBe(true);
    expect(needed.has('☐')).toBe(true);
  });

  it("a font without them is caught: pdfmake's default Roboto lacks the tick box", () => {
    const roboto = fontkit.openSync(join(ROOT, 'node_modules', 'pdfmake', 'build', 'fonts', 'Roboto', 'Roboto-Medium.ttf')) as fontkit.Font;
    expect(roboto.hasGlyphForCodePoint('☐'.codePointAt(0)!)).toBe(false);
  });
});
