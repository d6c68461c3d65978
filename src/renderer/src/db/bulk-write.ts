/**
 * Bulk writes inside a caller's transaction, in chunks: each chunk is issued when the previous one
 * has been stored (in the task of its success event), so a thousand records are cloned into
 * IndexedDB in several short tasks instead of one long one, and the transaction stays active.
 */
import { Dexie } from 'dexie';

/** Records per request chunk: the first chunks of three stores go in one task, ~15 ms of cloning. */
const WRITE_CHUNK = 100;

/**
 * `bulkAdd` in chunks; returns the positions refused because their key is already stored (those
 * records are left as they are). Any other failure is rethrown and aborts the transaction.
 * Catching Dexie's BulkError is what keeps the transaction alive.
 */
export async function addRefusingExisting<T>(
  table: { bulkAdd(records: readonly T[]): Promise<unknown> },
  records: readonly T[],
): Promise<Set<number>> {
  const positions = new Set<number>();
  for (let start = 0; start < records.length; start += WRITE_CHUNK) {
    try {
      await table.bulkAdd(records.slice(start, start + WRITE_CHUNK));
    } catch (error) {
      if (!(error instanceof Dexie.BulkError)) throw error;
      for (const [position, failure] of Object.entries(error.failuresByPos)) {
        if (failure.name !== 'ConstraintError') throw error;
        positions.add(start + Number(position));
      }
    }
  }
  return positions;
}

/** `bulkPut` in chunks. */
export async function putInChunks<T>(
  table: { bulkPut(records: readonly T[]): Promise<unknown> },
  records: readonly T[],
): Promise<void> {
  for (let start = 0; start < records.length; start += WRITE_CHUNK) {
    await table.bulkPut(records.slice(start, start + WRITE_CHUNK));
  }
}
