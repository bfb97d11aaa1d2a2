// Whether an image file can be printed, decided before anything decodes it:
// a picture too large to hold in memory is refused from the size its header
// gives (a 1.5 MB PNG of 20000 × 20000 pixels decodes to 1.6 GB), and a file
// that is cut short or damaged is found by walking its structure, so that it
// becomes a warning instead of stopping pdfkit part-way through a document.
import { crc32, inflateSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { imageSize, type PixelSize } from './imageSize.js';

/** The most pixels an image may have: 4000 × 4000, far more than a page shows at print resolution. */
export const MAX_PIXELS = 16_000_000;

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const BIT_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

/** Bytes of filtered scanlines for an image of this size: a filter byte, then the row. */
const scanlines = (width: number, height: number, bitsPerPixel: number) => (width && height ? height * (1 + Math.ceil((width * bitsPerPixel) / 8)) : 0);

/** The inflated size of a PNG's image data, interlaced (Adam7: seven passes) or not. */
function pngDataSize(width: number, height: number, bitsPerPixel: number, interlaced: boolean): number {
  if (!interlaced) return scanlines(width, height, bitsPerPixel);
  const passes = [
    [0, 0, 8, 8],
    [4, 0, 8, 8],
    [0, 4, 4, 8],
    [2, 0, 4, 4],
    [0, 2, 2, 4],
    [1, 0, 2, 2],
    [0, 1, 1, 2],
  ] as const;
  return passes.reduce((sum, [x, y, dx, dy]) => sum + scanlines(Math.ceil((width - x) / dx), Math.ceil((height - y) / dy), bitsPerPixel), 0);
}

/** What is wrong with a PNG's structure, or undefined: chunks whole with their checksums, a header, image data that inflates to its size, an end. */
function pngProblem(bytes: Buffer, size: PixelSize): string | undefined {
  let at = 8;
  const data: Buffer[] = [];
  let header: { bitDepth: number; colourType: number; interlaced: boolean } | undefined;
  let ended = false;
  while (at < bytes.length && !ended) {
    if (at + 12 > bytes.length) return 'it is cut short';
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > bytes.length) return `it is cut short (in its ${type} chunk)`;
    if ((crc32(bytes.subarray(at + 4, at + 8 + length)) >>> 0) !== bytes.readUInt32BE(at + 8 + length)) return `its ${type} chunk is damaged (wrong checksum)`;
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      const [bitDepth, colourType, , , interlace] = [body[8]!, body[9]!, body[10], body[11], body[12]!];
      if (!BIT_DEPTHS[colourType]?.includes(bitDepth) || interlace > 1) return 'its header is not one a PNG can have';
      header = { bitDepth, colourType, interlaced: interlace === 1 };
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') ended = true;
    at += 12 + length;
  }
  if (!header) return 'it has no header';
  if (!ended) return 'it is cut short (no end chunk)';
  if (data.length === 0) return 'it has no image data';
  const expected = pngDataSize(size.width, size.height, header.bitDepth * CHANNELS[header.colourType]!, header.interlaced);
  try {
    const inflated = inflateSync(Buffer.concat(data), { maxOutputLength: expected + 1 });
    if (inflated.length !== expected) return 'its image data is the wrong size for its width and height';
  } catch {
    return 'its image data is damaged';
  }
  return undefined;
}

/** What is wrong with a JPEG's structure, or undefined: segments whole up to the scan, a frame header, and an end-of-image marker. */
function jpegProblem(bytes: Buffer): string | undefined {
  let at = 2;
  let frame = false;
  for (;;) {
    if (at + 4 > bytes.length) return 'it is cut short';
    if (bytes[at] !== 0xff) return 'its segments are damaged';
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd9) return 'it ends before its picture';
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = bytes.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > bytes.length) return 'it is cut short';
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const components = bytes[at + 9];
      if (components !== 1 && components !== 3 && components !== 4) return `its frame has ${components} colour components (1, 3 or 4 print)`;
      frame = true;
    }
    if (marker === 0xda) break;
    at += 2 + length;
  }
  if (!frame) return 'it has no frame header';
  // The compressed picture runs to the end-of-image marker; a file cut short has none (a few stray bytes may follow it).
  const tail = bytes.subarray(Math.max(at, bytes.length - 1024));
  for (let i = tail.length - 2; i >= 0; i--) if (tail[i] === 0xff && tail[i + 1] === 0xd9) return undefined;
  return 'it is cut short (no end-of-image marker)';
}

/** The image's size in pixels, or why it cannot be printed (in words that follow "the image … "). */
export function checkImage(bytes: Buffer, type: 'image/png' | 'image/jpeg'): PixelSize | { problem: string } {
  const kind = type === 'image/png' ? 'PNG' : 'JPEG';
  const size = imageSize(bytes);
  if (!size || (type === 'image/png') !== bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))) return { problem: `is damaged or not really a ${kind} file` };
  if (size.width * size.height > MAX_PIXELS) {
    return { problem: `is ${size.width} × ${size.height} pixels: at most ${MAX_PIXELS / 1_000_000} million print (scale it down)` };
  }
  const problem = type === 'image/png' ? pngProblem(bytes, size) : jpegProblem(bytes);
  return problem ? { problem: `is a damaged ${kind} file: ${problem}` } : size;
}

/** An SVG measured the way pdfmake will draw it (its svg-to-pdfkit), or why it cannot be: not SVG, or no size. */
export function svgImage(svg: string): { svg: string; width: number; height: number } | string {
  const require = createRequire(import.meta.url);
  const { default: SVGMeasure } = require('pdfmake/js/SVGMeasure.js') as { default: new () => { measureSVG: (svg: string) => { width?: number; height?: number } } };
  try {
    const { width, height } = new SVGMeasure().measureSVG(svg);
    if (!(Number(width) > 0) || !(Number(height) > 0)) return 'is an SVG without a width and height or a viewBox';
    return { svg, width: Number(width), height: Number(height) };
  } catch (caught) {
    return `is not an SVG preppack can read (${(caught as Error).message.replace(/\s+/g, ' ').slice(0, 120)})`;
  }
}
