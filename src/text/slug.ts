// ASCII slugs for ids, anchors and field names: lower case, letters and
// digits joined by hyphens, accents taken off ("José" → "jose"). Letters
// with no ASCII form (CJK, Thai…) drop out, so a slug can be empty: callers
// say so. People's names become file names in src/text/fileStem.ts instead.

/** Latin letters Unicode does not decompose into a base letter and a mark. */
const LATIN: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h', ŧ: 't', ŋ: 'ng', ĸ: 'k',
};

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[ßæœøđðþłıħŧŋĸ]/gu, (c) => LATIN[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019']/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
