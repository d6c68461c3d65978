/**
 * Undo records returned by user-data writes, and the one function that applies them.
 * An undo record holds only what the write changed, so undoing does not clobber unrelated fields.
 */
import { emitLibraryChanged } from './change-feed';
import type { LibraryDb } from './schema';
import type { EntryRecord, TagRecord } from './types';

/** The previous values of the fields a write changed on one entry. */
export type EntrySnapshot = Pick<EntryRecord, 'paperId'> & Partial<Omit<EntryRecord, 'paperId'>>;

/**
 * What is needed to undo one write: entry fields to put back, tags to re-create, tags to remove.
 * Invariant: applying it with `restoreEntries` right after the write restores the prior state.
 */
export interface UndoRecord {
  readonly entries: readonly EntrySnapshot[];
  readonly tagsToRestore: readonly TagRecord[];
  readonly tagIdsToDelete: readonly string[];
}

/** An undo record that does nothing (the write changed nothing). */
export const EMPTY_UNDO: UndoRecord = Object.freeze({
  entries: Object.freeze([]),
  tagsToRestore: Object.freeze([]),
  tagIdsToDelete: Object.freeze([]),
});

/** Copies `fields` of `entry` into a snapshot (arrays are copied, so later writes cannot alias). */
export function snapshotEntry(
  entry: EntryRecord,
  fields: readonly (keyof Omit<EntryRecord, 'paperId'>)[],
): EntrySnapshot {
  const snapshot: Record<string, unknown> = { paperId: entry.paperId };
  for (const field of fields) {
    const value = entry[field];
    snapshot[field] = Array.isArray(value) ? [...value] : value;
  }
  return snapshot as EntrySnapshot;
}

/**
 * Applies an undo record in one transaction: removes `tagIdsToDelete`, re-creates
 * `tagsToRestore`, then writes the snapshot fields back onto their entries (entries that no
 * longer exist are skipped). Notifies the change feed with the restored paper ids.
 */
export async function restoreEntries(db: LibraryDb, undo: UndoRecord): Promise<void> {
  const ids = undo.entries.map((snapshot) => snapshot.paperId);
  await db.transaction('rw', db.entries, db.tags, async () => {
    if (undo.tagIdsToDelete.length > 0) await db.tags.bulkDelete([...undo.tagIdsToDelete]);
    if (undo.tagsToRestore.length > 0) await db.tags.bulkPut([...undo.tagsToRestore]);
    const current = await db.entries.bulkGet(ids);
    const restored: EntryRecord[] = [];
    undo.entries.forEach((snapshot, i) => {
      const entry = current[i];
      if (entry) restored.push({ ...entry, ...snapshot });
    });
    if (restored.length > 0) await db.entries.bulkPut(restored);
  });
  emitLibraryChanged(ids);
}
