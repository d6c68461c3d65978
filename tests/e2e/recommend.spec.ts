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
});
