/**
 * One import measured in the real app (built renderer in Chromium, real main-process core through
 * the test bridge): the dumps are dropped (handed to main as a drop hands them over), or lie in the
 * inbox folder when the app starts. The clock stops when the sidebar and the list both show every paper; main-thread long
 * tasks are watched from the start until the app has settled.
 */
import type { Page } from '@playwright/test';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installBridge, type Bridge } from '../../tests/e2e/support/bridge';
import type { BrowserHarness } from './browser-harness';
import { REQUEST_BYTES } from '../../src/renderer/src/features/import/read-dropped-data';
import { MAX_FILES_PER_REQUEST } from '../../src/shared/ipc-validators';
import type { DumpFile, Workload } from './import-workloads';

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

interface LongTask {
  readonly start: number;
  readonly duration: number;
}

async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const longTasks: LongTask[] = [];
    (window as unknown as { __longTasks: LongTask[] }).__longTasks = longTasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        longTasks.push({ start: entry.startTime, duration: entry.duration });
      }
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

/**
 * Waits for the search to find `probe`, the settle time, then reads the long tasks since the page
 * time `since` (the app's own start-up is not part of an import).
 */
async function finish(
  page: Page,
  bridge: Bridge,
  workload: Workload,
  started: number,
  since: number,
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
  const tasks = (
    await page.evaluate(() => (window as unknown as { __longTasks: LongTask[] }).__longTasks)
  ).filter((task) => task.start >= since);
  return {
    shownMs: shown - started,
    searchCatchUpMs,
    longestTaskMs: Math.max(0, ...tasks.map((task) => task.duration)),
    longTasks: tasks.length,
  };
}

/**
 * A drop of every file of `workload` onto a fresh app: main receives the files in the parts the
 * renderer hands over (at most 200 files and about 4 MB each, the next part travelling while the
 * previous one is copied), as Electron's IPC would carry them. (The test bridge's own transport,
 * a DevTools round trip of every byte, would add seconds for 30 MB that IPC does not; the e2e tests
 * drop files through the page itself.)
 */
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
    const since = await page.evaluate(() => performance.now());
    const started = performance.now();
    const sent: Promise<unknown>[] = [];
    for (const part of inParts(workload.files)) {
      sent.push(bridge.backend.handlers['import:files'](part));
      if (sent.length >= 2) await sent.shift();
    }
    await Promise.all(sent);
    return await finish(page, bridge, workload, started, since);
  } finally {
    await bridge.dispose();
    await context.close();
  }
}

/** The parts the renderer hands a drop over in (see `readInParts`). */
function* inParts(files: readonly DumpFile[]): Generator<DumpFile[]> {
  let part: DumpFile[] = [];
  let bytes = 0;
  for (const file of files) {
    const full =
      part.length >= MAX_FILES_PER_REQUEST || bytes + file.bytes.byteLength > REQUEST_BYTES;
    if (part.length > 0 && full) {
      yield part;
      part = [];
      bytes = 0;
    }
    part.push(file);
    bytes += file.bytes.byteLength;
  }
  if (part.length > 0) yield part;
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
  // The clock starts when the app, loaded, tells main it is ready: the import starts there.
  let started: number | null = null;
  const bridge = await installBridge(page, {
    inboxFolder: inbox,
    onInvoke: (channel) => {
      if (channel === 'renderer:ready') started ??= performance.now();
    },
  });
  try {
    await page.goto('/index.html');
    const readyAt = await page.waitForFunction(
      () => (window as unknown as { __pqReadyAt?: number }).__pqReadyAt,
    );
    const since = (await readyAt.jsonValue()) ?? 0;
    return await finish(page, bridge, workload, started ?? performance.now(), since);
  } finally {
    await bridge.dispose();
    await context.close();
    await rm(folder, { recursive: true, force: true });
  }
}
