/**
 * Recovery of the page-format lines between two well-formed entries: leftovers of entries whose
 * `·` block is missing, damaged or truncated, and entries the page shows without any metadata.
 * A bare title + abstract is a real paper (about 1.3% of page entries; four in the samples, which
 * hold 388 entries in all), so it is imported with empty authors, organisation and date, silently:
 * it is an ordinary listing entry, not damage. The same holds for a dump cut off after a final
 * title and abstract.
 */
import { parseDateLine } from './listing-dates';
import type { DateLine } from './listing-dates';
import { authorCount } from './markers';
import { excerpt } from './raw-entry';
import type { DiagnosticLog, NumberedLine, RawEntry } from './raw-entry';

/**
 * Incremental salvage of page-format lines that did not end in a `·` block (see `scanPage`).
 * Feed the lines in order with `accept`, then call `finish` once.
 *
 * Invariants: title + abstract + `• N authors` lines become one entry (a date line attached when
 * present) reported as a warning; title + abstract without any metadata becomes an entry with empty
 * metadata; a title left without an abstract is reported as an error and dropped; a date or author line is never
 * taken as a title or abstract. Entries are appended to `entries` in line order.
 */
export class LineSalvage {
  private title: NumberedLine | null = null;
  private abstract: NumberedLine | null = null;
  private authors: number | null = null;
  private date: DateLine | null = null;

  constructor(
    private readonly log: DiagnosticLog,
    private readonly entries: RawEntry[],
  ) {}

  accept(line: NumberedLine): void {
    const count = authorCount(line.text);
    if (count !== null && this.abstract !== null && this.authors === null) {
      this.authors = count;
      return;
    }
    const date = parseDateLine(line.text);
    if (date !== null) {
      // A date line is never a title or abstract: attach it, or drop it with a warning.
      if (this.authors !== null && this.date === null) this.date = date;
      else this.log.report('warning', line.number, 'date line without an entry; ignored');
      return;
    }
    if (count !== null) {
      this.emit();
      this.log.report('warning', line.number, 'author line without an entry; ignored');
    } else if (this.title === null) this.title = line;
    else if (this.abstract === null) this.abstract = line;
    else {
      this.emit();
      this.title = line;
    }
  }

  finish(): void {
    this.emit();
  }

  private emit(): void {
    const { title, abstract } = this;
    if (title !== null && abstract === null) {
      this.log.report(
        'error',
        title.number,
        `entry ${excerpt(title.text)} has no abstract (truncated?); skipped`,
      );
    } else if (title !== null && abstract !== null) {
      if (this.authors !== null) {
        const message = `entry ${excerpt(title.text)} has no "·" and date line; kept without them`;
        this.log.report('warning', title.number, message);
      }
      this.entries.push({
        title: title.text,
        abstract: abstract.text,
        line: title.number,
        authors: this.authors,
        organization: null,
        date: this.date,
      });
    }
    this.title = null;
    this.abstract = null;
    this.authors = null;
    this.date = null;
  }
}
