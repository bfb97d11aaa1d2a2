// Words too long for any column (a URL, a hash, a token with no spaces)
// would run off the page, and pdfmake takes time that grows with the square
// of a word's length to break one itself. So a long word gets places where a
// line may break (a zero-width space, which prints as nothing): after its
// slashes, dots, hyphens and the like, and every 20 characters of what is
// left without one.

const ZWSP = '\u200b';
/** A word this long may not fit a narrow column. */
const LONG_WORD = /[^\s\u200b]{25,}/gu;
const AFTER = /([/\\._?&=#:@,;+~|-])(?=[^\s])/gu;
const RUN = /[^\s\u200b]{20}(?=[^\s\u200b])/gu;

export function breakLongWords(text: string): string {
  if (text.length < 25) return text;
  return text.replace(LONG_WORD, (word) => word.replace(AFTER, `$1${ZWSP}`).replace(RUN, `$&${ZWSP}`));
}
