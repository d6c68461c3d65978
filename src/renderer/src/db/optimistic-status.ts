/**
 * Status changes the user has asked for but the library has not yet confirmed: lists, counts and
 * the detail pane show them at once (on the key press), while the write follows. Each change is
 * dropped again once every view has caught up with the committed state, or at once when the write
 * failed (the views then show the unchanged library again).
 * Invariant: `statusChanged` computes exactly what `setStatus` writes for the fields views show,
 * except the queue rank, which only the write knows (an optimistically queued paper goes last).
 */
import { useSyncExternalStore } from 'react';
import { changeSequence } from './change-feed';
import type { EntryRecord, PaperStatus } from './types';

/** One status change in flight (or just settled). */
export interface PendingStatus {
  readonly token: number;
  /** The papers changed and the status each had before. */
  readonly from: ReadonlyMap<string, PaperStatus>;
  readonly status: PaperStatus;
  readonly at: string;
  /** Change sequence once the write settled (committed or failed); null while it is in flight. */
  readonly settledSeq: number | null;
  /** `performance.now()` when the write settled; null while it is in flight. */
  readonly settledAt: number | null;
}

/** How long a settled change is kept for views that are still catching up. */
const KEEP_SETTLED_MS = 5000;

let pending: readonly PendingStatus[] = [];
let nextToken = 1;
const listeners = new Set<() => void>();

function publish(next: readonly PendingStatus[]): void {
  pending = next;
  for (const listener of listeners) listener();
}

/** The fields a status change sets on an entry (or a list row). */
export function statusChanged<T extends Pick<EntryRecord, 'status' | 'queueRank' | 'readAt'>>(
  record: T & { readonly changedAt: string },
  status: PaperStatus,
  at: string,
): T {
  if (record.status === status) return record;
  return {
    ...record,
    status,
    queueRank: status === 'queued' ? Number.MAX_SAFE_INTEGER : null,
    readAt: status === 'read' ? at : null,
    changedAt: at,
  };
}

/**
 * Shows `status` on `papers` (with their current statuses) until `settle` is called with the
 * change sequence after the write: views whose data is at least that recent drop it.
 */
export function beginStatusChange(
  papers: readonly { readonly id: string; readonly status: PaperStatus }[],
  status: PaperStatus,
  now: Date = new Date(),
): { settle: () => void } {
  const token = nextToken++;
  const change: PendingStatus = {
    token,
    from: new Map(papers.map((paper) => [paper.id, paper.status])),
    status,
    at: now.toISOString(),
    settledSeq: null,
    settledAt: null,
  };
  publish([...pending, change]);
  return {
    settle: () => {
      const settledSeq = changeSequence();
      const settledAt = performance.now();
      publish(
        pending.map((entry) =>
          entry.token === token ? { ...entry, settledSeq, settledAt } : entry,
        ),
      );
      setTimeout(() => publish(pending.filter((entry) => entry.token !== token)), KEEP_SETTLED_MS);
    },
  };
}

/** Whether a change still has to be shown over data read at change sequence `seenSeq`. */
export function stillPending(change: PendingStatus, seenSeq: number): boolean {
  return change.settledSeq === null || change.settledSeq > seenSeq;
}

/** The status changes not yet confirmed, re-rendering when they change. */
export function usePendingStatus(): readonly PendingStatus[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => pending,
  );
}
