/**
 * `npm run screenshots`: the README's screenshots, taken in Chromium with the bundled samples
 * loaded (the real app through the e2e bridge): wide (1400×900) and narrow (720×700, the paper
 * open as a drawer), each in the light and the dark theme, written to docs/*.png.
 */
import type { Page } from '@playwright/test';
import { installBridge } from '../tests/e2e/support/bridge';
import { startBrowserHarness } from './bench/browser-harness';

const NOTE = [
  '## Why read it',
  '',
  'Compare with **LoRA** baselines; the ablation in section 4 is the interesting part.',
  '',
  '- fused kernels for many adapters',
  '- `rank = 16` throughout',
  '',
  '| setting | speed-up |',
  '| --- | --- |',
  '| 4 adapters | 1.9× |',
].join('\n');

/** Loads the samples and leaves a realistic state: a few queued, tags, a note, a paper open. */
async function prepare(page: Page): Promise<void> {
  await page.goto('/index.html');
  await page.getByRole('button', { name: 'Load sample dumps' }).click();
  await page.getByTestId('count-all').filter({ hasText: /^334$/ }).waitFor({ timeout: 60_000 });
  await page.getByTestId('view-inbox').click();
  await page.getByTestId('list-count').filter({ hasText: /^334$/ }).waitFor();
  // The import toasts leave after a few seconds; the screenshot shows the undo toast only.
  await page.getByTestId('toast').first().waitFor({ state: 'detached', timeout: 15_000 });
  await page.keyboard.press('j');
  for (const key of ['q', 'q', 'd', 'q']) await page.keyboard.press(key);
  await page.keyboard.press('t');
  await page.keyboard.type('efficiency\nto-read\n');
  await page.keyboard.press('Escape');
  await page.keyboard.press('j');
  await page.keyboard.press('t');
  await page.keyboard.type('diffusion\nto-read\n');
  await page.keyboard.press('Escape');
  await page.keyboard.press('k');
  await page.keyboard.press('n');
  await page.getByRole('textbox', { name: 'Note (markdown)' }).fill(NOTE);
  await page.getByTestId('note-state').filter({ hasText: 'Saved' }).waitFor();
  await page.getByRole('tab', { name: 'Preview' }).click();
  await page.getByTestId('paper-list').focus();
  await page.getByRole('region', { name: 'Paper details' }).evaluate((pane) => pane.scrollTo(0, 0));
}

async function shoot(page: Page, file: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  await page.screenshot({ path: file });
  console.log(`wrote ${file}`);
}

const harness = await startBrowserHarness();
try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, viewport] of [
      ['wide', { width: 1400, height: 900 }],
      ['narrow', { width: 720, height: 700 }],
    ] as const) {
      const context = await harness.browser.newContext({
        baseURL: harness.baseUrl,
        viewport,
        colorScheme: scheme,
        deviceScaleFactor: 1,
      });
      const page = await context.newPage();
      const bridge = await installBridge(page);
      await prepare(page);
      if (name === 'narrow') {
        await page.getByTestId('paper-list').focus();
        await page.keyboard.press('Enter');
        await page.getByTestId('detail-drawer').waitFor();
      }
      await shoot(page, `docs/screenshot-${name}-${scheme}.png`);
      await bridge.dispose();
      await context.close();
    }
  }
} finally {
  await harness.close();
}
