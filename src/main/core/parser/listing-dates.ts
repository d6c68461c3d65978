/**
 * Date lines of the page format and the resolution of year-less dates.
 *
 * The page shows dates of the listing's own year without a year (`Jan 29`) and older ones with
 * it (`Sep 2, 2024`); the listing's own date in the header has no year either (`Apr 17`). All
 * calendar arithmetic here is on plain (year, month, day) triples in UTC, never on local time,
 * so results do not depend on the machine's time zone.
 */

/** A calendar day; `month` is 1–12. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A parsed date line: the day, its year if shown, and the upvote count if shown. */
export interface DateLine {
  readonly month: number;
  readonly day: number;
  readonly year: number | null;
  readonly upvotes: number | null;
}

const MONTHS: ReadonlyMap<string, number> = new Map(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map(
    (name, index) => [name, index + 1],
  ),
);
/** Page date line: `Mon D`, optional `, YYYY`, optional ` N` upvotes. Applied to one short line. */
const DATE_LINE = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2})(?:, (\d{4}))?(?: (\d{1,9}))?$/;
/** Longest line worth testing against DATE_LINE (`Sep 30, 2025 123456789` is 22 chars). */
const MAX_DATE_LINE_LENGTH = 32;
/** Leap years repeat at most every 8 years (e.g. 1896 → 1904), bounding the year searches. */
const MAX_YEAR_STEPS = 8;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Proleptic Gregorian leap year (pure arithmetic: `Date.UTC` maps years 0–99 to 1900–1999). */
function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`; 0 for an invalid month. */
function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

/** True when the triple names a real calendar day in years 1–9999 (what `YYYY-MM-DD` can show). */
export function isValidDate(year: number, month: number, day: number): boolean {
  return year >= 1 && year <= 9999 && day >= 1 && day <= daysInMonth(year, month);
}

/** Sortable ordinal of a day: compares like the date itself. */
export function dateOrdinal(date: CalendarDate): number {
  return date.year * 10_000 + date.month * 100 + date.day;
}

/** `YYYY-MM-DD`, zero padded; meant for dates that pass `isValidDate`. */
export function formatIsoDate(date: CalendarDate): string {
  const pad = (value: number, width: number): string => String(value).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** The UTC calendar day of `date`, or null when it is an invalid Date. */
export function calendarDateOf(date: Date): CalendarDate | null {
  const time = date.getTime();
  if (!Number.isFinite(time)) return null;
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * Parses a page-format date line: `Sep 2, 2024`, `Jan 29`, `Nov 4, 2024 1`, `Jan 29 5`.
 * Month names are matched on their first three letters, case-insensitively (`Sept`, `June` ok).
 *
 * Invariant: returns null unless the line is exactly a date line, and unless the day exists in
 * that month (for year-less dates: in some year, so `Feb 29` is accepted, `Feb 30` is not).
 */
export function parseDateLine(line: string): DateLine | null {
  if (line.length > MAX_DATE_LINE_LENGTH || line.length < 5) return null;
  const match = DATE_LINE.exec(line);
  if (match === null) return null;
  const [, monthName = '', dayText = '', yearText, upvoteText] = match;
  const month = MONTHS.get(monthName.toLowerCase());
  if (month === undefined) return null;
  const day = Number(dayText);
  const year = yearText === undefined ? null : Number(yearText);
  if (!isValidDate(year ?? 2000, month, day)) return null;
  const upvotes = upvoteText === undefined ? null : Number(upvoteText);
  return { month, day, year, upvotes };
}

/**
 * The latest day with this month and day that is not after `anchor`, or null when there is none
 * in years 1–9999. Used for a year-less paper date (anchor = the listing date): a paper listed on
 * a day was published on or before it. `Feb 29` goes back to the latest leap year.
 */
export function latestNotAfter(
  month: number,
  day: number,
  anchor: CalendarDate,
): CalendarDate | null {
  let year = anchor.year;
  if (month > anchor.month || (month === anchor.month && day > anchor.day)) year -= 1;
  for (let step = 0; step <= MAX_YEAR_STEPS; step += 1, year -= 1) {
    if (isValidDate(year, month, day)) return { year, month, day };
  }
  return null;
}

/**
 * Resolves the header's year-less listing date; null only when no year in 1–9999 fits.
 *
 * Precedence (documented contract, tested):
 * 1. take the latest year in which the date is not after `reference` (the dump cannot describe
 *    a day after it was saved);
 * 2. but the listing cannot be older than the newest explicitly dated paper it lists
 *    (`newestExplicit`), so if step 1 lands before that date, move forward year by year to the
 *    first year where it is not. Explicit dates are evidence inside the file and win over the
 *    reference, which is only a clock (a file's modification time changes when it is copied).
 */
export function resolveListingDate(
  month: number,
  day: number,
  reference: CalendarDate,
  newestExplicit: CalendarDate | null,
): CalendarDate | null {
  const candidate = latestNotAfter(month, day, reference);
  if (newestExplicit === null) return candidate;
  if (candidate !== null && dateOrdinal(candidate) >= dateOrdinal(newestExplicit)) {
    return candidate;
  }
  let year = newestExplicit.year;
  for (let step = 0; step <= MAX_YEAR_STEPS + 1; step += 1, year += 1) {
    const next = { year, month, day };
    if (isValidDate(year, month, day) && dateOrdinal(next) >= dateOrdinal(newestExplicit)) {
      return next;
    }
  }
  return candidate;
}
