// Turns a yaml library error into a line and a message a person can act on.
import type { Document, YAMLError } from 'yaml';

/**
 * yaml reports an unclosed quote or bracket where it ran out of input, often
 * the next line; the mistake is on the line that opened it.
 */
function openingLine(lines: readonly string[], reported: number, opener: string, closer: string): number {
  for (let line = Math.min(reported, lines.length); line >= 1; line--) {
    const text = lines[line - 1]!;
    const opened = text.split(opener).length - 1;
    const closed = opener === closer ? 0 : text.split(closer).length - 1;
    if (opener === closer ? opened % 2 === 1 : opened > closed) return line;
  }
  return reported;
}

/** The 1-based line (within `source`) and the message of a YAML syntax error. */
export function describeYamlError(source: string, failure: YAMLError): { line: number; message: string } {
  const reported = failure.linePos?.[0].line ?? 1;
  const message = failure.message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    // Said to a programmer; the writer of the file needs to know what to change.
    .replace(/^Source contains multiple documents.*$/, 'the file holds more than one YAML document (a second "---" line): keep one');
  const lines = source.split('\n');
  let line = reported;
  if (/closing "quote/.test(message)) line = openingLine(lines, reported, '"', '"');
  else if (/closing 'quote/.test(message)) line = openingLine(lines, reported, "'", "'");
  else if (/end with a \]/.test(message)) line = openingLine(lines, reported, '[', ']');
  else if (/end with a \}/.test(message)) line = openingLine(lines, reported, '{', '}');
  return { line, message: `YAML syntax error: ${message}` };
}

/**
 * A tag YAML does not resolve (`!!js/function`, `!custom`): js-yaml's unsafe
 * loaders made objects and functions of such tags, and the yaml library reads
 * the text under them as if the tag were not there. Refused, at its line, by
 * every reader of YAML preppack has.
 */
export function unresolvedTag(doc: Document): { line: number; message: string } | undefined {
  const warning = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (!warning) return undefined;
  const tag = /Unresolved tag: (\S+)/.exec(warning.message)?.[1]?.replace('tag:yaml.org,2002:', '!!') ?? 'a tag';
  return { line: warning.linePos?.[0].line ?? 1, message: `the tag ${tag} is not plain YAML data: remove it (preppack reads text, numbers, lists and mappings)` };
}

/** Why YAML that parsed could not be turned into values, in words: an alias bomb, mostly. */
export function yamlValueFailure(caught: unknown): string {
  const message = (caught as Error).message.split('\n')[0]!;
  return /Excessive alias count/.test(message) ? 'its aliases (*name) expand a hundredfold or more: a YAML bomb, not data' : `the YAML cannot be read: ${message}`;
}
