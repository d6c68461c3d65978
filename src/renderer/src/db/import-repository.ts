/**
 * Committing parsed import batches: one read-write transaction per batch, bulk operations only
 * (no per-paper awaits), so a 50k-paper dump imports in seconds.
 */
import { Dexie } from 'dexie';
import type { ImportBatch, MergeCounts } from '../../../shared/import-types';
import { emitLibraryChanged } from './change-feed';
import { markImportBatchCommitted } from './import-activity';
import { mergeBatch, toPaperSummary } from './merge-batch';
import type { LibraryDb } from './schema';
import { toSearchDocument, type LibrarySearchDocument } from './search-documents';
import type { EntryRecord, ImportRecord, PaperRecord } from './types';

/** The entry a brand-new paper gets: in the inbox, untagged, no note. */
export function defaultEntry(paperId: string, now: string): EntryRecord {
  return {
    paperId,
    status: 'inbox',
    queueRank: null,
    tagIds: [],
    note: '',
    readAt: null,
    changedAt: now,
    statusChangedAt: now,
  };
}

function emptyImportRecord(batch: ImportBatch): ImportRecord {
  const { importId, file, hash, origin, format, listingDate, startedAt } = batch.source;
  return {
    importId,
    file,
    hash,
    origin,
    format,
    listingDate,
    startedAt,
    finishedAt: null,
    batchesDone: 0,
    totalBatches: batch.count,
    totalPapers: batch.totalPapers,
    added: 0,
    updated: 0,
    unchanged: 0,
    diagnostics: [],
    batchIndices: [],
  };
}

/**
 * The import row after `batch`: counts accumulate once per batch index (a redelivered index leaves
 * the row as it was); the last index sets `finishedAt` and the diagnostics.
 */
export function accumulateImport(
  current: ImportRecord | undefined,
  batch: ImportBatch,
  counts: MergeCounts,
  now: string,
): ImportRecord {
  const row = current ?? emptyImportRecord(batch);
  if (row.batchIndices.includes(batch.index)) return row;
  const isLast = batch.index === batch.count - 1;
  return {
    ...row,
    batchesDone: row.batchesDone + 1,
    batchIndices: [...row.batchIndices, batch.index],
    added: row.added + counts.added,
    updated: row.updated + counts.updated,
    unchanged: row.unchanged + counts.unchanged,
    finishedAt: isLast ? now : row.finishedAt,
    diagnostics: isLast ? [...batch.diagnostics] : row.diagnostics,
  };
}

/**
 * Merges one batch into the library in ONE transaction over papers, summaries, entries and imports:
 * bulkGet the batch's papers, merge in memory, bulkPut only changed records, bulkAdd a default entry
 * only for ids that have none. Existing entries are never read for writing, so user data is
 * untouched. Idempotent: re-merging the same batch writes no paper and counts nothing twice.
 * After the commit, notifies the change feed with the written paper ids (and the search documents
 * of the new ones) and marks an import as active, which slows down whole-library re-queries.
 */
export async function mergeImportBatch(
  db: LibraryDb,
  batch: ImportBatch,
  now: Date = new Date(),
): Promise<MergeCounts> {
  const importedAt = now.toISOString();
  const ids = [...new Set(batch.papers.map((paper) => paper.id))];
  const tables = [db.papers, db.paperSummaries, db.entries, db.imports];
  const { merged, addedEntries } = await db.transaction('rw', tables, async () => {
    // bulkGet, not `where(':id').anyOf(ids)`: anyOf walks a cursor across the whole key range the
    // batch spans, which for hashed ids is the whole table, so every batch got slower as the
    // library grew; bulkGet costs one key lookup per id whatever the library's size.
    const stored = await db.papers.bulkGet(ids);
    const existing = new Map<string, PaperRecord>();
    for (const record of stored) if (record) existing.set(record.id, record);
    const mergedBatch = mergeBatch(existing, batch.papers, batch.source, importedAt);
    if (mergedBatch.toWrite.length > 0) {
      await db.papers.bulkPut([...mergedBatch.toWrite]);
      await db.paperSummaries.bulkPut(mergedBatch.toWrite.map(toPaperSummary));
    }
    const entries = await addMissingEntries(db, mergedBatch.newIds, importedAt);
    const row = await db.imports.get(batch.source.importId);
    const next = accumulateImport(row, batch, mergedBatch.counts, importedAt);
    if (next !== row) await db.imports.put(next);
    return { merged: mergedBatch, addedEntries: entries };
  });
  markImportBatchCommitted();
  emitLibraryChanged(
    merged.toWrite.map((record) => record.id),
    newPaperDocuments(merged.toWrite, addedEntries),
  );
  return merged.counts;
}

/**
 * Search documents of the papers that got a brand-new entry: fully known from the written record
 * and the default entry (no tags, no note), so the search index need not read them back.
 */
function newPaperDocuments(
  written: readonly PaperRecord[],
  addedEntries: ReadonlyMap<string, EntryRecord>,
): LibrarySearchDocument[] {
  const noTags = new Map<string, string>();
  return written.flatMap((paper) => {
    const entry = addedEntries.get(paper.id);
    return entry ? [toSearchDocument(paper, entry, noTags)] : [];
  });
}

/**
 * Adds a default entry for each of `paperIds` that has none; returns the added entries by id.
 * `bulkAdd` never overwrites: an id that already has an entry fails with a ConstraintError, which
 * is expected here (the entry is kept as it is). Adding first and sorting out refusals afterwards
 * spares a read of 1000 keys per batch, since new papers almost never have an entry.
 */
async function addMissingEntries(
  db: LibraryDb,
  paperIds: readonly string[],
  now: string,
): Promise<Map<string, EntryRecord>> {
  const candidates = paperIds.map((id) => defaultEntry(id, now));
  if (candidates.length === 0) return new Map();
  let refused: ReadonlySet<number> = new Set();
  try {
    await db.entries.bulkAdd(candidates);
  } catch (error) {
    refused = existingKeyPositions(error);
  }
  return new Map(
    candidates.flatMap((entry, i) => (refused.has(i) ? [] : [[entry.paperId, entry] as const])),
  );
}

/** Positions refused only because the key already exists; anything else is rethrown. */
function existingKeyPositions(error: unknown): Set<number> {
  if (!(error instanceof Dexie.BulkError)) throw error;
  const positions = new Set<number>();
  for (const [position, failure] of Object.entries(error.failuresByPos)) {
    if (failure.name !== 'ConstraintError') throw error;
    positions.add(Number(position));
  }
  return positions;
}
