// The knowledge-base export read UTF-8 bytes back as cp1252 (0x80-0x9F) and
// TIS-620 (0xA0-0xFF), and dropped the byte 0x9D that cp1252 leaves undefined.
// We map each misread character back to its byte and decode the bytes again.

const CP1252_HIGH: Record<number, string> = {
  0x80: '\u20AC', 0x82: '\u201A', 0x83: '\u0192', 0x84: '\u201E', 0x85: '\u2026',
  0x86: '\u2020', 0x87: '\u2021', 0x88: '\u02C6', 0x89: '\u2030', 0x8a: '\u0160',
  0x8b: '\u2039', 0x8c: '\u0152', 0x8e: '\u017D', 0x91: '\u2018', 0x92: '\u2019',
  0x93: '\u201C', 0x94: '\u201D', 0x95: '\u2022', 0x96: '\u2013', 0x97: '\u2014',
  0x98: '\u02DC', 0x99: '\u2122', 0x9a: '\u0161', 0x9b: '\u203A', 0x9c: '\u0153',
  0x9e: '\u017E', 0x9f: '\u0178',
};

const BYTE_OF_CHAR = new Map<string, number>();
for (const [byte, char] of Object.entries(CP1252_HIGH)) BYTE_OF_CHAR.set(char, Number(byte));
// TIS-620 puts Thai letters at 0xA1-0xFB, i.e. U+0E01-U+0E5B.
for (let byte = 0xa1; byte <= 0xfb; byte++) BYTE_OF_CHAR.set(String.fromCharCode(0x0e00 + byte - 0xa0), byte);

const continuationChars = [...BYTE_OF_CHAR].filter(([, b]) => b >= 0x80 && b <= 0xbf).map(([c]) => c);
const leadChars = [...BYTE_OF_CHAR].filter(([, b]) => b >= 0xc2 && b <= 0xf4).map(([c]) => c);
const escape = (chars: string[]) => chars.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

/** A lead byte followed by one to three continuation bytes, all misread. */
const MOJIBAKE_RUN = new RegExp(`[${escape(leadChars)}][${escape(continuationChars)}]{1,3}`, 'gu');

/** A cheap detector for text that still holds misread UTF-8 (used by `check`). */
const LEFTOVER_MOJIBAKE = new RegExp(
  `[${escape(leadChars)}][${escape(continuationChars)}]|\u00E2\u20AC|\u00C3[\u0080-\u00BF]`,
  'gu',
);

const isThai = (char: string | undefined) => char !== undefined && char >= '\u0e00' && char <= '\u0e7f';

const THAI_WORDS = /[\u0e00-\u0e7f]{5,}/u;

/**
 * Whether a run that looks misread is: misread UTF-8 with a byte of
 * cp1252's, or an island of two to four Thai letters in a line of other
 * text. A line of Thai (it has Thai words of five letters or more) is left
 * as written.
 */
function isMisread(run: string, text: string, index: number): boolean {
  if (![...run].every(isThai)) return true;
  if (isThai(text[index - 1]) || isThai(text[index + run.length])) return false;
  const end = text.indexOf('\n', index);
  return !THAI_WORDS.test(text.slice(text.lastIndexOf('\n', index) + 1, end < 0 ? text.length : end));
}

function expectedLength(lead: number): number {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  return 2;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decodeRun(run: string): string | undefined {
  const bytes = [...run].map((c) => BYTE_OF_CHAR.get(c)!);
  const want = expectedLength(bytes[0]!);
  // The export dropped 0x9D (the last byte of ” U+201D): put it back.
  if (bytes.length === want - 1 && bytes[0] === 0xe2 && bytes[1] === 0x80) bytes.push(0x9d);
  if (bytes.length !== want) return undefined;
  try {
    return strictUtf8.decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
}

/** Repairs every misread UTF-8 sequence; text without mojibake is returned unchanged. */
export function repairMojibake(text: string): string {
  return text.replace(MOJIBAKE_RUN, (run: string, index: number) => {
    if (!isMisread(run, text, index)) return run;
    const lead = BYTE_OF_CHAR.get(run[0]!)!;
    const want = expectedLength(lead);
    // A run may have swallowed the first character of what follows; decode the
    // right-sized prefix and keep the rest as it was.
    for (const size of [want, want - 1]) {
      if (size > run.length || size < 2) continue;
      const decoded = decodeRun(run.slice(0, size));
      if (decoded !== undefined) return decoded + run.slice(size);
    }
    return run;
  });
}

/** Finds the first leftover mojibake in a text: 1-based line and column, or undefined. */
export function findMojibake(text: string): { line: number; column: number; sample: string } | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    for (const match of lines[i]!.matchAll(LEFTOVER_MOJIBAKE)) {
      if (isMisread(match[0], lines[i]!, match.index)) return { line: i + 1, column: match.index + 1, sample: match[0] };
    }
  }
  return undefined;
}
