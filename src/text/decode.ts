// Text files as preppack reads them: UTF-8 and nothing else (a byte that is
// not UTF-8 would print as "�"), without a byte-order mark, with \n line ends.
import { error, type Problem } from '../problems.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/** Decodes UTF-8, or names the line holding the first byte that is not UTF-8. */
export function decodeText(path: string, bytes: Uint8Array): { text: string } | { problem: Problem } {
  // A NUL byte is in no text a person writes: an image or a program saved under a text name.
  if (bytes.includes(0)) return { problem: error(path, 1, 'the file is binary (it holds NUL bytes), not text: is it the right file?') };
  try {
    const text = utf8.decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    return { text };
  } catch {
    const lines = lenientUtf8.decode(bytes).split('\n');
    const line = lines.findIndex((l) => l.includes('\uFFFD')) + 1 || 1;
    return { problem: error(path, line, 'the file is not valid UTF-8: save it as UTF-8') };
  }
}
