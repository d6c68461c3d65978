/**
 * Scanner for the page format: a header block, then entries made of (non-blank lines)
 * title, abstract, metadata (`• N authors` or an organisation line), `·`, date line.
 *
 * Resynchronisation strategy: the `·` separator is the anchor. When one is met, the metadata line
 * and the title and abstract are the lines just before it; any other lines collected since the
 * previous entry are leftovers of broken entries and are salvaged in order by `salvageLines`
 * (a complete title + abstract is kept with a warning, a title without abstract is skipped with
 * an error). One broken entry therefore never shifts the entries after it.
 *
 * Note: real dumps contain complete entries that the page shows without any metadata (title and
 * abstract only; 4 in the samples). They are kept, with a warning, since they are real papers.
 */
import { parseDateLine } from './listing-dates';
import type { DateLine } from './listing-dates';
import { LineCursor } from './line-cursor';
import {
  META_SEPARATOR,
  PAGE_NEW_LINE,
  SUBSCRIBE,
  afterGluedSubscribe,
  authorCount,
  isStrongHeaderLine,
  organizationName,
} from './markers';
import { excerpt } from './raw-entry';
import type { DiagnosticLog, NumberedLine, RawEntry, ScanResult } from './raw-entry';
import { LineSalvage } from './salvage-lines';

/** Title, abstract and metadata of an entry whose date line has not been read yet. */
interface OpenEntry {
  readonly title: NumberedLine;
  readonly abstract: NumberedLine;
  readonly authors: number | null;
  readonly organization: string | null;
}

/**
 * Scans a page-format dump. Invariants: never throws; every returned entry has a non-empty title
 * and abstract; lines are visited once, in order, and only the lines of the entry in progress
 * are held.
 */
export function scanPage(text: string, log: DiagnosticLog): ScanResult {
  const scanner = new PageScanner(log);
  const cursor = new LineCursor(text);
  while (cursor.next()) {
    const line = cursor.text.trim();
    if (line !== '') scanner.accept(line, cursor.number);
  }
  scanner.finish();
  return { entries: scanner.entries, listingDay: scanner.listingDay };
}

class PageScanner {
  readonly entries: RawEntry[] = [];
  listingDay: { month: number; day: number } | null = null;
  private inHeader = true;
  private subscribeSeen = false;
  private pending: NumberedLine[] = [];
  private awaitingDate = false;
  private open: OpenEntry | null = null;

  constructor(private readonly log: DiagnosticLog) {}

  accept(text: string, number: number): void {
    if (this.awaitingDate) {
      this.awaitingDate = false;
      const date = parseDateLine(text);
      if (date !== null) return this.closeOpen(date, number);
      this.closeOpen(null, number);
    }
    if (isStrongHeaderLine(text)) return this.startHeader();
    if (this.inHeader && this.acceptHeader(text, number)) return;
    this.inHeader = false;
    if (text === META_SEPARATOR) return this.closeBlock(number);
    this.pending.push({ text, number });
  }

  finish(): void {
    if (this.awaitingDate) this.closeOpen(null, null);
    this.salvageLines();
  }

  /** A header block starts (again): leftovers before it are salvaged; a `new` line belongs to it. */
  private startHeader(): void {
    if (this.pending.at(-1)?.text === PAGE_NEW_LINE) this.pending.pop();
    this.salvageLines();
    this.inHeader = true;
    this.subscribeSeen = false;
  }

  /** Consumes header-only lines; returns false for the first line that is not one. */
  private acceptHeader(text: string, number: number): boolean {
    if (text === PAGE_NEW_LINE) return true;
    if (text === SUBSCRIBE) {
      this.subscribeSeen = true;
      return true;
    }
    if (this.acceptListingDay(text, number)) return true;
    const rest = this.subscribeSeen ? null : afterGluedSubscribe(text);
    if (rest === null) return false;
    this.subscribeSeen = true;
    if (isStrongHeaderLine(rest)) this.startHeader();
    if (isStrongHeaderLine(rest) || this.acceptListingDay(rest, number)) return true;
    this.inHeader = false;
    this.pending.push({ text: rest, number });
    return true;
  }

  /** The header's year-less date (`Apr 17`); only the first header's date is used. */
  private acceptListingDay(text: string, number: number): boolean {
    const date = parseDateLine(text);
    if (date === null || date.year !== null || date.upvotes !== null) return false;
    if (this.listingDay === null) {
      this.listingDay = { month: date.month, day: date.day };
    } else {
      this.log.report('warning', number, 'another listing header; its date is ignored');
    }
    return true;
  }

  /** At a `·`: the lines before it are title, abstract and (usually) the metadata line. */
  private closeBlock(separatorLine: number): void {
    const lines = this.pending;
    const last = lines.at(-1);
    const authors = last === undefined ? null : authorCount(last.text);
    let organization: string | null = null;
    if (authors !== null) lines.pop();
    else if (last !== undefined && lines.length >= 3) {
      organization = organizationName(last.text);
      lines.pop();
    }
    const abstract = lines.length >= 2 ? lines.pop() : undefined;
    const title = abstract === undefined ? undefined : lines.pop();
    const nothingBefore = lines.length === 0;
    this.salvageLines(); // reports a title left without its abstract
    this.awaitingDate = true;
    if (title === undefined || abstract === undefined) {
      if (nothingBefore) {
        this.log.report(
          'error',
          separatorLine,
          'metadata block without a title and abstract; skipped',
        );
      }
      return;
    }
    if (authors === null && organization === null) {
      this.log.report(
        'warning',
        title.number,
        `entry ${excerpt(title.text)} has no authors or organisation line`,
      );
    }
    this.open = { title, abstract, authors, organization };
  }

  /** Emits the entry waiting for its date; `date` null means the date line is missing or bad. */
  private closeOpen(date: DateLine | null, lineNumber: number | null): void {
    const open = this.open;
    this.open = null;
    if (date === null) {
      const where = lineNumber ?? open?.title.number ?? null;
      const what = open === null ? 'a metadata block' : `entry ${excerpt(open.title.text)}`;
      const found = lineNumber === null ? 'the end of the file' : 'something else';
      this.log.report(
        'warning',
        where,
        `expected the date line of ${what} after "·", found ${found}`,
      );
    }
    if (open === null) return;
    this.entries.push({
      title: open.title.text,
      abstract: open.abstract.text,
      line: open.title.number,
      authors: open.authors,
      organization: open.organization,
      date,
    });
  }

  /**
   * Turns lines that did not end in a `·` block into entries where possible: consecutive
   * title + abstract pairs (with a following `• N authors` and date line if present) are kept
   * with a warning; a title without an abstract is skipped with an error.
   */
  private salvageLines(): void {
    if (this.pending.length === 0) return;
    const salvage = new LineSalvage(this.log, this.entries);
    for (const line of this.pending) salvage.accept(line);
    salvage.finish();
    this.pending = [];
  }
}
