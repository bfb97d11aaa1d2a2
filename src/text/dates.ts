// Dates as people read and type them, the same on every machine (UTC, no
// locale data).

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "25 November 2026". */
export function humanDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** What is wrong with a typed date (YYYY-MM-DD, a real day), or undefined. */
export function dateProblem(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return `"${value}" is not a date: write it as YYYY-MM-DD, e.g. 2026-12-01`;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return `"${value}" is not a day of the calendar`;
  return undefined;
}

/** "2026-12-01" → "1 December 2026". */
export const printedDate = (value: string) => humanDate(new Date(`${value.trim()}T00:00:00Z`));
