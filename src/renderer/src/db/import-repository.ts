/**
 * Committing parsed import batches: one read-write transaction per batch, bulk operations only
 * (no per-paper awaits), so a 50k-paper dump imports in seconds.
 */
import type { ImportBatch, ImportSegment, MergeCounts } from '../../../shared/import-types';
import { addRefusingExisting, putInChunks } from './bulk-write';
import { emitLibraryChanged } from './change-feed';
import { beginImportBatch } from './import-activity';
import {
  countOutcomes,
  mergeSegments,
  toPaperSummary,
  type SegmentsMergeResult,
} from './merge-batch';
import type { LibraryDb } from './schema';
import { toSearchDocument, type LibrarySearchDocument } from './search-documents';
import type { EntryRecord, ImportRecord, PaperRecord, PaperSummary } from './types';

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
  readonly perSegment: readonly MergeCounts[];
}

/** The records of a batch as if every paper were new, prepared before the transaction opens. */
interface PreparedBatch {
  readonly asNew: SegmentsMergeResult;
  readonly summaries: readonly PaperSummary[];
  readonly entries: readonly EntryRecord[];
}

/**
 * Merges one batch (the papers of one or more files) into the library in ONE transaction over
 * papers, summaries, entries and imports: adds every paper as new, merges the ones already stored
 * (see `writePapers`), adds a default entry only for ids that have none, and updates one import row
 * per file. `add` never overwrites, so existing entries (user data) are untouched. Any failure
 * other than "already stored" aborts the whole transaction. Idempotent: re-merging the same batch
 * changes no paper and counts nothing twice. The records as if every paper were new are prepared
 * before the transaction opens, and the four stores are written side by side in chunks (see
 * `bulk-write.ts`), so IndexedDB is neither idle nor blocking the UI for long.
 * After the commit, notifies the change feed with the written paper ids (and the search documents
 * of the new ones) and marks an import as active, which slows down whole-library re-queries.
 */
export async function mergeImportBatch(
  db: LibraryDb,
  batch: ImportBatch,
  now: Date = new Date(),
): Promise<MergeCounts> {
  const activity = beginImportBatch();
  try {
    return await commitBatch(db, batch, now);
  } finally {
    activity.end();
  }
}

async function commitBatch(db: LibraryDb, batch: ImportBatch, now: Date): Promise<MergeCounts> {
  const importedAt = now.toISOString();
  const asNew = mergeSegments(new Map(), batch.segments, importedAt);
  const prepared: PreparedBatch = {
    asNew,
    summaries: asNew.toWrite.map(toPaperSummary),
    entries: asNew.newIds.map((id) => defaultEntry(id, importedAt)),
  };
  const importIds = batch.segments.map((segment) => segment.source.importId);
  const tables = [db.papers, db.paperSummaries, db.entries, db.imports];
  const { papers, addedEntries } = await db.transaction('rw', tables, async () => {
    const [written, entries, rows] = await Promise.all([
      writePapers(db, batch, prepared, importedAt),
      addMissingEntries(db, prepared.entries),
      db.imports.bulkGet(importIds),
    ]);
    await recordSegments(db, batch, rows, written.perSegment, importedAt);
    return { papers: written, addedEntries: entries };
  });
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
 * Writes the batch's papers and their summaries (inside the caller's transaction) and returns
 * what was written. Most papers of a daily listing are new, so every distinct id is first added as
 * a new record: `add` never overwrites, and refuses the ids already stored. Only those are then
 * read and merged with the stored record by the same rules (`mergeSegments`), rewritten if that
 * changed anything, and their summaries (written as new alongside) put back in line. A new paper
 * thus costs one write and no read. Never use `where(':id').anyOf(ids)` here: it walks a cursor
 * across the key range the batch spans, which is the whole table.
 */
async function writePapers(
  db: LibraryDb,
  batch: ImportBatch,
  { asNew, summaries }: PreparedBatch,
  importedAt: string,
): Promise<WrittenPapers> {
  const [refused] = await Promise.all([
    addRefusingExisting(db.papers, asNew.toWrite),
    putInChunks(db.paperSummaries, summaries),
  ]);
  if (refused.size === 0) {
    const perSegment = asNew.outcomes.map((outcomes) => countOutcomes(outcomes));
    return { written: asNew.toWrite, perSegment };
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
  const merged = new Map(known.toWrite.map((record) => [record.id, record]));
  await Promise.all([
    putInChunks(db.papers, known.toWrite),
    putInChunks(
      db.paperSummaries,
      [...existing.values()].map((record) => toPaperSummary(merged.get(record.id) ?? record)),
    ),
  ]);
  const added = asNew.toWrite.filter((_, position) => !refused.has(position));
  const isNew = (id: string): boolean => !existing.has(id);
  const perSegment = asNew.outcomes.map((outcomes, i) => {
    const fresh = countOutcomes(outcomes, isNew);
    const again = countOutcomes(known.outcomes[i] ?? new Map());
    return {
      added: fresh.added + again.added,
      updated: fresh.updated + again.updated,
      unchanged: fresh.unchanged + again.unchanged,
    };
  });
  return { written: [...added, ...known.toWrite], perSegment };
}

/**
 * Updates the import row of every file in the batch (each file has one segment per batch; `rows`
 * are their current rows), and removes rows of earlier, interrupted imports of the same contents
 * once a new import of them starts, so an interruption leaves no row "in progress" for ever.
 */
async function recordSegments(
  db: LibraryDb,
  batch: ImportBatch,
  rows: readonly (ImportRecord | undefined)[],
  perSegment: readonly MergeCounts[],
  importedAt: string,
): Promise<void> {
  const changed = batch.segments.flatMap((segment, i) => {
    const row = rows[i];
    const next = accumulateImport(row, segment, perSegment[i] ?? ZERO_COUNTS, importedAt);
    return next === row ? [] : [next];
  });
  if (changed.length > 0) await db.imports.bulkPut(changed);
  const restarted = batch.segments.filter((segment) => segment.index === 0);
  if (restarted.length === 0) return;
  const current = new Set(batch.segments.map((segment) => segment.source.importId));
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
 * Adds the default entries of a batch's papers where none exists (an existing entry, user data,
 * is kept as it is); returns the added entries by id. Adding and sorting out refusals spares a
 * read per paper.
 */
async function addMissingEntries(
  db: LibraryDb,
  candidates: readonly EntryRecord[],
): Promise<Map<string, EntryRecord>> {
  const refused = await addRefusingExisting(db.entries, candidates);
  return new Map(
    candidates.flatMap((entry, i) => (refused.has(i) ? [] : [[entry.paperId, entry] as const])),
  );
}
