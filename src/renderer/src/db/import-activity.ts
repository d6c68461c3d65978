/**
 * Whether imports are committing right now, and when the user last wrote. Queries over the whole
 * library (the list of 50k papers) compete with import transactions for IndexedDB, which runs
 * overlapping transactions one after another; while only an import is writing they re-run less
 * often (see `useThrottledQuery`).
 * Invariant: `mergeImportBatch` marks every committed batch, so an import counts as active from
 * its first commit until `IMPORT_QUIET_MS` after its last one.
 */

/** How long after the last committed batch an import still counts as active. */
export const IMPORT_QUIET_MS = 1500;

let lastCommitAt = Number.NEGATIVE_INFINITY;
let lastUserWriteAt = Number.NEGATIVE_INFINITY;

/** Records that an import batch has just committed. */
export function markImportBatchCommitted(now: number = performance.now()): void {
  lastCommitAt = now;
}

/** True while import batches are being committed (see the module comment). */
export function isImportActive(now: number = performance.now()): boolean {
  return now - lastCommitAt < IMPORT_QUIET_MS;
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
