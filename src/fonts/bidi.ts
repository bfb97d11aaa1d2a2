// The Unicode bidirectional algorithm (UAX #9) for a paragraph: each
// character's embedding level, even left to right, odd right to left. bidi-js
// passes the Unicode conformance tests (BidiTest, BidiCharacterTest), is plain
// JavaScript with no native parts, and is kept up by troika's author; fontkit
// already shapes and reverses each right-to-left run, so the levels are all we
// need to put runs and words in reading order (patches/pdfmake: Line.reorderByBidiLevel).
import { createRequire } from 'node:module';

interface Bidi {
  getEmbeddingLevels: (text: string, direction?: 'ltr' | 'rtl') => { levels: Uint8Array; paragraphs: { start: number; end: number; level: number }[] };
  getMirroredCharacter: (char: string) => string | null;
}

let bidi: Bidi | undefined;

/** Characters of right-to-left scripts and the controls that start a right-to-left span: without one, every level is 0. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f\u202b\u202e\u2067\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

export const hasRightToLeft = (text: string) => RIGHT_TO_LEFT.test(text);

const loaded = () => (bidi ??= (createRequire(import.meta.url)('bidi-js') as () => Bidi)());

/** The character as drawn at a level: in right-to-left text a bracket or other paired sign is its mirror image (rule L4), "(" drawn as ")". */
export const drawnAt = (char: string, level: number) => (level % 2 === 1 ? (loaded().getMirroredCharacter(char) ?? char) : char);

/**
 * The level of each UTF-16 unit of the text, each paragraph left to right or
 * (auto) as its first strong character reads, and whether the first
 * paragraph reads right to left; undefined when all is left to right.
 */
export function bidiLevels(text: string, direction: 'ltr' | 'auto' = 'auto'): { levels: Uint8Array; rightToLeft: boolean } | undefined {
  if (!hasRightToLeft(text)) return undefined;
  const found = loaded().getEmbeddingLevels(text, direction === 'ltr' ? 'ltr' : undefined);
  return { levels: found.levels, rightToLeft: (found.paragraphs[0]?.level ?? 0) % 2 === 1 };
}
