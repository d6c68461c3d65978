/**
 * CSV export following RFC 4180: a header row, CRLF between records, and a field in double quotes
 * (with inner quotes doubled) whenever it contains a quote, a comma, a CR or a LF. Tags are joined
 * with "; ", links with spaces; the note and abstract are kept whole, line breaks included. The
 * last column holds the highlights, one per line (see `highlightLines`).
 */
import type { ExportItem } from '../../../db';
import { highlightLines } from './highlight-text';

/** The columns, in order. */
export const CSV_COLUMNS = [
  'id',
  'title',
  'status',
  'queue_position',
  'tags',
  'published',
  'listing_date',
  'upvotes',
  'organization',
  'authors',
  'links',
  'read_at',
  'changed_at',
  'note',
  'abstract',
  'highlights',
] as const;

/** One field, quoted when RFC 4180 requires it. */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function row(values: readonly (string | number | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** The header row. */
export function csvHeader(): string {
  return row(CSV_COLUMNS);
}

/** The rows of a page of papers. */
export function csvRows(items: readonly ExportItem[]): string {
  return items
    .map((item) =>
      row([
        item.id,
        item.title,
        item.status,
        item.queuePosition,
        item.tags.join('; '),
        item.published,
        item.listingDate,
        item.upvotes,
        item.organization,
        item.authors,
        item.links.join(' '),
        item.readAt,
        item.changedAt,
        item.note,
        item.abstract,
        highlightLines(item.highlights),
      ]),
    )
    .join('');
}
