/**
 * Committing parsed import batches: one read-write transaction per batch, bulk operations only
 * (no per-paper awaits), so a 50k-paper dump imports in seconds.
 */
import { Dexie } from 'dexie';
import type { ImportBatch, ImportSegment, MergeCounts } from '../../../shared/import-types';
import { emitLibraryChanged } from './change-feed';
import { markImportBatchCommitted } from './import-activity';
import {
  countOutcomes,
  mergeSegments,
  toPaperSummary,
  type SegmentsMergeResult,
} from './merge-batch';
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

function emptyImportRecord(segment: ImportSegment): ImportRecord {
  return {
    ...segment.source,
    finishedAt: null,
    batchesDone: 0,
    totalBatches: segment.count,
    totalPapers: segment.totalPapers,
    added: 0,
    updated: 0,
    unchanged: 0,
    diagnostics: [],
    batchIndices: [],
  };
}

/**
 * The import row after `segment`: counts accumulate once per segment index (a redelivered index
 * leaves the row as it was); the last index sets `finishedAt` and the diagnostics.
 */
export function accumulateImport(
  current: ImportRecord | undefined,
  segment: ImportSegment,
  counts: MergeCounts,
  now: string,
): ImportRecord {
  const row = current ?? emptyImportRecord(segment);
  if (row.batchIndices.includes(segment.index)) return row;
  const isLast = segment.index === segment.count - 1;
  return {
    ...row,
    batchesDone: row.batchesDone + 1,
    batchIndices: [...row.batchIndices, segment.index],
    added: row.added + counts.added,
    updated: row.updated + counts.updated,
    unchanged: row.unchanged + counts.unchanged,
    finishedAt: isLast ? now : row.finishedAt,
    diagnostics: isLast ? [...segment.diagnostics] : row.diagnostics,
  };
}

/** What the papers step of a batch wrote. */
interface WrittenPapers {
  readonly written: readonly PaperRecord[];
  readonly newIds: readonly string[];
  readonly perSegment: readonly MergeCounts[];
}

/**
 * Merges one batch (the papers of one or more files) into the library in ONE transaction over
 * papers, summaries, entries and imports: adds every paper as new, merges the ones already stored
 * (see `writePapers`), adds a default entry only for ids that have none, and updates one import row
 * per file. `add` never overwrites, so existing entries (user data) are untouched. Any failure
 * other than "already stored" aborts the whole transaction. Idempotent: re-merging the same batch
 * changes no paper and counts nothing twice. The merge as if every paper were new is computed
 * before the transaction opens, so IndexedDB does not wait for it.
 * After the commit, notifies the change feed with the written paper ids (and the search documents
 * of the new ones) and marks an import as active, which slows down whole-library re-queries.
 */
export async function mergeImportBatch(
  db: LibraryDb,
  batch: ImportBatch,
  now: Date = new Date(),
): Promise<MergeCounts> {
  const importedAt = now.toISOString();
  const asNew = mergeSegments(new Map(), batch.segments, importedAt);
  const tables = [db.papers, db.paperSummaries, db.entries, db.imports];
  const { papers, addedEntries } = await db.transaction('rw', tables, async () => {
    const written = await writePapers(db, batch, asNew, importedAt);
    if (written.written.length > 0) {
      await db.paperSummaries.bulkPut(written.written.map(toPaperSummary));
    }
    const entries = await addMissingEntries(db, written.newIds, importedAt);
    await recordSegments(db, batch, written.perSegment, importedAt);
    return { papers: written, addedEntries: entries };
  });
  markImportBatchCommitted();
  emitLibraryChanged(
    papers.written.map((record) => record.id),
    newPaperDocuments(papers.written, addedEntries),
    'import',
  );
  return papers.perSegment.reduce(
    (sum, counts) => ({
      added: sum.added + counts.added,
      updated: sum.updated + counts.updated,
      unchanged: sum.unchanged + counts.unchanged,
    }),
    { added: 0, updated: 0, unchanged: 0 },
  );
}

/**
 * Writes the batch's papers (inside the caller's transaction) and returns what was written.
 * Most papers of a daily listing are new, so every distinct id is first added as a new record
 * (`asNew`, merged before the transaction): `bulkAdd` never overwrites, and refuses the ids
 * already stored. Only those are then read and merged with the stored record by the same rules
 * (`mergeSegments`), and rewritten if that changed anything. A new paper thus costs one write and
 * no read. Never use `where(':id').anyOf(ids)` here: it walks a cursor across the key range the
 * batch spans, which is the whole table.
 */
async function writePapers(
  db: LibraryDb,
  batch: ImportBatch,
  asNew: SegmentsMergeResult,
  importedAt: string,
): Promise<WrittenPapers> {
  const refused = await addRefusingExisting(db.papers, asNew.toWrite);
  if (refused.size === 0) {
    const perSegment = asNew.outcomes.map((outcomes) => countOutcomes(outcomes));
    return { written: asNew.toWrite, newIds: asNew.newIds, perSegment };
  }
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
  const known = mergeSegments(existing, batch.segments, importedAt, existing);
  if (known.toWrite.length > 0) await db.papers.bulkPut([...known.toWrite]);
  const added = asNew.toWrite.filter((_, position) => !refused.has(position));
  const isNew = (id: string): boolean => !existing.has(id);
  const perSegment = asNew.outcomes.map((outcomes, i) => {
    const fresh = countOutcomes(outcomes, isNew);
    const merged = countOutcomes(known.outcomes[i] ?? new Map());
    return {
      added: fresh.added + merged.added,
      updated: fresh.updated + merged.updated,
      unchanged: fresh.unchanged + merged.unchanged,
    };
  });
  return { written: [...added, ...known.toWrite], newIds: added.map((p) => p.id), perSegment };
}

/**
 * Updates the import row of every file in the batch (each file has one segment per batch), and
 * removes rows of earlier, interrupted imports of the same contents once a new import of them
 * starts, so an interruption leaves no row that stays "in progress" for ever.
 */
async function recordSegments(
  db: LibraryDb,
  batch: ImportBatch,
  perSegment: readonly MergeCounts[],
  importedAt: string,
): Promise<void> {
  const importIds = batch.segments.map((segment) => segment.source.importId);
  const rows = await db.imports.bulkGet(importIds);
  const changed = batch.segments.flatMap((segment, i) => {
    const row = rows[i];
    const next = accumulateImport(row, segment, perSegment[i] ?? ZERO_COUNTS, importedAt);
    return next === row ? [] : [next];
  });
  if (changed.length > 0) await db.imports.bulkPut(changed);
  const restarted = batch.segments.filter((segment) => segment.index === 0);
  if (restarted.length === 0) return;
  const current = new Set(importIds);
  const stale = await db.imports
    .where('hash')
    .anyOf(restarted.map((segment) => segment.source.hash))
    .filter((row) => row.finishedAt === null && !current.has(row.importId))
    .primaryKeys();
  if (stale.length > 0) await db.imports.bulkDelete(stale);
}

const ZERO_COUNTS: MergeCounts = { added: 0, updated: 0, unchanged: 0 };

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
