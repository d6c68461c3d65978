import { useMemo } from 'react';
import { usePendingStatus, type PendingStatus, type ViewCounts } from '../../db';

/**
 * The counts with status changes shown that they do not include yet: those still being written,
 * and those settled after the counts were read. Counts are re-read after every commit, so a change
 * settled before the latest counts arrived is in them already.
 */
export function countsWithPending(
  counts: ViewCounts,
  pending: readonly PendingStatus[],
  countsReadAt: number,
): ViewCounts {
  const result: Record<string, number> = { ...counts };
  for (const change of pending) {
    if (change.settledAt !== null && change.settledAt < countsReadAt) continue;
    for (const from of change.from.values()) {
      result[from] = (result[from] ?? 0) - 1;
      result[change.status] = (result[change.status] ?? 0) + 1;
    }
  }
  return result as ViewCounts;
}

/** Sidebar counts that move on the key press, like the list (see `countsWithPending`). */
export function useOptimisticCounts(counts: ViewCounts | undefined): ViewCounts | undefined {
  const pending = usePendingStatus();
  // A new counts object means a fresh read: remember when it arrived.
  const readAt = useMemo(() => (counts ? performance.now() : 0), [counts]);
  return useMemo(
    () => (counts ? countsWithPending(counts, pending, readAt) : undefined),
    [counts, pending, readAt],
  );
}
