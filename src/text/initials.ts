// Initials that stand for people's names where a grid has no room for the
// names themselves ("Alexandra Montgomery-Smith" → "AM"): the first letter of
// each word, in any script, made distinct within one grid.

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
const first = (word: string) => graphemes.segment(word)[Symbol.iterator]().next().value?.segment ?? '';

/** Up to three initials of a name, upper case where the script has case. */
export function initialsOf(name: string): string {
  const words = name.split(/[\s\-‐‑–—·・]+/u).filter((word) => /[\p{L}\p{N}]/u.test(word));
  const chosen = words.length > 3 ? [words[0]!, ...words.slice(-2)] : words;
  return chosen.map((word) => first(word.replace(/^[^\p{L}\p{N}]+/u, ''))).join('').toUpperCase() || name.trim().slice(0, 2);
}

/** Initials for each name of a list, told apart with a number where two share them ("SL", "SL2"). */
export function distinctInitials(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const initials = initialsOf(name);
    const times = (seen.get(initials) ?? 0) + 1;
    seen.set(initials, times);
    return times === 1 ? initials : `${initials}${times}`;
  });
}
