import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { loadSamples, openView, rowTitles } from './support/library';

const detailTitle = (page: Page) =>
  page.getByTestId('paper-detail').getByRole('heading', { level: 1 });

test.describe('recommendations', () => {
  test.beforeEach(async ({ openApp }) => {
    const page = await openApp();
    await loadSamples(page);
    await openView(page, 'inbox');
  });

  test('shows ten similar papers with their status; clicking one opens it', async ({ page }) => {
    const [first] = await rowTitles(page);
    await page.getByTestId('paper-row').first().click();
    await expect(detailTitle(page)).toHaveText(first ?? '');
    const similar = page.getByTestId('similar-papers').getByRole('listitem');
    await expect(similar).toHaveCount(10);
    await expect(similar.first()).toContainText('· Inbox');
    const target = await similar.nth(2).getByRole('button').innerText();
    expect(target).not.toBe(first);
    await similar.nth(2).getByRole('button').click();
    await expect(detailTitle(page)).toHaveText(target);
    // The paper is in the Inbox list too: it becomes the list's focus, so keys act on it.
    await expect(page.locator('[data-testid="paper-row"][aria-selected="true"]')).toContainText(
      target,
    );
    await expect(page.getByTestId('similar-papers')).not.toContainText(target);
  });

  test('suggests a tag whose papers a paper resembles, added with one click', async ({ page }) => {
    const rows = page.getByTestId('paper-row');
    await rows.nth(0).click();
    await rows.nth(2).click({ modifiers: ['Shift'] });
    const bulkTag = page.getByRole('combobox', { name: 'Add a tag to the selected papers' });
    await bulkTag.fill('llm systems');
    await bulkTag.press('Enter');
    const sidebarTag = page.getByTestId('sidebar-tag').filter({ hasText: 'llm systems' });
    await expect(sidebarTag).toContainText('3');
    await rows.nth(4).click();
    const accept = page.getByRole('button', { name: 'Add suggested tag llm systems' });
    await expect(accept).toBeVisible();
    await accept.click();
    await expect(sidebarTag).toContainText('4');
    await expect(accept).toHaveCount(0);
  });

  test('For you needs 5 + 5 decisions, then orders the inbox with reasons', async ({ page }) => {
    const forYou = page.getByRole('button', { name: 'For you' });
    await forYou.click();
    await expect(page.getByTestId('for-you-notice')).toContainText(
      'needs 5 more queued, read or tagged papers and 5 more dismissed papers',
    );
    await page.getByTestId('paper-row').first().click();
    for (const key of ['q', 'q', 'q', 'q', 'q', 'd', 'd', 'd', 'd', 'd']) {
      await page.keyboard.press(key);
    }
    await expect(page.getByTestId('count-queued')).toHaveText('5');
    await expect(page.getByTestId('count-dismissed')).toHaveText('5');
    await expect(page.getByTestId('for-you-notice')).toHaveCount(0);
    await expect(page.getByTestId('for-you-why').first()).toContainText('for you: ');
    const ranked = (await rowTitles(page)).slice(0, 10);
    await forYou.click();
    await expect(page.getByTestId('for-you-why')).toHaveCount(0);
    const listing = (await rowTitles(page)).slice(0, 10);
    expect(ranked).not.toEqual(listing);
    await forYou.click();
    await expect(page.getByTestId('for-you-why').first()).toBeVisible();
    expect((await rowTitles(page)).slice(0, 10)).toEqual(ranked);
  });
});
