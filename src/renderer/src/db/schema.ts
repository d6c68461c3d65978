/**
 * The library database: a Dexie subclass and its append-only schema versions.
 * Never edit a published version's constant or migration; add a new version instead, or users'
 * existing libraries fail to open.
 */
import { Dexie, type EntityTable } from 'dexie';
import { migrateTagNamesToTagTable } from './migrations/v2-tag-table';
import { fillPaperSummaries } from './migrations/v3-paper-summaries';
import type {
  EntryRecord,
  HighlightRecord,
  ImportRecord,
  MetaRecord,
  PaperRecord,
  PaperSummary,
  TagRecord,
} from './types';

/** Default IndexedDB database name of the app's library. Never change it (data would vanish). */
export const DEFAULT_LIBRARY_NAME = 'paper-queue';

/** Version 1: papers, entries with tag NAMES (`*tags`), imports, meta. */
export const SCHEMA_V1: Readonly<Record<string, string>> = Object.freeze({
  papers: 'id, listingDate, published, upvotes, titleSort, firstSeenAt',
  entries: 'paperId, status, queueRank, *tags, changedAt',
  imports: 'importId, startedAt, hash',
  meta: 'key',
});

/** Version 2: a `tags` table with unique `nameKey`; entries reference tags by id (`*tagIds`). */
export const SCHEMA_V2: Readonly<Record<string, string>> = Object.freeze({
  ...SCHEMA_V1,
  entries: 'paperId, status, queueRank, *tagIds, changedAt',
  tags: 'id, &nameKey',
});

/** Version 3: `paperSummaries`, the abstract-free projection of papers that list views read. */
export const SCHEMA_V3: Readonly<Record<string, string>> = Object.freeze({
  ...SCHEMA_V2,
  paperSummaries: 'id',
});

/**
 * Version 4: drops the indexes nothing queries (papers by listingDate, published, upvotes,
 * titleSort and firstSeenAt; entries by changedAt). Lists sort `paperSummaries` in memory, and
 * every index is one more write per paper: an import of 50k papers wrote 300k index rows for no
 * reader. No data changes.
 */
export const SCHEMA_V4: Readonly<Record<string, string>> = Object.freeze({
  ...SCHEMA_V3,
  papers: 'id',
  entries: 'paperId, status, queueRank, *tagIds',
});

/**
 * Version 5: `highlights`, passages of abstracts the user highlighted (with a comment), read per
 * paper by the detail pane (hence the `paperId` index). No data changes.
 */
export const SCHEMA_V5: Readonly<Record<string, string>> = Object.freeze({
  ...SCHEMA_V4,
  highlights: 'id, paperId',
});

/** The newest schema version number. */
export const CURRENT_SCHEMA_VERSION = 5;

/**
 * The library database. Tables are typed; `papers` and `paperSummaries` are written only by
 * imports, `entries`, `tags` and `highlights` only by user actions (plus default entries for new
 * papers) and restores.
 * Every transaction uses strict durability (Chromium's `durability: 'strict'`): Dexie passes it to
 * IndexedDB for plain table writes and `db.transaction('rw', …)` alike, so a write resolves only
 * once it is flushed to disk, and the UI, which shows a change as done only after its write
 * resolves, never claims something a crash could take back (tests/unit/db/durability.test.ts).
 */
export class LibraryDb extends Dexie {
  declare readonly papers: EntityTable<PaperRecord, 'id'>;
  declare readonly paperSummaries: EntityTable<PaperSummary, 'id'>;
  declare readonly entries: EntityTable<EntryRecord, 'paperId'>;
  declare readonly tags: EntityTable<TagRecord, 'id'>;
  declare readonly imports: EntityTable<ImportRecord, 'importId'>;
  declare readonly meta: EntityTable<MetaRecord, 'key'>;
  declare readonly highlights: EntityTable<HighlightRecord, 'id'>;

  constructor(name: string) {
    super(name, { chromeTransactionDurability: 'strict', cache: 'disabled' });
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(migrateTagNamesToTagTable);
    this.version(3).stores(SCHEMA_V3).upgrade(fillPaperSummaries);
    this.version(4).stores(SCHEMA_V4);
    this.version(5).stores(SCHEMA_V5);
  }
}

/** Creates a library instance (not yet opened; Dexie opens it on first use). */
export function openLibrary(name: string = DEFAULT_LIBRARY_NAME): LibraryDb {
  return new LibraryDb(name);
}

let defaultLibrary: LibraryDb | null = null;

/** The app's library, created on first call and shared afterwards. */
export function getLibrary(): LibraryDb {
  defaultLibrary ??= openLibrary();
  return defaultLibrary;
}
