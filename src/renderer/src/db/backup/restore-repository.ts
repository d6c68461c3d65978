/**
 * Restoring validated backup rows into the library: the preview (read only) and the two modes,
 * each ONE read-write transaction over every table, so a restore either happens completely or not
 * at all. Both notify the change feed with 'all' after the commit, so the search index and every
 * list refresh.
 */
import { emitLibraryChanged } from '../change-feed';
import { defaultEntry } from '../import-repository';
import { withoutLibraryIdentity } from '../library-identity';
import { toPaperSummary } from '../merge-batch';
import { readAllPaged } from '../paged-read';
import type { LibraryDb } from '../schema';
import type { PaperRecord } from '../types';
import type { BackupRows } from './backup-records';
import {
  countReplace,
  planMerge,
  type LibraryState,
  type MergeCounts,
  type ReplaceCounts,
} from './restore-plan';

/** What the restore dialog shows before the user chooses a mode. */
export interface RestorePreview {
  readonly backup: {
    readonly papers: number;
    readonly notes: number;
    readonly tags: number;
    readonly queued: number;
    readonly highlights: number;
  };
  readonly merge: MergeCounts;
  readonly replace: ReplaceCounts;
}

/** Rows written per bulk call inside the restore transaction (bounds each main-thread task). */
const WRITE_BATCH = 500;

async function bulkPutInBatches<T>(
  table: { bulkPut(rows: readonly T[]): Promise<unknown> },
  rows: readonly T[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += WRITE_BATCH)
    await table.bulkPut(rows.slice(start, start + WRITE_BATCH));
}

/** Reads what a plan needs; must run inside a transaction over every table (`allTables`). */
async function readState(db: LibraryDb, rows: BackupRows): Promise<LibraryState> {
  const paperIds = new Set(await db.papers.toCollection().primaryKeys());
  const shared = rows.papers.map((paper) => paper.id).filter((id) => paperIds.has(id));
  const papers = new Map<string, PaperRecord>();
  for (let start = 0; start < shared.length; start += WRITE_BATCH) {
    const page = await db.papers.bulkGet(shared.slice(start, start + WRITE_BATCH));
    for (const paper of page) if (paper) papers.set(paper.id, paper);
  }
  const entries = await readAllPaged(db.entries, 'paperId');
  return {
    papers,
    entries: new Map(entries.map((entry) => [entry.paperId, entry])),
    tags: await db.tags.toArray(),
    paperIds,
    importIds: new Set(await db.imports.toCollection().primaryKeys()),
    metaKeys: new Set(await db.meta.toCollection().primaryKeys()),
    highlights: new Map(
      (await db.highlights.toArray()).map((highlight) => [highlight.id, highlight.updatedAt]),
    ),
  };
}

function allTables(db: LibraryDb) {
  return [db.papers, db.paperSummaries, db.entries, db.tags, db.imports, db.meta, db.highlights];
}

/** What restoring `rows` would do in either mode, against the library as it is now. */
export async function previewRestore(db: LibraryDb, rows: BackupRows): Promise<RestorePreview> {
  const state = await db.transaction('r', allTables(db), () => readState(db, rows));
  return {
    backup: {
      papers: rows.papers.length,
      notes: rows.entries.filter((entry) => entry.note !== '').length,
      tags: rows.tags.length,
      queued: rows.entries.filter((entry) => entry.status === 'queued').length,
      highlights: rows.highlights.length,
    },
    merge: planMerge(rows, state).counts,
    replace: countReplace(rows, state),
  };
}

/**
 * Merges `rows` into the library (see `planMerge`), planned against the library as it is inside
 * the transaction, so changes made since the preview are respected. Returns the counts.
 */
export async function mergeRestore(db: LibraryDb, rows: BackupRows): Promise<MergeCounts> {
  const counts = await db.transaction('rw', allTables(db), async () => {
    const { writes, counts: planned } = planMerge(rows, await readState(db, rows));
    if (writes.tags.length > 0) await db.tags.bulkAdd([...writes.tags]);
    await bulkPutInBatches(db.papers, writes.papers);
    await bulkPutInBatches(db.paperSummaries, writes.papers.map(toPaperSummary));
    await bulkPutInBatches(db.entries, writes.entries);
    await bulkPutInBatches(db.imports, writes.imports);
    await bulkPutInBatches(db.meta, writes.meta);
    await bulkPutInBatches(db.highlights, writes.highlights);
    return planned;
  });
  emitLibraryChanged('all');
  return counts;
}

/**
 * Replaces the whole library by `rows`: every table is cleared and refilled in one transaction
 * (summaries rebuilt from the papers; a paper without an entry gets a default one). The caller
 * takes a snapshot first, then announces the library again (`libraryHello`): the restored library
 * has no id until then, so main re-offers every inbox file it may be missing.
 */
export async function replaceRestore(db: LibraryDb, rows: BackupRows): Promise<void> {
  await db.transaction('rw', allTables(db), async () => {
    await Promise.all(allTables(db).map((table) => table.clear()));
    await bulkPutInBatches(db.tags, rows.tags);
    await bulkPutInBatches(db.papers, rows.papers);
    await bulkPutInBatches(db.paperSummaries, rows.papers.map(toPaperSummary));
    const withEntry = new Set(rows.entries.map((entry) => entry.paperId));
    const missing = rows.papers
      .filter((paper) => !withEntry.has(paper.id))
      .map((paper) => defaultEntry(paper.id, paper.firstSeenAt));
    await bulkPutInBatches(db.entries, [...rows.entries, ...missing]);
    await bulkPutInBatches(db.imports, rows.imports);
    await bulkPutInBatches(db.meta, withoutLibraryIdentity(rows.meta));
    await bulkPutInBatches(db.highlights, rows.highlights);
  });
  emitLibraryChanged('all');
}
