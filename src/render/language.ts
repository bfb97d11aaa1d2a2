// The language a document is in, for its `/Lang` (a screen reader picks its
// voice by it): a BCP 47 tag from the config, a level file, or a Markdown
// file's front matter (`lang:` or `language:`).
import { parseDocument } from 'yaml';

/** A BCP 47 language tag, as far as a PDF reader needs one: "en", "pt-BR", "zh-Hant-TW". */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

export const LANGUAGE_WORDS = 'a language tag such as en, de, pt-BR or zh-Hant';

/** The language a Markdown file's front matter names, with its line; or, if it names one that is no tag, what it wrote. */
export function frontMatterLanguage(text: string): { language?: string; invalid?: string; line?: number } {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return {};
  const lines = match[1]!.split(/\r?\n/);
  const index = lines.findIndex((line) => /^(lang|language)\s*:/.test(line));
  if (index < 0) return {};
  // Read as YAML, never evaluated; a front matter YAML cannot read says nothing of its language.
  const doc = parseDocument(match[1]!);
  if (doc.errors.length) return {};
  const data = doc.toJS() as Record<string, unknown> | null;
  const value = data?.lang ?? data?.language;
  if (value === undefined || value === null) return {};
  const tag = String(value).trim();
  return LANGUAGE_TAG.test(tag) ? { language: tag, line: index + 2 } : { invalid: tag, line: index + 2 };
}
