// File names from people's names, in any script: "王芳 Wang Fang" →
// "王芳-wang-fang", "Мария Иванова" → "мария-иванова", "José Núñez" →
// "josé-núñez". Letters, marks and digits of every script are kept (NFC,
// lower-cased where the script has case); everything else joins words with a
// hyphen. What is left is safe as a file or folder name on Linux, macOS and
// Windows: no separators, no dots, no Windows device names, at most 80 bytes.
// A document's own name keeps its case and spaces (`README.md` → `README`):
// only what a file system refuses is replaced.

/** The longest stem, in UTF-8 bytes: with "-scorecard.pdf" after it, far below any file system's 255. */
export const MAX_STEM_BYTES = 80;

/** Names Windows keeps for devices, whatever follows a dot: a file "con.pdf" cannot be made there. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/u;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** The text cut to at most `max` UTF-8 bytes between two graphemes (a letter keeps its marks), at a hyphen when there is one. */
function cut(text: string, max: number): string {
  if (bytes(text) <= max) return text;
  let kept = '';
  for (const { segment } of new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(text)) {
    if (bytes(kept + segment) > max) break;
    kept += segment;
  }
  const hyphen = kept.lastIndexOf('-');
  return (hyphen > 0 && text[kept.length] !== '-' ? kept.slice(0, hyphen) : kept).replace(/-+$/u, '');
}

/** A person's name as a file name stem; '' when nothing usable is left (only punctuation). */
export function fileStem(name: string): string {
  const stem = cut(
    name
      .normalize('NFC')
      .toLowerCase()
      // An apostrophe or a joiner sits inside a word: O'Brien → obrien.
      .replace(/[\u0027\u2018\u2019\u02bc\u200c\u200d]/gu, '')
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
      .replace(/^[-\p{M}]+|-+$/gu, ''),
    MAX_STEM_BYTES,
  );
  return WINDOWS_DEVICE.test(stem) ? `${stem}-name` : stem;
}

/** Characters no file name may hold on Windows, macOS or Linux, and control characters. */
const UNSAFE_IN_NAMES = /[<>:"/\\|?*\u0000-\u001f\u007f]+/gu;

/**
 * A document's file name stem from its own name, as written: "README" stays
 * "README", "Release Notes 2.1" stays so; what a file system refuses (`/`,
 * `:`, `*`, control characters, a leading or trailing dot or space, a
 * Windows device name) is replaced; '' when nothing is left.
 */
export function documentStem(name: string): string {
  const stem = cut(
    name
      .normalize('NFC')
      .replace(UNSAFE_IN_NAMES, '-')
      .replace(/^[\s.]+|[\s.]+$/gu, ''),
    MAX_STEM_BYTES,
  );
  return WINDOWS_DEVICE.test(stem.toLowerCase()) ? `${stem}-document` : stem;
}

/** Stems for names that share a folder: where two give the same stem the later ones get "-2", "-3"…, and each such name is reported. */
export function distinctStems(names: readonly string[]): { stems: string[]; renamed: { name: string; stem: string; sharedWith: string }[] } {
  const taken = new Map<string, string>();
  const renamed: { name: string; stem: string; sharedWith: string }[] = [];
  const stems = names.map((name) => {
    const stem = fileStem(name);
    if (!taken.has(stem)) {
      taken.set(stem, name);
      return stem;
    }
    let n = 2;
    while (taken.has(`${stem}-${n}`)) n++;
    const distinct = `${stem}-${n}`;
    taken.set(distinct, name);
    renamed.push({ name, stem: distinct, sharedWith: taken.get(stem)! });
    return distinct;
  });
  return { stems, renamed };
}
