/**
 * The reading queue: queued entries ordered by a fractional `queueRank`. Moving a paper gives it
 * a rank between its new neighbours, so a move writes one entry; when two neighbours get too close
 * for a midpoint, the whole queue is renumbered with even gaps.
 */
import { emitLibraryChanged } from './change-feed';
import type { LibraryDb } from './schema';
import type { EntryRecord } from './types';
import { snapshotEntry, type UndoRecord } from './undo';

/** Gap between consecutive ranks after appending or renumbering. */
export const QUEUE_RANK_STEP = 1024;

/** Smallest gap left between neighbours before the queue is renumbered. */
export const MIN_QUEUE_RANK_GAP = 1e-6;

/** Thrown when a queue operation names a paper that is not queued. */
export class NotQueuedError extends Error {
  constructor(readonly paperId: string) {
    super(`Paper ${paperId} is not in the reading queue.`);
    this.name = 'NotQueuedError';
  }
}

/** The highest rank in the queue, or null when it is empty. */
export async function lastQueueRank(db: LibraryDb): Promise<number | null> {
  const last = await db.entries.orderBy('queueRank').last();
  return last?.queueRank ?? null;
}

/** Ids of queued papers, first to read first. */
export async function getQueueIds(db: LibraryDb): Promise<string[]> {
  return db.entries.orderBy('queueRank').primaryKeys();
}

function rankBetween(before: number | null, after: number | null): number | null {
  if (before === null && after === null) return QUEUE_RANK_STEP;
  if (before === null) return (after as number) - QUEUE_RANK_STEP;
  if (after === null) return before + QUEUE_RANK_STEP;
  return after - before < MIN_QUEUE_RANK_GAP * 2 ? null : (before + after) / 2;
}

/** The entries to write for `moved` placed at `index` among `others` (ordered, without it). */
export function placeInQueue(
  others: readonly EntryRecord[],
  moved: EntryRecord,
  index: number,
  changedAt: string,
): EntryRecord[] {
  const target = Math.max(0, Math.min(Math.trunc(index), others.length));
  const rank = rankBetween(
    others[target - 1]?.queueRank ?? null,
    others[target]?.queueRank ?? null,
  );
  if (rank !== null) return [{ ...moved, queueRank: rank, changedAt }];
  const order = [...others.slice(0, target), moved, ...others.slice(target)];
  return order.map((entry, i) => ({
    ...entry,
    queueRank: (i + 1) * QUEUE_RANK_STEP,
    changedAt: entry === moved ? changedAt : entry.changedAt,
  }));
}

/**
 * Moves a queued paper so that it ends up at position `targetIndex` (0-based, clamped) of the
 * queue. Sets its `changedAt`. Returns the undo record (old ranks of every entry written, which
 * includes the whole queue when it had to be renumbered). Throws `NotQueuedError`.
 */
export async function moveInQueue(
  db: LibraryDb,
  paperId: string,
  targetIndex: number,
  now: Date = new Date(),
): Promise<UndoRecord> {
  const entries = await db.transaction('rw', db.entries, async () => {
    const queue = await db.entries.orderBy('queueRank').toArray();
    const moved = queue.find((entry) => entry.paperId === paperId);
    if (!moved) throw new NotQueuedError(paperId);
    const others = queue.filter((entry) => entry !== moved);
    const writes = placeInQueue(others, moved, targetIndex, now.toISOString());
    const byId = new Map(queue.map((entry) => [entry.paperId, entry]));
    await db.entries.bulkPut(writes);
    return writes.map((entry) =>
      snapshotEntry(byId.get(entry.paperId) as EntryRecord, ['queueRank', 'changedAt']),
    );
  });
  emitLibraryChanged([paperId]);
  return { entries, tagsToRestore: [], tagIdsToDelete: [] };
}

/** Moves a queued paper to the front of the queue (see `moveInQueue`). */
export function moveToQueueTop(db: LibraryDb, paperId: string, now?: Date): Promise<UndoRecord> {
  return moveInQueue(db, paperId, 0, now);
}

/** Moves a queued paper to the end of the queue (see `moveInQueue`). */
export function moveToQueueBottom(db: LibraryDb, paperId: string, now?: Date): Promise<UndoRecord> {
  return moveInQueue(db, paperId, Number.MAX_SAFE_INTEGER, now);
}
