import { installBridge } from '../../tests/e2e/support/bridge';
import { startBrowserHarness } from './browser-harness';
import { generatePageDump } from './generate-dump';

export const title = 'Import into IndexedDB in Chromium (drop → parse → batches → Dexie → ack)';

const FILE_SIZE = 10_000;

/** How long after the import the page is still watched for long tasks. */
const SETTLE_MS = 5000;

async function importPapers(total: number): Promise<void> {
  const harness = await startBrowserHarness();
  try {
    const context = await harness.browser.newContext({ baseURL: harness.baseUrl });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const longTasks: number[] = [];
      (window as unknown as { __longTasks: number[] }).__longTasks = longTasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const bridge = await installBridge(page);
    await page.goto('/index.html');
    await page.getByTestId('empty-state').waitFor();
    const encoder = new TextEncoder();
    const files = Array.from({ length: Math.ceil(total / FILE_SIZE) }, (_, index) => ({
      name: `generated-${index}.txt`,
      bytes: encoder.encode(
        generatePageDump(Math.min(FILE_SIZE, total - index * FILE_SIZE), index * FILE_SIZE),
      ),
    }));
    const megabytes = files.reduce((sum, file) => sum + file.bytes.byteLength, 0) / 1e6;
    await page.evaluate(() => {
      (window as unknown as { __longTasks: number[] }).__longTasks.length = 0;
    });
    const started = performance.now();
    const result = await bridge.backend.handlers['import:files'](files);
    if (result.refused.length > 0) throw new Error(JSON.stringify(result.refused));
    await bridge.backend.coordinator.whenIdle();
    const elapsed = (performance.now() - started) / 1000;
    await page
      .getByTestId('count-all')
      .filter({ hasText: String(total) })
      .waitFor({ timeout: 60_000 });
    const shown = (performance.now() - started) / 1000;
    // Long tasks count until the app has settled: the list's and the search index's catch-up
    // after the last batch belong to the import too.
    await page.waitForTimeout(SETTLE_MS);
    const longTasks = await page.evaluate(
      () => (window as unknown as { __longTasks: number[] }).__longTasks,
    );
    const worst = longTasks.length > 0 ? Math.max(...longTasks) : 0;
    const over100 = longTasks.filter((duration) => duration > 100).length;
    console.log(
      `${String(total).padStart(6)} papers (${megabytes.toFixed(1)} MB in ${files.length} dumps): committed in ${elapsed.toFixed(2)} s` +
        ` (${Math.round(total / elapsed)} papers/s), shown in ${shown.toFixed(2)} s;` +
        ` main-thread long tasks until ${SETTLE_MS / 1000} s later: ${longTasks.length},` +
        ` worst ${worst.toFixed(0)} ms, over 100 ms: ${over100}`,
    );
    await bridge.dispose();
    await context.close();
  } finally {
    await harness.close();
  }
}

/** Imports 10k and 50k generated papers; targets: ≤ 3 s and ≤ 15 s, no main-thread task over 100 ms. */
export async function run(): Promise<void> {
  for (const total of (process.env['PQ_BENCH_SIZES'] ?? '10000,50000').split(',').map(Number))
    await importPapers(total);
}
