// What to install for a character no font has: the Noto package that covers
// its script on Debian and Ubuntu (the README's Fonts section gives the macOS
// and Windows equivalents), or a font named in the config.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u;

/** "install fonts-noto-cjk (Debian/Ubuntu; the README's Fonts section has macOS and Windows) or name a font that has it under fonts: in preppack.config.yaml" */
export function installAdvice(char: string): string {
  const emoji = /\p{Extended_Pictographic}/u.test(char);
  const package_ = CJK.test(char) ? 'fonts-noto-cjk' : emoji ? 'fonts-noto-core (its Noto Sans Symbols 2; colour emoji cannot be printed)' : 'fonts-noto-core';
  return `install ${package_} (Debian/Ubuntu; the README's Fonts section says what on macOS and Windows) or name a font that has it under fonts: in preppack.config.yaml`;
}
