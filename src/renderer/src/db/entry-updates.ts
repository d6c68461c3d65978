/**
 * The shared shape of every user-data write to `entries`: one transaction, one bulkGet, a pure
 * per-entry update, one bulkPut of the entries that changed, and an undo snapshot of the old values.
 */
import { emitLibraryChanged } from './change-feed';
import type { LibraryDb } from './schema';
import type { EntryRecord } from './types';
import { snapshotEntry, type UndoRecord } from './undo';

/** Entry fields a user write may change (the key `paperId` never changes). */
export type EntryField = keyof Omit<EntryRecord, 'paperId'>;

/** Computes the new entry, or null when this entry needs no change. */
export type EntryUpdater = (entry: EntryRecord, index: number) => EntryRecord | null;

/** Thrown when a write names a paper the library does not have. */
export class UnknownPaperError extends Error {
  constructor(readonly paperIds: readonly string[]) {
    super(`The library has no paper with id ${paperIds.join(', ')}.`);
    this.name = 'UnknownPaperError';
  }
}

/**
 * Loads the entries of `paperIds` (duplicates ignored, order kept), throws `UnknownPaperError`
 * if any is missing, applies `update` to each and writes the changed ones. Must run inside a
 * read-write transaction on `entries`. Returns the snapshots of `fields` before the change.
 */
export async function applyEntryUpdates(
  db: LibraryDb,
  paperIds: readonly string[],
  fields: readonly EntryField[],
  update: EntryUpdater,
): Promise<UndoRecord['entries']> {
  const ids = [...new Set(paperIds)];
  const entries = await db.entries.bulkGet(ids);
  const missing = ids.filter((_, i) => entries[i] === undefined);
  if (missing.length > 0) throw new UnknownPaperError(missing);
  const written: EntryRecord[] = [];
  const before: UndoRecord['entries'][number][] = [];
  (entries as EntryRecord[]).forEach((entry, i) => {
    const next = update(entry, i);
    if (next === null) return;
    written.push(next);
    before.push(snapshotEntry(entry, fields));
  });
  if (written.length > 0) await db.entries.bulkPut(written);
  return before;
}

/**
 * Runs `applyEntryUpdates` in its own transaction and notifies the change feed after commit.
 * Returns an undo record restoring `fields` of the changed entries.
 */
export async function updateEntries(
  db: LibraryDb,
  paperIds: readonly string[],
  fields: readonly EntryField[],
  update: EntryUpdater,
): Promise<UndoRecord> {
  const entries = await db.transaction('rw', db.entries, () =>
    applyEntryUpdates(db, paperIds, fields, update),
  );
  emitLibraryChanged(entries.map((snapshot) => snapshot.paperId));
  return { entries, tagsToRestore: [], tagIdsToDelete: [] };
}
