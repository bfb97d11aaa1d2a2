// What a name given from outside may be (a candidate or interviewer on the
// command line, in a roster or a config; the focus of a sheet): text of
// printable characters on one line, of a bounded length. So a roster cell of
// the wrong type or a name with a line break is refused where it was written,
// not printed as "[object Object]" or a broken table. Plain code, not zod:
// the command line checks names before it loads anything else.
import { codePoint, controlIn } from './controls.js';

/** The longest name a sheet, its running head and a file name take. */
export const MAX_NAME_LENGTH = 100;
/** The longest focus line of a sheet. */
export const MAX_FOCUS_LENGTH = 200;

/** What a value that is not a string is, in words. */
function notText(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `the ${typeof value} ${String(value)}`;
}

/** A line of text from outside, checked: trimmed, not empty, at most `max` characters, without control characters or line breaks. */
export function nameProblem(what: string, value: unknown, max = MAX_NAME_LENGTH): { name: string } | { problem: string } {
  if (typeof value !== 'string') return { problem: `${what} must be text, not ${notText(value)}` };
  const name = value.trim();
  if (!name) return { problem: `${what} is empty` };
  if ([...name].length > max) return { problem: `${what} is longer than ${max} characters` };
  const control = controlIn(name, true);
  if (control) {
    const kind = control.char === '\n' || control.char === '\r' || control.char === '\u2028' ? 'a line break' : control.char === '\t' ? 'a tab' : `a control character (${codePoint(control.char)})`;
    return { problem: `${what} holds ${kind}: write it on one line, in printable characters` };
  }
  return { name };
}
