// A GIF as pdfkit can draw it: its first frame (GitHub shows an animated GIF
// moving; paper shows where it starts), decoded with omggif and written as
// a PNG of its RGBA pixels. Refused before decoding when it is too large to
// hold (the same bound as a PNG's).
import { createRequire } from 'node:module';
import { crc32, deflateSync } from 'node:zlib';
import type { GifReader as Reader } from 'omggif';
import { MAX_PIXELS } from './imageCheck.js';

const { GifReader } = createRequire(import.meta.url)('omggif') as { GifReader: typeof Reader };

/** One PNG chunk: length, type, data, checksum. */
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, sum]);
}

/** RGBA pixels as a PNG: 8 bits per channel, no filter. */
export function rgbaPng(pixels: Uint8Array, width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) rows.set(pixels.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

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
