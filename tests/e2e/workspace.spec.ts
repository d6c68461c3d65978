import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { loadSamples, openView, rowTitles, viewCount } from './support/library';

function detailTitle(page: Page) {
  return page.getByTestId('paper-detail').getByRole('heading', { level: 1 });
}

/** Every element of `selector` lies inside the viewport horizontally. */
async function allWithinViewport(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.every((element) => {
      const box = element.getBoundingClientRect();
      return box.left >= 0 && box.right <= window.innerWidth + 0.5;
    }),
  );
}

test.describe('layout', () => {
  test('at 1400×900 sidebar, list and detail sit side by side, all reachable', async ({
    page,
    openApp,
  }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await openApp();
    await loadSamples(page);
    await openView(page, 'inbox');
    await page.getByTestId('paper-row').first().click();
    const sidebar = await page.getByRole('navigation', { name: 'Library' }).boundingBox();
    const list = await page.getByRole('region', { name: 'Paper list' }).boundingBox();
    const detail = await page.getByRole('region', { name: 'Paper details' }).boundingBox();
    expect(sidebar && list && detail).toBeTruthy();
    if (!sidebar || !list || !detail) return;
    expect(sidebar.x + sidebar.width).toBeLessThanOrEqual(list.x + 1);
    expect(list.x + list.width).toBeLessThanOrEqual(detail.x + 1);
    expect(detail.x + detail.width).toBeLessThanOrEqual(1401);
    await expect(page.getByTestId('detail-drawer')).toHaveCount(0);
    // Headers stay on one line.
    const title = await page.locator('.list-title').boundingBox();
    expect(title?.height ?? 0).toBeLessThan(30);
    await page.getByRole('button', { name: 'Import history' }).click();
    await expect(page.getByTestId('imports-view')).toBeVisible();
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByTestId('settings-dialog')).toBeVisible();
  });

  test('at 720×700 the paper opens as a drawer, Esc closes it; the sidebar folds away', async ({
    page,
    openApp,
  }) => {
    await page.setViewportSize({ width: 720, height: 700 });
    await openApp();
    await loadSamples(page);
    await openView(page, 'inbox');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      720,
    );
    expect(await allWithinViewport(page, '.app-toolbar > *')).toBe(true);
    expect(await allWithinViewport(page, '.list-title-row > *')).toBe(true);
    const title = await page.locator('.list-title').boundingBox();
    expect(title?.height ?? 0).toBeLessThan(30);

    const [first] = await rowTitles(page);
    await page.getByTestId('paper-row').first().click();
    await expect(page.getByTestId('detail-drawer')).toBeVisible();
    await expect(detailTitle(page)).toHaveText(first ?? '');
    expect(await allWithinViewport(page, '[data-testid="detail-drawer"]')).toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('detail-drawer')).toHaveCount(0);
    // Enter opens the focused paper again; J moves on inside the drawer.
    await page.keyboard.press('Enter');
    await expect(detailTitle(page)).toHaveText(first ?? '');
    await page.keyboard.press('j');
    await expect(detailTitle(page)).not.toHaveText(first ?? '');
    await page.getByRole('button', { name: 'Close the paper (Esc)' }).click();
    await expect(page.getByTestId('detail-drawer')).toHaveCount(0);

    await page.getByRole('button', { name: 'Hide the sidebar' }).click();
    await expect(page.getByRole('navigation', { name: 'Library' })).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Show the sidebar' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Library' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Show the sidebar' }).click();
    await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
    await page.getByRole('button', { name: 'Import history' }).click();
    await expect(page.getByTestId('imports-view')).toBeVisible();
    await page.keyboard.press('Control+,');
    const dialog = page.getByTestId('settings-dialog');
    await expect(dialog).toBeVisible();
    expect(await allWithinViewport(page, '[data-testid="settings-dialog"]')).toBe(true);
  });

  test('the next paper opens at its title, not where the last one was scrolled', async ({
    page,
    openApp,
  }) => {
    await page.setViewportSize({ width: 1100, height: 520 });
    await openApp();
    await loadSamples(page);
    await openView(page, 'inbox');
    await page.keyboard.press('j');
    const pane = page.getByRole('region', { name: 'Paper details' });
    await pane.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    expect(await pane.evaluate((element) => element.scrollTop)).toBeGreaterThan(50);
    await page.keyboard.press('j');
    await expect.poll(() => pane.evaluate((element) => element.scrollTop)).toBe(0);
    await pane.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await page.keyboard.press('d');
    await expect.poll(() => pane.evaluate((element) => element.scrollTop)).toBe(0);
  });
});

test.describe('fast keyboard triage', () => {
  test.beforeEach(async ({ openApp }) => {
    const page = await openApp();
    await loadSamples(page);
  });

  test('key repeat on Q queues exactly the next papers, in order', async ({ page }) => {
    await openView(page, 'inbox');
    const titles = (await rowTitles(page)).slice(0, 12);
    await page.keyboard.press('j');
    await expect(detailTitle(page)).toHaveText(titles[0] ?? '');
    // A held key: keydown events with repeat set, as fast as the browser takes them.
    for (let i = 0; i < 10; i += 1) await page.keyboard.down('q');
    await page.keyboard.up('q');
    await expect(viewCount(page, 'queued')).toHaveText('10');
    await expect(viewCount(page, 'inbox')).toHaveText('324');
    await expect(detailTitle(page)).toHaveText(titles[10] ?? '');
    await openView(page, 'queued');
    await expect(page.getByTestId('paper-title')).toHaveText(
      titles.slice(0, 10).map((title, index) => `${index + 1}.${title}`),
    );
  });

  test('fast alternating Q, D and J never lose or misapply an action', async ({ page }) => {
    await openView(page, 'inbox');
    const titles = (await rowTitles(page)).slice(0, 12);
    await page.keyboard.press('j');
    await expect(detailTitle(page)).toHaveText(titles[0] ?? '');
    // No waiting between presses: q d q d, skip one with j, q d.
    for (const key of ['q', 'd', 'q', 'd', 'j', 'q', 'd']) await page.keyboard.press(key);
    await expect(viewCount(page, 'queued')).toHaveText('3');
    await expect(viewCount(page, 'dismissed')).toHaveText('3');
    await expect(detailTitle(page)).toHaveText(titles[7] ?? '');
    await openView(page, 'queued');
    await expect(page.getByTestId('paper-title')).toHaveText([
      `1.${titles[0] ?? ''}`,
      `2.${titles[2] ?? ''}`,
      `3.${titles[5] ?? ''}`,
    ]);
    await openView(page, 'dismissed');
    const dismissed = await rowTitles(page);
    expect([...dismissed].sort()).toEqual([titles[1], titles[3], titles[6]].sort());
    await openView(page, 'inbox');
    expect((await rowTitles(page))[0]).toBe(titles[4]);
  });

  test('a status write that fails puts the paper back and says why', async ({ page }) => {
    await openView(page, 'inbox');
    const [first] = await rowTitles(page);
    await page.keyboard.press('j');
    await expect(detailTitle(page)).toHaveText(first ?? '');
    await page.evaluate(() => {
      const original = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function () {
        IDBObjectStore.prototype.put = original;
        throw new DOMException('The disk is full (simulated).', 'QuotaExceededError');
      };
    });
    await page.keyboard.press('q');
    await expect(
      page.getByTestId('toast').filter({ hasText: 'Could not change the status' }),
    ).toBeVisible();
    await expect(viewCount(page, 'queued')).toHaveText('0');
    await expect(viewCount(page, 'inbox')).toHaveText('334');
    await expect(page.getByTestId('paper-title').first()).toHaveText(first ?? '');
    await expect(page.getByTestId('list-count')).toHaveText('334');
  });
});
