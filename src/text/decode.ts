// Text files as preppack reads them: UTF-8 and nothing else (a byte that is
// not UTF-8 would print as "�"), without a byte-order mark, with \n line ends.
// A file in another encoding is named as such, with how to convert it: the
// two a person meets are UTF-16 (saved by Windows tools as "Unicode") and
// Windows-1252/Latin-1 (older spreadsheets' CSV).
import { error, type Problem } from '../problems.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/** UTF-16 by its byte-order mark, or by text whose every other byte is NUL (ASCII letters in UTF-16 without a mark). */
function utf16(bytes: Uint8Array): 'LE' | 'BE' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'BE';
  const sample = bytes.subarray(0, 4096);
  if (sample.length < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  const pairs = Math.floor(sample.length / 2);
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'LE';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'BE';
  return undefined;
}

/** The 1-based line and column of the first byte at which `bytes` stops being UTF-8. */
function firstBadByte(bytes: Uint8Array): { line: number; column: number; at: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = 0; at < bytes.length; ) {
    const byte = bytes[at]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    let valid = length > 0 && at + length <= bytes.length;
    for (let k = 1; valid && k < length; k++) valid = (bytes[at + k]! & 0xc0) === 0x80;
    if (valid && length > 1) {
      try {
        utf8.decode(bytes.subarray(at, at + length));
      } catch {
        valid = false;
      }
    }
    if (!valid) return { line, column: utf8.decode(bytes.subarray(lineStart, at)).length + 1, at };
    if (byte === 0x0a) {
      line++;
      lineStart = at + 1;
    }
    at += length;
  }
  return { line, column: 1, at: 0 };
}

/** Decodes UTF-8, or names the encoding the file is in and the line holding the first byte that is not UTF-8. */
export function decodeText(path: string, bytes: Uint8Array): { text: string } | { problem: Problem } {
  const wide = utf16(bytes);
  if (wide) return { problem: error(path, 1, `the file is UTF-16 (${wide === 'LE' ? 'little' : 'big'}-endian), not UTF-8: save it as UTF-8 (iconv -f UTF-16 -t UTF-8 FILE > NEW)`) };
  // A NUL byte is in no text a person writes: an image or a program saved under a text name.
  if (bytes.includes(0)) return { problem: error(path, 1, 'the file is binary (it holds NUL bytes), not text: is it the right file?') };
  try {
    const text = utf8.decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    return { text };
  } catch {
    const { line, column, at } = firstBadByte(bytes);
    const end = bytes.indexOf(0x0a, at);
    const word = windows1252.decode(bytes.subarray(at, end < 0 ? Math.min(bytes.length, at + 1) : Math.min(end, at + 1)));
    const hex = bytes[at]!.toString(16).toUpperCase().padStart(2, '0');
    // Bytes 0x80–0xFF alone, not in UTF-8's patterns: an 8-bit encoding, almost always Windows-1252 or Latin-1.
    return {
      problem: error(
        path,
        line,
        `the file is not UTF-8: byte 0x${hex} here would be "${word}" in Windows-1252 (Latin-1); save the file as UTF-8 (iconv -f WINDOWS-1252 -t UTF-8 FILE > NEW)`,
        column,
      ),
    };
  }
}
