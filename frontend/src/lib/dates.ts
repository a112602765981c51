/**
 * Dates the brand types into date and date-time inputs, as the unix milliseconds the API
 * speaks, in the reader's own time zone: "2026-12-01" is the start of that day where they are.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A moment from a local calendar date and time, or null when that date does not exist
 * ("2026-02-30"). `setFullYear` keeps years below 100 as written (the Date constructor would
 * read 0099 as 1999).
 */
function localMoment(
  year: number,
  month: number,
  day: number,
  hours = 0,
  minutes = 0,
  seconds = 0,
): number | null {
  const date = new Date(0);
  date.setFullYear(year, month - 1, day);
  date.setHours(hours, minutes, seconds, 0);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
    return null;
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return date.getTime();
}

/** The value of an `<input type="date">` ("2026-12-01") as unix ms at local midnight. */
export function localMidnightMs(value: string): number | null {
  const match = DATE.exec(value.trim());
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  return localMoment(year, month, day);
}

/** The value of an `<input type="datetime-local">` ("2026-12-01T14:05") as unix ms. */
export function localDateTimeMs(value: string): number | null {
  const match = DATE_TIME.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hours, minutes] = match.slice(0, 6).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const seconds = match[6] === undefined ? 0 : Number(match[6]);
  return localMoment(year, month, day, hours, minutes, seconds);
}

const two = (n: number) => String(n).padStart(2, '0');

/** A moment as the value of an `<input type="date">`: its local calendar day. */
export function dateInputValue(ms: number): string {
  const date = new Date(ms);
  return `${String(date.getFullYear()).padStart(4, '0')}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/** A moment as the value of an `<input type="datetime-local">`, to the minute. */
export function dateTimeInputValue(ms: number): string {
  const date = new Date(ms);
  return `${dateInputValue(ms)}T${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** The local midnight `days` days after the one of `ms` (DST-safe: counted in calendar days). */
export function addLocalDays(ms: number, days: number): number {
  const date = new Date(ms);
  date.setHours(0, 0, 0, 0);
  date.setDate(date.getDate() + days);
  return date.getTime();
}
