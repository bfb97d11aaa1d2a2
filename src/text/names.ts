// What a name given from outside may be (a candidate or interviewer on the
// command line, in a roster or a config; the focus of a sheet): text of
// printable characters on one line, of a bounded length. Checked with zod,
// as every value from outside is, so that a roster cell of the wrong type or
// a name with a line break is refused where it was written, not printed as
// "[object Object]" or a broken table.
import { z } from 'zod';
import { codePoint, controlIn } from './controls.js';

/** The longest name a sheet, its running head and a file name take. */
export const MAX_NAME_LENGTH = 100;
/** The longest focus line of a sheet. */
export const MAX_FOCUS_LENGTH = 200;

/** A line of text from outside: a string, trimmed, not empty, at most `max` characters, without control characters or line breaks. */
export function textLine(what: string, max: number) {
  return z
    .string({ error: (issue) => `${what} must be text, not ${issue.input === null ? 'empty' : Array.isArray(issue.input) ? 'a list' : typeof issue.input === 'object' ? 'a mapping' : `the ${typeof issue.input} ${String(issue.input)}`}` })
    .trim()
    .min(1, `${what} is empty`)
    .max(max, `${what} is longer than ${max} characters`)
    .superRefine((value, context) => {
      const control = controlIn(value, true);
      if (control) {
        const kind = control.char === '\n' || control.char === '\r' || control.char === '\u2028' ? 'a line break' : control.char === '\t' ? 'a tab' : `a control character (${codePoint(control.char)})`;
        context.addIssue({ code: 'custom', message: `${what} holds ${kind}: write it on one line, in printable characters` });
      }
    });
}

export const personName = (what: string) => textLine(what, MAX_NAME_LENGTH);

/** The message of the first problem zod found with a value. */
export const firstIssue = (error: z.ZodError) => error.issues[0]?.message ?? 'not valid';

/** A name as given, checked: the name, or what is wrong with it. */
export function nameProblem(what: string, value: unknown, max = MAX_NAME_LENGTH): { name: string } | { problem: string } {
  const parsed = textLine(what, max).safeParse(value);
  return parsed.success ? { name: parsed.data } : { problem: firstIssue(parsed.error) };
}
