/**
 * The parser's entry point: bytes or text in, a well-formed `ParseResult` out, for any input.
 */
import type {
  ListingFormat,
  ParseDiagnostic,
  ParseResult,
  ParsedPaper,
} from '../../../shared/paper';
import { decodeDump } from './decode-dump';
import { detectFormat } from './detect-format';
import { extractLinks } from './links';
import {
  calendarDateOf,
  dateOrdinal,
  formatIsoDate,
  latestNotAfter,
  resolveListingDate,
} from './listing-dates';
import type { CalendarDate } from './listing-dates';
import { paperIdFromTitle } from './paper-id';
import { DiagnosticLog } from './raw-entry';
import type { RawEntry, ScanResult } from './raw-entry';
import { scanCompact } from './scan-compact';
import { scanPage } from './scan-page';
import { errorMessage } from '../../../shared/error-message';

/** Options of `parseDump`. */
export interface ParseOptions {
  /**
   * The day the dump was saved (or any day not before it): year-less dates are resolved so that
   * the listing is not after this day (see `resolveListingDate` for the precedence). Its UTC
   * calendar day is used. An invalid Date falls back to the current time, with a warning.
   */
  readonly referenceDate: Date;
}

/**
 * Parses one listing dump.
 *
 * Invariants: never throws (an unexpected internal failure becomes a rejection rather than an
 * exception, so one bad file cannot stop an import batch); when `rejection` is non-null,
 * `papers` is empty and `format` is null; every paper has a non-empty title and abstract,
 * `line >= 1`, `id === paperIdFromTitle(title)`, and `published` is `YYYY-MM-DD` or null.
 * Papers are in file order; duplicates within one dump are kept (the importer merges by id).
 */
export function parseDump(input: Uint8Array | string, options: ParseOptions): ParseResult {
  try {
    return parseUnsafe(input, options);
  } catch (error) {
    const detail = errorMessage(error);
    return rejected(`could not be parsed (internal error: ${detail.slice(0, 200)})`);
  }
}

function rejected(reason: string): ParseResult {
  return { format: null, listingDate: null, papers: [], diagnostics: [], rejection: reason };
}

function parseUnsafe(input: Uint8Array | string, options: ParseOptions): ParseResult {
  const decoded = decodeDump(input);
  if (!decoded.ok) return rejected(decoded.rejection);
  const format = detectFormat(decoded.text);
  if (format === null)
    return rejected('has no listing entries (no paper title followed by its abstract)');
  const log = new DiagnosticLog();
  log.addAll(decoded.diagnostics);
  const scan = format === 'page' ? scanPage(decoded.text, log) : scanCompact(decoded.text, log);
  const reference = referenceDay(options, log);
  const listing = listingDate(format, scan, reference, log);
  const anchor = listing ?? reference;
  const papers = scan.entries.map((entry) => toPaper(entry, anchor));
  if (papers.length === 0) log.report('warning', null, 'no complete entries found');
  return finish(format, listing, papers, log.toArray());
}

function finish(
  format: ListingFormat,
  listing: CalendarDate | null,
  papers: ParsedPaper[],
  diagnostics: ParseDiagnostic[],
): ParseResult {
  const listingDate = listing === null ? null : formatIsoDate(listing);
  return { format, listingDate, papers, diagnostics, rejection: null };
}

/** The reference's UTC day; the current day (with a warning) when it is invalid or out of range. */
function referenceDay(options: ParseOptions, log: DiagnosticLog): CalendarDate {
  const day = calendarDateOf(options.referenceDate);
  if (day !== null && day.year >= 1 && day.year <= 9999) return day;
  log.report('warning', null, 'invalid reference date; using the current date instead');
  return calendarDateOf(new Date()) ?? { year: 2000, month: 1, day: 1 };
}

/** The resolved listing date of a page dump; warns when a page dump's header has none. */
function listingDate(
  format: ListingFormat,
  scan: ScanResult,
  reference: CalendarDate,
  log: DiagnosticLog,
): CalendarDate | null {
  if (format !== 'page') return null;
  if (scan.listingDay === null) {
    log.report(
      'warning',
      null,
      `no listing date in the header; year-less dates resolved against the reference date ${formatIsoDate(reference)}`,
    );
    return null;
  }
  const { month, day } = scan.listingDay;
  return resolveListingDate(month, day, reference, newestExplicitDate(scan.entries));
}

/** The newest paper date that shows its year, or null when none does. */
function newestExplicitDate(entries: readonly RawEntry[]): CalendarDate | null {
  let newest: CalendarDate | null = null;
  for (const { date } of entries) {
    if (date === null || date.year === null) continue;
    const candidate = { year: date.year, month: date.month, day: date.day };
    if (newest === null || dateOrdinal(candidate) > dateOrdinal(newest)) newest = candidate;
  }
  return newest;
}

/** Final record: id, links, and the publication date with its year resolved against `anchor`. */
function toPaper(entry: RawEntry, anchor: CalendarDate): ParsedPaper {
  const { date } = entry;
  let published: string | null = null;
  if (date !== null) {
    const resolved =
      date.year === null
        ? latestNotAfter(date.month, date.day, anchor)
        : { year: date.year, month: date.month, day: date.day };
    published = resolved === null ? null : formatIsoDate(resolved);
  }
  return {
    id: paperIdFromTitle(entry.title),
    title: entry.title,
    abstract: entry.abstract,
    authors: entry.authors,
    organization: entry.organization,
    published,
    upvotes: date === null ? null : date.upvotes,
    links: extractLinks(entry.abstract),
    line: entry.line,
  };
}
