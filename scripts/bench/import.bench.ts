/**
 * Import benchmark: the whole pipeline in the real app (drop or inbox scan → parse → batches →
 * Dexie → acknowledgement → sidebar and list showing every paper) beside the raw IndexedDB `add`
 * of the same rows in the same browser and run (see raw-indexeddb.ts), for large files (10k papers
 * in one file; 50k in five files of 10k, since one would pass the 64 MB dump cap) and for a year
 * of small daily dumps (600 files of 15–120 papers, both layouts),
 * dropped at once and found in the inbox at the first start. `--dumps DIR` imports the real dumps
 * of DIR instead of the daily workload. `PQ_BENCH_IMPORT=10k,daily` runs only some workloads.
 *
 * Figures: `ratio_to_raw_indexeddb_<workload>` (≤ 1.3 for one file, ≤ 1.5 for many),
 * `per_file_overhead_ms_<workload>` (≤ 5: the many-files import minus the same papers in one file,
 * per file), `longest_task_ms_<workload>` (≤ 50, from the drop or start until 5 s after the import
 * showed), and for information the times themselves and `search_catch_up_ms_<workload>` (from the
 * list showing every paper until a search finds the last one).
 */
import { startBrowserHarness, type BrowserHarness } from './browser-harness';
import { atMost, type BenchContext } from './figures';
import { importByDrop, importByScan, type SessionResult } from './import-session';
import {
  asOneFile,
  dailyWorkload,
  dumpsWorkload,
  rawTransactions,
  largeFilesWorkload,
  type Workload,
} from './import-workloads';
import { timeRawIndexedDb } from './raw-indexeddb';

export const title =
  'Import into IndexedDB in Chromium, beside a raw IndexedDB add of the same rows';

/** Papers per batch, as the import coordinator sends them (and per raw transaction). */
const BATCH_SIZE = 1000;

function describe(workload: Workload, how: string, result: SessionResult, rawMs: number): void {
  const megabytes = workload.files.reduce((sum, file) => sum + file.bytes.byteLength, 0) / 1e6;
  console.log(
    `  ${workload.name} ${how}: ${workload.papers} papers, ${workload.files.length} files, ${megabytes.toFixed(1)} MB: ` +
      `shown after ${(result.shownMs / 1000).toFixed(2)} s (raw IndexedDB ${(rawMs / 1000).toFixed(2)} s); ` +
      `${result.longTasks} long tasks, worst ${result.longestTaskMs.toFixed(0)} ms`,
  );
}

function recordCommon(
  context: BenchContext,
  name: string,
  result: SessionResult,
  rawMs: number,
  limit: number,
): void {
  context.record(`import_ms_${name}`, result.shownMs, 'ms');
  context.record(`raw_indexeddb_ms_${name}`, rawMs, 'ms');
  context.record(`ratio_to_raw_indexeddb_${name}`, result.shownMs / rawMs, 'x', atMost(limit));
  context.record(`longest_task_ms_${name}`, result.longestTaskMs, 'ms', atMost(50));
  if (result.searchCatchUpMs !== null) {
    context.record(`search_catch_up_ms_${name}`, result.searchCatchUpMs, 'ms');
  }
}

async function largeFiles(
  context: BenchContext,
  harness: BrowserHarness,
  total: number,
  name: string,
): Promise<void> {
  const workload = largeFilesWorkload(total, name);
  const rawMs = await timeRawIndexedDb(
    harness.browser,
    harness.baseUrl,
    rawTransactions(workload, BATCH_SIZE),
  );
  const result = await importByDrop(harness, workload);
  describe(workload, 'dropped', result, rawMs);
  recordCommon(context, name, result, rawMs, 1.3);
}

async function manyFiles(
  context: BenchContext,
  harness: BrowserHarness,
  workload: Workload,
): Promise<void> {
  const rawMs = await timeRawIndexedDb(
    harness.browser,
    harness.baseUrl,
    rawTransactions(workload, BATCH_SIZE),
  );
  const oneFile = asOneFile(workload);
  const reference = await importByDrop(harness, oneFile);
  describe(oneFile, 'dropped as one file', reference, rawMs);
  context.record(`import_ms_${oneFile.name}`, reference.shownMs, 'ms');
  for (const [how, importBy] of [
    ['drop', importByDrop],
    ['scan', importByScan],
  ] as const) {
    const result = await importBy(harness, workload);
    describe(workload, how === 'drop' ? 'dropped at once' : 'in the inbox at start', result, rawMs);
    const name = `${workload.name}_${how}`;
    recordCommon(context, name, result, rawMs, 1.5);
    const perFile = (result.shownMs - reference.shownMs) / workload.files.length;
    context.record(`per_file_overhead_ms_${name}`, perFile, 'ms', atMost(5));
  }
}

/** Runs the selected workloads (default: all) in one browser. */
export async function run(context: BenchContext): Promise<void> {
  const selected = new Set((process.env['PQ_BENCH_IMPORT'] ?? '10k,50k,daily').split(','));
  const harness = await startBrowserHarness();
  try {
    if (selected.has('10k')) await largeFiles(context, harness, 10_000, '10k');
    if (selected.has('50k')) await largeFiles(context, harness, 50_000, '50k');
    if (context.dumpsDir !== null)
      await manyFiles(context, harness, dumpsWorkload(context.dumpsDir, 'dumps'));
    else if (selected.has('daily'))
      await manyFiles(context, harness, dailyWorkload(600, 'daily600'));
  } finally {
    await harness.close();
  }
}
