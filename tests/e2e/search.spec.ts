import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { openView, pasteListing, viewCount } from './support/library';

function searchBox(page: Page) {
  return page.getByRole('searchbox', { name: 'Search papers' });
}

/** Scrolls the list to its end until the row `index` is rendered (pages load on the way). */
async function scrollUntilRow(page: Page, index: number): Promise<void> {
  const list = page.getByTestId('paper-list');
  await expect(async () => {
    await list.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await expect(page.getByTestId('paper-row').last()).toHaveAttribute(
      'data-row-index',
      String(index),
      { timeout: 500 },
    );
  }).toPass({ timeout: 15_000 });
}

test.describe('search', () => {
  test('a query in the Read view reaches every match, far beyond 150', async ({ openApp }) => {
    const page = await openApp();
    const listing: string[] = [];
    for (let i = 1; i <= 450; i += 1) {
      listing.push(`Zebrafish locomotion study ${i}`, `We film zebrafish larvae, batch ${i}.`);
    }
    await pasteListing(page, listing);
    await expect(viewCount(page, 'all')).toHaveText('450', { timeout: 30_000 });
    await openView(page, 'inbox');
    await searchBox(page).fill('zebrafish');
    await expect(page.getByTestId('list-count')).toHaveText('450');
    // Mark the first 200 loaded matches read.
    await page.getByRole('button', { name: 'Select all' }).click();
    await expect(page.getByTestId('bulk-bar')).toContainText('200 selected');
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Read', exact: true }).click();
    await expect(viewCount(page, 'read')).toHaveText('200', { timeout: 15_000 });

    await page.getByTestId('view-read').click();
    await expect(page.getByTestId('list-count')).toHaveText('200');
    await expect(page.getByTestId('search-summary')).toContainText('200 matches');
    await scrollUntilRow(page, 199);

    await page.getByTestId('view-inbox').click();
    await expect(page.getByTestId('list-count')).toHaveText('250');
    await scrollUntilRow(page, 249);
  });

  test('an invalid filter is flagged and its suggestion applied in one click', async ({
    openApp,
  }) => {
    const page = await openApp();
    await pasteListing(page, ['Graph kernels revisited', 'Kernels on graphs.']);
    await expect(viewCount(page, 'all')).toHaveText('1', { timeout: 20_000 });
    await openView(page, 'all');
    await searchBox(page).fill('graph status:maybe');
    const problems = page.getByTestId('search-problems');
    await expect(problems).toContainText('Unknown status “maybe”; did you mean status:queued?');
    await problems.getByRole('button', { name: /Use “graph status:queued”/ }).click();
    await expect(searchBox(page)).toHaveValue('graph status:queued');
    await expect(problems).toHaveCount(0);
    await expect(page.getByTestId('list-empty')).toBeVisible();

    await page.getByRole('button', { name: 'Search help' }).click();
    await expect(page.getByRole('dialog', { name: 'Search syntax' })).toContainText('is:noted');
  });

  test('rows show a partial-match badge and a snippet of abstract-only matches', async ({
    openApp,
  }) => {
    const page = await openApp();
    await pasteListing(page, [
      'Walrus navigation under ice',
      'How walruses find breathing holes.',
      'Penguin walrus navigation compared',
      'A comparison.',
      'Marine mammals at night',
      'We tag seals and report a frobnicator effect in their dives.',
    ]);
    await expect(viewCount(page, 'all')).toHaveText('3', { timeout: 20_000 });
    await openView(page, 'all');

    await searchBox(page).fill('penguin walrus navigation');
    const rows = page.getByTestId('paper-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('Penguin walrus navigation compared');
    await expect(rows.nth(0).getByTestId('partial-badge')).toHaveCount(0);
    await expect(rows.nth(1).getByTestId('partial-badge')).toBeVisible();
    await expect(page.getByTestId('search-summary')).toContainText('2 matches (1 partial)');

    await searchBox(page).fill('frobnicator');
    await expect(rows).toHaveCount(1);
    const snippet = rows.first().getByTestId('paper-snippet');
    await expect(snippet).toContainText('report a frobnicator effect');
    await expect(snippet.locator('mark')).toHaveText('frobnicator');
  });
});
