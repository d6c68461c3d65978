/**
 * Committing parsed import batches: one read-write transaction per batch, bulk operations only
 * (no per-paper awaits), so a 50k-paper dump imports in seconds.
 */
import { Dexie } from 'dexie';
import type { ImportBatch, MergeCounts } from '../../../shared/import-types';
import { emitLibraryChanged } from './change-feed';
import { markImportBatchCommitted } from './import-activity';
import { mergeBatch, toPaperSummary, type BatchMergeResult } from './merge-batch';
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
  return {
    ...batch.source,
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
 * adds every paper as new, merges the ones already stored (see `writePapers`), and adds a default
 * entry only for ids that have none. `add` never overwrites, so existing entries (user data) are
 * untouched. Any failure other than "already stored" aborts the whole transaction. Idempotent:
 * re-merging the same batch changes no paper and counts nothing twice.
 * After the commit, notifies the change feed with the written paper ids (and the search documents
 * of the new ones) and marks an import as active, which slows down whole-library re-queries.
 */
export async function mergeImportBatch(
  db: LibraryDb,
  batch: ImportBatch,
  now: Date = new Date(),
): Promise<MergeCounts> {
  const importedAt = now.toISOString();
  const tables = [db.papers, db.paperSummaries, db.entries, db.imports];
  const { merged, addedEntries } = await db.transaction('rw', tables, async () => {
    const mergedBatch = await writePapers(db, batch, importedAt);
    if (mergedBatch.toWrite.length > 0) {
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
    'import',
  );
  return merged.counts;
}

/**
 * Writes the batch's papers (inside the caller's transaction) and returns what was written.
 * Most papers of a daily listing are new, so every distinct id is first added as a new record:
 * `bulkAdd` never overwrites, and refuses the ids already stored. Only those are then read and
 * merged with the stored record by the same rules (`mergeBatch`), and rewritten if that changed
 * anything. A new paper thus costs one write and no read; reading every id first (a lookup per
 * paper, mostly for nothing) made imports markedly slower. Never use `where(':id').anyOf(ids)`
 * here: it walks a cursor across the key range the batch spans, which is the whole table.
 */
async function writePapers(
  db: LibraryDb,
  batch: ImportBatch,
  importedAt: string,
): Promise<BatchMergeResult> {
  const asNew = mergeBatch(new Map(), batch.papers, batch.source, importedAt);
  const refused = await addRefusingExisting(db.papers, asNew.toWrite);
  if (refused.size === 0) return asNew;
  const knownIds = [...refused].map((position) => {
    const record = asNew.toWrite[position];
    if (!record) throw new Error(`IndexedDB refused a paper at unknown position ${position}`);
    return record.id;
  });
  const stored = await db.papers.bulkGet(knownIds);
  const existing = new Map<string, PaperRecord>();
  stored.forEach((record, i) => {
    // Refused as already stored yet not there: merging would drop the paper, so abort instead.
    if (!record) throw new Error(`Paper ${knownIds[i]} was refused as stored but cannot be read`);
    existing.set(record.id, record);
  });
  const sightings = batch.papers.filter((paper) => existing.has(paper.id));
  const known = mergeBatch(existing, sightings, batch.source, importedAt);
  if (known.toWrite.length > 0) await db.papers.bulkPut([...known.toWrite]);
  const added = asNew.toWrite.filter((_, position) => !refused.has(position));
  return {
    toWrite: [...added, ...known.toWrite],
    newIds: added.map((record) => record.id),
    counts: { ...known.counts, added: added.length },
  };
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
 * Adds a default entry for each of `paperIds` that has none (an existing entry is kept as it is);
 * returns the added entries by id. Adding and sorting out refusals spares a read per paper.
 */
async function addMissingEntries(
  db: LibraryDb,
  paperIds: readonly string[],
  now: string,
): Promise<Map<string, EntryRecord>> {
  const candidates = paperIds.map((id) => defaultEntry(id, now));
  const refused = await addRefusingExisting(db.entries, candidates);
  return new Map(
    candidates.flatMap((entry, i) => (refused.has(i) ? [] : [[entry.paperId, entry] as const])),
  );
}

/**
 * `bulkAdd` inside the caller's transaction; returns the positions refused because their key is
 * already stored (those records are left as they are). Any other failure is rethrown and aborts
 * the transaction. Catching Dexie's BulkError is what keeps the transaction alive.
 */
async function addRefusingExisting<T>(
  table: { bulkAdd(records: readonly T[]): Promise<unknown> },
  records: readonly T[],
): Promise<Set<number>> {
  const positions = new Set<number>();
  if (records.length === 0) return positions;
  try {
    await table.bulkAdd(records);
  } catch (error) {
    if (!(error instanceof Dexie.BulkError)) throw error;
    for (const [position, failure] of Object.entries(error.failuresByPos)) {
      if (failure.name !== 'ConstraintError') throw error;
      positions.add(Number(position));
    }
  }
  return positions;
}
