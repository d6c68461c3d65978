/**
 * Upgrade 2 → 3: adds `paperSummaries`, the abstract-free projection list views read, and gives
 * papers written before the upgrade their `fieldDates` (needed by the merge rules).
 */
import type { Transaction } from 'dexie';
import { toPaperSummary, withFieldDates } from '../merge-batch';
import type { PaperRecord } from '../types';

/**
 * Fills `paperSummaries` from every paper and backfills `fieldDates` (taken as the paper's own
 * listing date, the best knowledge available). Invariant: afterwards every paper has exactly one
 * summary with the same id; no bibliographic value changes.
 */
export async function fillPaperSummaries(tx: Transaction): Promise<void> {
  const papers = (await tx.table('papers').toArray()) as PaperRecord[];
  const completed = papers.map(withFieldDates);
  await tx.table('papers').bulkPut(completed);
  await tx.table('paperSummaries').bulkPut(completed.map(toPaperSummary));
}
