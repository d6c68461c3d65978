import type { Page } from '@playwright/test';
import type { Bridge } from '../../tests/e2e/support/bridge';
import { generatePageDump } from './generate-dump';

/** Papers per generated dump (the import pipeline's sweet spot: a few batches per file). */
const PAPERS_PER_DUMP = 10_000;

/**
 * Fills the page's library with `total` distinct generated papers by importing generated page
 * dumps through the bridge: the app's own import pipeline, all files in one request, so the
 * coordinator keeps its batches in flight back to back. Resolves once the sidebar counts them
 * all. Returns the seconds it took. IndexedDB belongs to the browser context, so a reload of the
 * page (a cold start) finds the library again without re-importing.
 */
export async function seedLibrary(page: Page, bridge: Bridge, total: number): Promise<number> {
  const encoder = new TextEncoder();
  const files = Array.from({ length: Math.ceil(total / PAPERS_PER_DUMP) }, (_, index) => ({
    name: `generated-${index}.txt`,
    bytes: encoder.encode(
      generatePageDump(
        Math.min(PAPERS_PER_DUMP, total - index * PAPERS_PER_DUMP),
        index * PAPERS_PER_DUMP,
      ),
    ),
  }));
  const started = performance.now();
  const result = await bridge.backend.handlers['import:files'](files);
  if (result.refused.length > 0) throw new Error(`seed refused: ${JSON.stringify(result.refused)}`);
  await bridge.backend.coordinator.whenIdle();
  await page
    .getByTestId('count-all')
    .filter({ hasText: new RegExp(`^${total}$`) })
    .waitFor({ timeout: 120_000 });
  return (performance.now() - started) / 1000;
}
