/**
 * Search as the user waits for it, in Chromium with a 50k-paper library seeded through the
 * app's import pipeline: the search index build in the app's worker (and the worst frame of the
 * page meanwhile), and keystroke → results painted (the last key of each query pressed in the
 * search box, from its input event until the first frame showing that query's results, plus
 * that frame's paint).
 */
import type { Page } from '@playwright/test';
import { installBridge } from '../../tests/e2e/support/bridge';
import { startBrowserHarness } from './browser-harness';
import { atMost, type BenchContext } from './figures';
import { generatedTitle } from './generate-dump';
import { seedLibrary } from './seed-library';

export const title =
  'Search in Chromium with a 50k-paper library (worker build, keystroke to paint)';

const PAPERS = Number(process.env['PQ_BENCH_SEARCH_PAPERS'] ?? 50_000);
/** The library size in metric names (`50k`). */
const SIZE = `${Math.round(PAPERS / 1000)}k`;

interface SearchProbe {
  builds: { size: number; buildMs: number; at: number }[];
  frames: number[];
  expect: string;
  pending: { t0: number; query: string } | null;
  latencies: number[];
}

/** Page-side probes, installed before the app's scripts run. */
function installSearchProbes(): void {
  const probe: SearchProbe = { builds: [], frames: [], expect: '', pending: null, latencies: [] };
  (window as unknown as { __pqSearch: SearchProbe }).__pqSearch = probe;
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (event: MessageEvent<unknown>) => {
        const data = event.data as { type?: string; size?: number; buildMs?: number };
        if (data.type === 'ready')
          probe.builds.push({
            size: data.size ?? 0,
            buildMs: data.buildMs ?? 0,
            at: performance.now(),
          });
      });
    }
  };
  // `input`, not `keydown`: characters off the US layout arrive without a keydown.
  window.addEventListener(
    'input',
    (event) => {
      if (event.target instanceof HTMLInputElement && event.target.type === 'search')
        probe.pending = { t0: event.timeStamp, query: probe.expect };
    },
    true,
  );
  const frame = (time: number): void => {
    probe.frames.push(time);
    const pending = probe.pending;
    const shown = document
      .querySelector('[data-testid="search-summary"]')
      ?.getAttribute('data-query');
    if (pending && shown === pending.query) {
      probe.pending = null;
      setTimeout(() => probe.latencies.push(performance.now() - pending.t0), 0);
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

const readProbe = (page: Page): Promise<SearchProbe> =>
  page.evaluate(() => (window as unknown as { __pqSearch: SearchProbe }).__pqSearch);

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Queries of every class over the generated library's titles. */
function queries(): string[] {
  const titles = [7, 1234, 20_000, 33_333, 49_999].map(generatedTitle);
  const words = titles.flatMap((t) => t.split(/[^A-Za-z]+/).filter((w) => w.length >= 6));
  const typo = (w: string) => `${w.slice(0, 2)}${w[3] ?? ''}${w[2] ?? ''}${w.slice(4)}`;
  return [
    ...titles,
    ...words.slice(0, 8).map((w) => w.toLowerCase()),
    ...words
      .slice(8, 14)
      .map((w, i) => `${typo(w.toLowerCase())} ${(words[i] ?? '').toLowerCase()}`),
    'a',
    't',
    'm',
    'the',
    'how to',
    'c++',
    'naïve',
    'résumé',
    '深度学习',
  ];
}

/** Types each query but its last key, then times the last key to its results painted. */
async function typeQueries(page: Page, list: readonly string[]): Promise<number[]> {
  const box = page.getByRole('searchbox', { name: 'Search papers' });
  for (const query of list) {
    const head = query.slice(0, -1);
    await box.fill(head);
    await page.waitForFunction(
      (q) =>
        q === '' ||
        document.querySelector('[data-testid="search-summary"]')?.getAttribute('data-query') === q,
      head.trim(),
    );
    await page.waitForTimeout(150);
    const before = (await readProbe(page)).latencies.length;
    await page.evaluate((q) => {
      (window as unknown as { __pqSearch: SearchProbe }).__pqSearch.expect = q;
    }, query.trim());
    await box.pressSequentially(query.slice(-1));
    await page.waitForFunction(
      (count) =>
        (window as unknown as { __pqSearch: SearchProbe }).__pqSearch.latencies.length > count,
      before,
      { timeout: 15_000 },
    );
  }
  return (await readProbe(page)).latencies.slice(-list.length);
}

/** Seeds the library, measures the worker's index build on a cold start, then typing. */
export async function run(context: BenchContext): Promise<void> {
  const harness = await startBrowserHarness();
  try {
    const browserContext = await harness.browser.newContext({
      baseURL: harness.baseUrl,
      viewport: { width: 1400, height: 900 },
    });
    const page = await browserContext.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    const bridge = await installBridge(page);
    await page.addInitScript(installSearchProbes);
    await page.goto('/index.html');
    await page.getByTestId('empty-state').waitFor();
    const seconds = await seedLibrary(page, bridge, PAPERS);
    console.log(`seeded ${PAPERS} papers in ${seconds.toFixed(1)} s`);

    await page.reload();
    await page.waitForFunction(
      (size) =>
        (window as unknown as { __pqSearch: SearchProbe }).__pqSearch.builds.some(
          (b) => b.size >= size,
        ),
      PAPERS,
      { timeout: 120_000 },
    );
    const probe = await readProbe(page);
    const build = probe.builds.find((b) => b.size >= PAPERS);
    if (!build) throw new Error('no index build seen');
    const during = probe.frames.filter((t) => t >= build.at - build.buildMs && t <= build.at);
    const gaps = during.slice(1).map((t, i) => t - (during[i] ?? t));
    context.record(`index_build_${SIZE}_worker_ms`, build.buildMs, 'ms', atMost(3000));
    context.record('worst_frame_during_index_build_ms', Math.max(0, ...gaps), 'ms', atMost(50));

    await page.waitForTimeout(2000);
    const latencies = await typeQueries(page, queries());
    console.log(
      `keystroke → results painted over ${latencies.length} queries: p50 ${percentile(latencies, 50).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`,
    );
    context.record(
      `keystroke_to_painted_p95_${SIZE}_ms`,
      percentile(latencies, 95),
      'ms',
      atMost(50),
    );
    context.record(`keystroke_to_painted_p50_${SIZE}_ms`, percentile(latencies, 50), 'ms');
    await bridge.dispose();
    await browserContext.close();
  } finally {
    await harness.close();
  }
}
