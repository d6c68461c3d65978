/**
 * One import measured in the real app (built renderer in Chromium, real main-process core through
 * the test bridge): the dumps are dropped onto the window, or lie in the inbox folder when the app
 * starts. The clock stops when the sidebar and the list both show every paper; main-thread long
 * tasks are watched from the start until the app has settled.
 */
import type { Page } from '@playwright/test';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installBridge, type Bridge } from '../../tests/e2e/support/bridge';
import type { BrowserHarness } from './browser-harness';
import type { Workload } from './import-workloads';

/** How long after the import the page is still watched for long tasks. */
const SETTLE_MS = 5000;

/** What one import took. */
export interface SessionResult {
  /** From the drop (or the app's start) until sidebar and list show every paper, in ms. */
  readonly shownMs: number;
  /** From then until a search finds the workload's probe word, in ms (null: no probe). */
  readonly searchCatchUpMs: number | null;
  readonly longestTaskMs: number;
  readonly longTasks: number;
}

async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const longTasks: number[] = [];
    (window as unknown as { __longTasks: number[] }).__longTasks = longTasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

async function waitUntilShown(page: Page, papers: number): Promise<void> {
  await page.waitForFunction(
    (total) => {
      const text = (id: string): string =>
        (document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '').replace(/\D/g, '');
      return text('count-all') === String(total) && text('list-count') === String(total);
    },
    papers,
    { polling: 50, timeout: 600_000 },
  );
}

/** Waits for the search to find `probe`, the settle time, then reads the long tasks. */
async function finish(
  page: Page,
  bridge: Bridge,
  workload: Workload,
  started: number,
): Promise<SessionResult> {
  await waitUntilShown(page, workload.papers);
  const shown = performance.now();
  await bridge.backend.coordinator.whenIdle();
  let searchCatchUpMs: number | null = null;
  if (workload.probe !== null) {
    await page.getByRole('searchbox', { name: 'Search papers' }).fill(workload.probe);
    await page.getByTestId('list-count').filter({ hasText: /^1$/ }).waitFor({ timeout: 60_000 });
    searchCatchUpMs = performance.now() - shown;
  }
  await page.waitForTimeout(SETTLE_MS);
  const tasks = await page.evaluate(
    () => (window as unknown as { __longTasks: number[] }).__longTasks,
  );
  return {
    shownMs: shown - started,
    searchCatchUpMs,
    longestTaskMs: tasks.length > 0 ? Math.max(...tasks) : 0,
    longTasks: tasks.length,
  };
}

/** Drops every file of `workload` at once onto a fresh app, as a file manager would. */
export async function importByDrop(
  harness: BrowserHarness,
  workload: Workload,
): Promise<SessionResult> {
  const context = await harness.browser.newContext({ baseURL: harness.baseUrl });
  const page = await context.newPage();
  await watchLongTasks(page);
  const bridge = await installBridge(page);
  try {
    await page.goto('/index.html');
    await page.getByTestId('empty-state').waitFor();
    const files = workload.files.map((file) => ({
      name: file.name,
      base64: Buffer.from(file.bytes).toString('base64'),
    }));
    const transfer = await page.evaluateHandle((items) => {
      const data = new DataTransfer();
      for (const item of items) {
        const binary = atob(item.base64);
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        data.items.add(new File([bytes], item.name, { type: 'text/plain' }));
      }
      return data;
    }, files);
    await page.evaluate(() => {
      (window as unknown as { __longTasks: number[] }).__longTasks.length = 0;
    });
    const started = performance.now();
    await page.dispatchEvent('.app-shell', 'dragenter', { dataTransfer: transfer });
    await page.dispatchEvent('.app-shell', 'drop', { dataTransfer: transfer });
    return await finish(page, bridge, workload, started);
  } finally {
    await bridge.dispose();
    await context.close();
  }
}

/** Starts a fresh app whose inbox folder already holds every file of `workload`. */
export async function importByScan(
  harness: BrowserHarness,
  workload: Workload,
): Promise<SessionResult> {
  const folder = await mkdtemp(join(tmpdir(), 'pq-bench-inbox-'));
  const inbox = join(folder, 'inbox');
  await mkdir(inbox);
  for (const file of workload.files) await writeFile(join(inbox, file.name), file.bytes);
  const context = await harness.browser.newContext({ baseURL: harness.baseUrl });
  const page = await context.newPage();
  await watchLongTasks(page);
  const bridge = await installBridge(page, { inboxFolder: inbox });
  try {
    const started = performance.now();
    await page.goto('/index.html');
    return await finish(page, bridge, workload, started);
  } finally {
    await bridge.dispose();
    await context.close();
    await rm(folder, { recursive: true, force: true });
  }
}
