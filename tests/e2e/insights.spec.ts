import { expect, test } from './support/fixtures';
import { loadSamples, openView } from './support/library';

test.describe('reading insights', () => {
  test('draws weekly charts from the samples, with tables showing the same numbers', async ({
    openApp,
  }) => {
    const page = await openApp();
    await loadSamples(page);
    await openView(page, 'inbox');
    await page.keyboard.press('j');
    await page.keyboard.press('q');
    await page.keyboard.press('q');
    await page.keyboard.press('r');
    await page.keyboard.press('t');
    await page.keyboard.type('insightful');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('count-queued')).toHaveText('2');

    await page.getByTestId('view-insights').click();
    const view = page.getByTestId('insights-view');
    const charts = view.getByTestId('insight-chart');
    await expect(charts).toHaveCount(2);
    await expect(charts.nth(0).locator('canvas')).toHaveCount(1);
    await expect(charts.nth(1).locator('canvas')).toHaveCount(1);
    expect(
      await charts
        .nth(0)
        .locator('canvas')
        .evaluate((c) => (c as HTMLCanvasElement).width),
    ).toBeGreaterThan(0);

    await charts.nth(0).getByRole('button', { name: 'Show as table' }).click();
    const activity = charts.nth(0).getByTestId('insight-table');
    await expect(activity).toBeVisible();
    await expect(charts.nth(0).locator('canvas')).toHaveCount(0);
    // Every sample paper was imported this week; three were triaged and one read.
    const thisWeek = activity.locator('tbody tr').last();
    await expect(thisWeek.locator('td')).toHaveText(['334', '3', '1']);

    await charts.nth(1).getByRole('button', { name: 'Show as table' }).click();
    await expect(
      charts.nth(1).getByTestId('insight-table').locator('tbody tr').last(),
    ).toContainText('2');
    await expect(view.getByRole('region', { name: 'Top tags' })).toContainText('insightful');
    await expect(
      view.getByRole('region', { name: 'Top organisations' }).locator('tr'),
    ).not.toHaveCount(0);
  });
});
