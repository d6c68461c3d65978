/**
 * Whether imports are committing right now, and when the user last wrote. Queries over the whole
 * library (the list of 50k papers) compete with import transactions for IndexedDB, which runs
 * overlapping transactions one after another; while only an import is writing they re-run less
 * often (see `PacedQuery`).
 * Invariant: `mergeImportBatch` counts every batch from its arrival until its transaction ends,
 * so an import counts as active while any batch is being merged, while main says its run still
 * has files to import (`setImportRunWaiting`), and for `IMPORT_QUIET_MS` after the last batch;
 * once the last file is committed the library shows the result within a fraction of a second
 * instead of waiting out a long quiet time.
 */

/** How long after the last batch ended an import still counts as active (bridges two batches). */
export const IMPORT_QUIET_MS = 200;

let batchesBeingMerged = 0;
let runWaitingForFiles = false;
let lastBatchEndedAt = Number.NEGATIVE_INFINITY;
let lastUserWriteAt = Number.NEGATIVE_INFINITY;

/** Records that an import batch arrived and is being merged; call `end` once it committed or failed. */
export function beginImportBatch(): { readonly end: (now?: number) => void } {
  batchesBeingMerged += 1;
  let ended = false;
  return {
    end: (now = performance.now()) => {
      if (ended) return;
      ended = true;
      batchesBeingMerged -= 1;
      lastBatchEndedAt = now;
    },
  };
}

/**
 * Records whether an import run still has files to import (main's progress says so), which keeps
 * the import active across a pause between two batches; false as soon as its last file is done.
 */
export function setImportRunWaiting(waiting: boolean): void {
  runWaitingForFiles = waiting;
}

/** True while import batches are being merged (see the module comment). */
export function isImportActive(now: number = performance.now()): boolean {
  return batchesBeingMerged > 0 || runWaitingForFiles || now - lastBatchEndedAt < IMPORT_QUIET_MS;
}

/**
 * Records a committed write by the user (status, queue, tags, note, undo). Its result must show at
 * once even while an import is active, so queries re-run at the normal pace after it.
 */
export function markUserWrite(now: number = performance.now()): void {
  lastUserWriteAt = now;
}

/** True when the user wrote something at or after time `since`. */
export function userWroteSince(since: number): boolean {
  return lastUserWriteAt >= since;
}
