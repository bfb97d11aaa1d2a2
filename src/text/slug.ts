// ASCII slugs for ids and file names: lower case, letters and digits joined by
// hyphens, accents taken off ("José" → "jose"), nothing that could name a
// folder ("../" is gone). Letters with no ASCII form (CJK, Thai…) drop out,
// so a slug can be empty: callers say so.

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

/** A slug for a file named after a person, at most `max` characters, cut at a hyphen. */
export function fileSlug(name: string, max = 60): string {
  const slug = slugify(name);
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  return (cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut.slice(0, max)).replace(/-+$/, '');
}
