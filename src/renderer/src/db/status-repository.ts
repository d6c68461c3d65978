/** Changing the reading status of papers (triage, queueing, marking read). */
import { emitLibraryChanged } from './change-feed';
import { applyEntryUpdates, type EntryField } from './entry-updates';
import { QUEUE_RANK_STEP, lastQueueRank } from './queue-repository';
import type { LibraryDb } from './schema';
import type { EntryRecord, PaperStatus } from './types';
import type { UndoRecord } from './undo';

const STATUS_FIELDS: readonly EntryField[] = [
  'status',
  'queueRank',
  'readAt',
  'changedAt',
  'statusChangedAt',
];

/**
 * Sets `status` on the given papers in one transaction and returns the undo record
 * (apply with `restoreEntries`). Papers already in `status` are left as they are (a queued paper
 * keeps its place). Entering 'queued' appends to the end of the queue in the order of `paperIds`;
 * leaving 'queued' clears `queueRank`; entering 'read' sets `readAt`, leaving it clears `readAt`.
 * Sets `changedAt` and `statusChangedAt`. Throws `UnknownPaperError` for an unknown id.
 */
export async function setStatus(
  db: LibraryDb,
  paperIds: readonly string[],
  status: PaperStatus,
  now: Date = new Date(),
): Promise<UndoRecord> {
  const at = now.toISOString();
  const entries = await db.transaction('rw', db.entries, async () => {
    let rank = status === 'queued' ? ((await lastQueueRank(db)) ?? 0) : 0;
    return applyEntryUpdates(db, paperIds, STATUS_FIELDS, (entry): EntryRecord | null => {
      if (entry.status === status) return null;
      if (status === 'queued') rank += QUEUE_RANK_STEP;
      return {
        ...entry,
        status,
        queueRank: status === 'queued' ? rank : null,
        readAt: status === 'read' ? at : null,
        changedAt: at,
        statusChangedAt: at,
      };
    });
  });
  emitLibraryChanged(entries.map((snapshot) => snapshot.paperId));
  return { entries, tagsToRestore: [], tagIdsToDelete: [] };
}
