// A WebP picture as pdfkit can draw it: decoded by libwebp itself (compiled
// to WebAssembly, @cwasm/webp: no native build, 95 KB, loaded only when a
// WebP is met) and written as a PNG. Its size is read from its header first,
// so a picture too large to hold is refused before anything is decoded.
import { createRequire } from 'node:module';
import { MAX_PIXELS } from './imageCheck.js';
import { rgbaPng } from './rgbaPng.js';

/** The canvas size a WebP file declares (lossy VP8, lossless VP8L or extended VP8X), or undefined when it is not one. */
export function webpSize(bytes: Buffer): { width: number; height: number; animated: boolean } | undefined {
  if (bytes.length < 30 || bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WEBP') return undefined;
  const chunk = bytes.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff, animated: false };
  if (chunk === 'VP8L') {
    const bits = bytes.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, animated: false };
  }
  if (chunk === 'VP8X') return { width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1, animated: (bytes[20]! & 0x02) !== 0 };
  return undefined;
}

/** A WebP as a PNG, with its size in pixels, or why it cannot be drawn. */
export function webpPicture(bytes: Buffer): { png: Buffer; width: number; height: number } | string {
  const size = webpSize(bytes);
  if (!size) return 'is not a WebP file preppack can read';
  if (size.animated) return 'is an animated WebP (save its first frame as PNG to print it)';
  if (size.width * size.height > MAX_PIXELS) return `is ${size.width} × ${size.height} pixels, more than preppack prints (${MAX_PIXELS / 1e6} million)`;
  const { decode } = createRequire(import.meta.url)('@cwasm/webp') as { decode: (source: Uint8Array) => { width: number; height: number; data: Uint8ClampedArray } };
  try {
    const image = decode(bytes);
    return { png: rgbaPng(new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength), image.width, image.height), width: image.width, height: image.height };
  } catch (caught) {
    return `is a damaged WebP (${(caught as Error).message})`;
  }
}
