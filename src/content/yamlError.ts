// Turns a yaml library error into a line and a message a person can act on.
import type { YAMLError } from 'yaml';

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
  const message = failure.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const lines = source.split('\n');
  let line = reported;
  if (/closing "quote/.test(message)) line = openingLine(lines, reported, '"', '"');
  else if (/closing 'quote/.test(message)) line = openingLine(lines, reported, "'", "'");
  else if (/end with a \]/.test(message)) line = openingLine(lines, reported, '[', ']');
  else if (/end with a \}/.test(message)) line = openingLine(lines, reported, '{', '}');
  return { line, message: `YAML syntax error: ${message}` };
}
