// A GIF as pdfkit can draw it: its first frame (GitHub shows an animated GIF
// moving; paper shows where it starts), decoded with omggif and written as
// a PNG of its RGBA pixels (rgbaPng.ts). Refused before decoding when it is too large to
// hold (the same bound as a PNG's).
import { createRequire } from 'node:module';
import type { GifReader as Reader } from 'omggif';
import { MAX_PIXELS } from './imageCheck.js';
import { rgbaPng } from './rgbaPng.js';

const { GifReader } = createRequire(import.meta.url)('omggif') as { GifReader: typeof Reader };

/** The first frame of a GIF as a PNG, with its size in pixels, or why it cannot be drawn. */
export function gifFirstFrame(bytes: Buffer): { png: Buffer; width: number; height: number } | string {
  let reader: Reader;
  try {
    reader = new GifReader(bytes);
  } catch (caught) {
    return `is not a GIF preppack can read (${(caught as Error).message})`;
  }
  const { width, height } = reader;
  if (!width || !height) return 'is a GIF with no size';
  if (width * height > MAX_PIXELS) return `is ${width} × ${height} pixels, more than preppack prints (${MAX_PIXELS / 1e6} million)`;
  if (reader.numFrames() < 1) return 'is a GIF with no picture in it';
  const pixels = new Uint8Array(width * height * 4);
  try {
    reader.decodeAndBlitFrameRGBA(0, pixels);
  } catch (caught) {
    return `is a damaged GIF (${(caught as Error).message})`;
  }
  return { png: rgbaPng(pixels, width, height), width, height };
}
