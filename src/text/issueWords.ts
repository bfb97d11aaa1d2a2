// zod's issues in words a person reads: "should be a number, not text"
// rather than "Invalid input: expected number, received string". Messages we
// wrote ourselves (custom checks, regex messages) pass through as they are.
import type { z } from 'zod';

const NOUNS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping of field: value',
  array: 'a list',
  undefined: 'missing',
  null: 'empty',
  Buffer: 'binary data',
};
const noun = (type: string) => NOUNS[type] ?? type;

/** What is wrong, in words (without saying where: the caller names the field). */
export function issueWords(issue: z.core.$ZodIssue): string {
  // A message a schema gave itself says it better than anything general.
  if (!/^(Invalid input|Invalid option|Too big|Too small|Unrecognized key)/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      const received = /received (\w+)/.exec(issue.message)?.[1];
      const expected = issue.expected === 'int' ? 'int' : issue.expected;
      return received ? `should be ${noun(expected)}, not ${noun(received)}` : `should be ${noun(expected)}`;
    }
    case 'too_big':
      return issue.origin === 'number' ? `should be at most ${String(issue.maximum)}` : `should have at most ${String(issue.maximum)} ${issue.origin === 'string' ? 'characters' : 'items'}`;
    case 'too_small':
      return issue.origin === 'number' ? `should be at least ${String(issue.minimum)}` : `should have at least ${String(issue.minimum)} ${issue.origin === 'string' ? 'characters' : 'items'}`;
    case 'invalid_value':
      return `should be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `has ${issue.keys.length > 1 ? 'unknown fields' : 'an unknown field'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return issue.message;
  }
}
