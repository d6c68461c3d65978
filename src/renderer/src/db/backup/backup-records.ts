/**
 * Record-by-record validation of backup rows in the current schema. A backup is restored only
 * if every row has the exact shape the library stores (types, nullability, invariants such as
 * "queueRank is set iff queued"); anything else is refused with the line that broke the rule, so
 * a damaged or hand-edited file can never put a record into the library that the app would choke
 * on later. Pure: no Dexie.
 */
import { BackupRefusal } from '../../../../shared/backup-format';
import { MAX_TAG_NAME_LENGTH, tagNameKey } from '../tag-rules';
import {
  MAX_HIGHLIGHT_COMMENT_LENGTH,
  PAPER_STATUSES,
  type EntryRecord,
  type HighlightRecord,
  type ImportRecord,
  type MetaRecord,
  type PaperRecord,
  type TagRecord,
} from '../types';

type Row = Record<string, unknown>;

/** Thrown by a field check; turned into a `BackupRefusal` naming the line. */
class RowError extends Error {}

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(row: Row, key: string): string {
  const value = row[key];
  if (typeof value !== 'string') throw new RowError(`${key} is not text`);
  return value;
}

function nonEmpty(row: Row, key: string): string {
  const value = str(row, key);
  if (value.length === 0) throw new RowError(`${key} is empty`);
  return value;
}

function strOrNull(row: Row, key: string): string | null {
  return row[key] === null ? null : str(row, key);
}

function time(row: Row, key: string): string {
  const value = str(row, key);
  if (Number.isNaN(Date.parse(value))) throw new RowError(`${key} is not a time`);
  return value;
}

function timeOrNull(row: Row, key: string): string | null {
  return row[key] === null ? null : time(row, key);
}

function numOrNull(row: Row, key: string): number | null {
  const value = row[key];
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new RowError(`${key} is not a number`);
  return value;
}

function count(row: Row, key: string): number {
  const value = row[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new RowError(`${key} is not a count`);
  return value;
}

function list<T>(row: Row, key: string, item: (value: unknown) => T): T[] {
  const value = row[key];
  if (!Array.isArray(value)) throw new RowError(`${key} is not a list`);
  return value.map(item);
}

function asRow(value: unknown, what: string): Row {
  if (!isRow(value)) throw new RowError(`${what} is not an object`);
  return value;
}

function asString(value: unknown): string {
  if (typeof value !== 'string') throw new RowError('a list item is not text');
  return value;
}

function paper(row: Row): PaperRecord {
  const dates = asRow(row.fieldDates, 'fieldDates');
  const record: PaperRecord = {
    id: nonEmpty(row, 'id'),
    title: str(row, 'title'),
    abstract: str(row, 'abstract'),
    authors: numOrNull(row, 'authors'),
    organization: strOrNull(row, 'organization'),
    published: strOrNull(row, 'published'),
    upvotes: numOrNull(row, 'upvotes'),
    upvoteHistory: list(row, 'upvoteHistory', (value) => {
      const h = asRow(value, 'an upvote sighting');
      return {
        listingDate: strOrNull(h, 'listingDate'),
        file: str(h, 'file'),
        upvotes: count(h, 'upvotes'),
        seenAt: time(h, 'seenAt'),
      };
    }),
    links: list(row, 'links', asString),
    sources: list(row, 'sources', (value) => {
      const s = asRow(value, 'a source');
      return {
        file: str(s, 'file'),
        hash: str(s, 'hash'),
        line: count(s, 'line'),
        listingDate: strOrNull(s, 'listingDate'),
        importedAt: time(s, 'importedAt'),
      };
    }),
    firstSeenAt: time(row, 'firstSeenAt'),
    lastSeenAt: time(row, 'lastSeenAt'),
    listingDate: strOrNull(row, 'listingDate'),
    titleSort: str(row, 'titleSort'),
    fieldDates: {
      authors: strOrNull(dates, 'authors'),
      organization: strOrNull(dates, 'organization'),
      published: strOrNull(dates, 'published'),
    },
  };
  return record;
}

function entry(row: Row): EntryRecord {
  const status = row.status;
  if (!PAPER_STATUSES.includes(status as EntryRecord['status']))
    throw new RowError('status is not a known status');
  const record: EntryRecord = {
    paperId: nonEmpty(row, 'paperId'),
    status: status as EntryRecord['status'],
    queueRank: numOrNull(row, 'queueRank'),
    tagIds: list(row, 'tagIds', asString),
    note: str(row, 'note'),
    readAt: timeOrNull(row, 'readAt'),
    changedAt: time(row, 'changedAt'),
    statusChangedAt: time(row, 'statusChangedAt'),
  };
  if ((record.queueRank !== null) !== (record.status === 'queued'))
    throw new RowError('queueRank must be set exactly when the paper is queued');
  if (new Set(record.tagIds).size !== record.tagIds.length)
    throw new RowError('tagIds lists a tag twice');
  return record;
}

function tag(row: Row): TagRecord {
  const name = nonEmpty(row, 'name');
  const record: TagRecord = {
    id: nonEmpty(row, 'id'),
    name,
    nameKey: str(row, 'nameKey'),
    color: str(row, 'color'),
    createdAt: time(row, 'createdAt'),
  };
  if (name.trim() !== name || name.length > MAX_TAG_NAME_LENGTH)
    throw new RowError('name is not a valid tag name');
  if (record.nameKey !== tagNameKey(name)) throw new RowError('nameKey does not match name');
  if (!/^#[0-9a-f]{6}$/.test(record.color)) throw new RowError('color is not a colour');
  return record;
}

function highlight(row: Row): HighlightRecord {
  const record: HighlightRecord = {
    id: nonEmpty(row, 'id'),
    paperId: nonEmpty(row, 'paperId'),
    start: count(row, 'start'),
    end: count(row, 'end'),
    text: nonEmpty(row, 'text'),
    comment: str(row, 'comment'),
    createdAt: time(row, 'createdAt'),
    updatedAt: time(row, 'updatedAt'),
  };
  if (record.start >= record.end) throw new RowError('start must come before end');
  if (record.comment.length > MAX_HIGHLIGHT_COMMENT_LENGTH)
    throw new RowError('comment is too long');
  return record;
}

/** Import history rows are kept whole (other modules may add fields); only the keys are checked. */
function importRow(row: Row): ImportRecord {
  nonEmpty(row, 'importId');
  time(row, 'startedAt');
  return row as unknown as ImportRecord;
}

function metaRow(row: Row): MetaRecord {
  nonEmpty(row, 'key');
  if (!('value' in row)) throw new RowError('value is missing');
  return row as unknown as MetaRecord;
}

/** The validated rows of one backup, by table (current schema). */
export interface BackupRows {
  readonly papers: PaperRecord[];
  readonly entries: EntryRecord[];
  readonly tags: TagRecord[];
  readonly imports: ImportRecord[];
  readonly meta: MetaRecord[];
  /** Absent from backups of schema 4 and older: they are upgraded with none. */
  readonly highlights: HighlightRecord[];
}

/** The tables a backup of the current schema holds (paperSummaries are derived, not stored). */
export const BACKUP_TABLES: readonly (keyof BackupRows)[] = [
  'tags',
  'papers',
  'entries',
  'highlights',
  'imports',
  'meta',
];

const VALIDATORS: { readonly [T in keyof BackupRows]: (row: Row) => BackupRows[T][number] } = {
  papers: paper,
  entries: entry,
  tags: tag,
  imports: importRow,
  meta: metaRow,
  highlights: highlight,
};

/** Collects validated rows; `add` throws `BackupRefusal` naming the line of a bad row. */
export class BackupRowCollector {
  readonly rows: BackupRows = {
    papers: [],
    entries: [],
    tags: [],
    imports: [],
    meta: [],
    highlights: [],
  };

  add(table: string, row: unknown, lineNumber: number): void {
    if (!(BACKUP_TABLES as readonly string[]).includes(table))
      throw new BackupRefusal(
        `The backup is damaged: line ${lineNumber} names an unknown table "${table.slice(0, 40)}".`,
      );
    const name = table as keyof BackupRows;
    try {
      const validated = VALIDATORS[name](asRow(row, 'the row'));
      (this.rows[name] as unknown[]).push(validated);
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      throw new BackupRefusal(
        `The backup is damaged: line ${lineNumber} (${table}) is invalid: ${error.message}.`,
      );
    }
  }
}

/**
 * Checks the rows against each other: unique keys, one entry per paper and a paper per entry,
 * tags referenced by entries exist, tag names unique, a paper for every highlight. Throws
 * `BackupRefusal`.
 */
export function checkConsistency(rows: BackupRows): void {
  const unique = (what: string, keys: readonly string[]): Set<string> => {
    const set = new Set(keys);
    if (set.size !== keys.length)
      throw new BackupRefusal(`The backup is damaged: it lists a ${what} twice.`);
    return set;
  };
  const paperIds = unique(
    'paper',
    rows.papers.map((p) => p.id),
  );
  unique(
    'paper entry',
    rows.entries.map((e) => e.paperId),
  );
  const tagIds = unique(
    'tag',
    rows.tags.map((t) => t.id),
  );
  unique(
    'tag name',
    rows.tags.map((t) => t.nameKey),
  );
  unique(
    'import',
    rows.imports.map((i) => i.importId),
  );
  unique(
    'setting',
    rows.meta.map((m) => m.key),
  );
  unique(
    'highlight',
    rows.highlights.map((h) => h.id),
  );
  for (const h of rows.highlights) {
    if (!paperIds.has(h.paperId))
      throw new BackupRefusal(
        `The backup is damaged: it has a highlight for a paper it does not contain (${h.paperId}).`,
      );
  }
  for (const e of rows.entries) {
    if (!paperIds.has(e.paperId))
      throw new BackupRefusal(
        `The backup is damaged: it has user data for a paper it does not contain (${e.paperId}).`,
      );
    if (e.tagIds.some((id) => !tagIds.has(id)))
      throw new BackupRefusal(
        `The backup is damaged: paper ${e.paperId} has a tag the backup does not contain.`,
      );
  }
}
