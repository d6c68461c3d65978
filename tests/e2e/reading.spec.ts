import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { loadSamples, openView, rowTitles, selectPaper, viewCount } from './support/library';

test.describe('reading experience', () => {
  test.beforeEach(async ({ openApp }) => {
    const page = await openApp();
    await loadSamples(page);
  });

  test('triages papers from the inbox by keyboard, moving on to the next paper', async ({
    page,
  }) => {
    await openView(page, 'inbox');
    const [first, second, third, fourth] = await rowTitles(page);
    await page.keyboard.press('j');
    await expect(page.getByTestId('paper-detail').getByRole('heading', { level: 1 })).toHaveText(
      first ?? '',
    );
    await page.keyboard.press('q');
    await expect(viewCount(page, 'queued')).toHaveText('1');
    await expect(page.getByTestId('paper-detail').getByRole('heading', { level: 1 })).toHaveText(
      second ?? '',
    );
    await page.keyboard.press('d');
    await expect(viewCount(page, 'dismissed')).toHaveText('1');
    await expect(page.getByTestId('paper-detail').getByRole('heading', { level: 1 })).toHaveText(
      third ?? '',
    );
    await page.keyboard.press('s');
    await expect(viewCount(page, 'reading')).toHaveText('1');
    await page.keyboard.press('r');
    await expect(viewCount(page, 'read')).toHaveText('1');
    await expect(viewCount(page, 'inbox')).toHaveText('330');
    expect((await rowTitles(page)).slice(0, 1)).not.toContain(first);
    await openView(page, 'read');
    await expect(page.getByTestId('paper-row')).toHaveText([new RegExp(escape(fourth ?? ''))]);
    await expect(page.getByTestId('paper-row').first()).toContainText(/read \d{4}-\d{2}-\d{2}/);

    await page.keyboard.press('Control+z');
    await expect(viewCount(page, 'read')).toHaveText('0');
    await expect(viewCount(page, 'inbox')).toHaveText('331');
  });

  test('bulk-selects papers and queues and tags them together', async ({ page }) => {
    await openView(page, 'inbox');
    const rows = page.getByTestId('paper-row');
    await rows.nth(0).click();
    await rows.nth(3).click({ modifiers: ['Shift'] });
    await rows.nth(5).click({ modifiers: ['Control'] });
    await expect(page.getByTestId('bulk-bar')).toContainText('5 selected');
    await page.getByRole('combobox', { name: 'Add a tag to the selected papers' }).fill('batch');
    await page.getByRole('combobox', { name: 'Add a tag to the selected papers' }).press('Enter');
    await expect(page.getByTestId('sidebar-tag').filter({ hasText: 'batch' })).toContainText('5');
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Queue' }).click();
    await expect(viewCount(page, 'queued')).toHaveText('5');
    await page.keyboard.press('Control+z');
    await expect(viewCount(page, 'queued')).toHaveText('0');
  });

  test('reorders the queue by keys and by dragging', async ({ page }) => {
    await openView(page, 'inbox');
    const titles = (await rowTitles(page)).slice(0, 3);
    await page.keyboard.press('j');
    for (const title of titles) {
      await expect(focusedTitle(page)).toHaveText(title);
      await page.keyboard.press('q');
    }
    await expect(viewCount(page, 'queued')).toHaveText('3');
    await openView(page, 'queued');
    await expect(page.getByTestId('paper-title')).toHaveText(
      titles.map((title, index) => `${index + 1}.${title}`),
    );
    await expect(page.getByTestId('paper-row').first()).toContainText('Next up');

    await selectPaper(page, titles[2] ?? '');
    await page.keyboard.press('Alt+Shift+ArrowUp');
    await expect(page.getByTestId('paper-title').first()).toContainText(titles[2] ?? '');
    await page.keyboard.press('Alt+ArrowDown');
    await expect(page.getByTestId('paper-title').nth(1)).toContainText(titles[2] ?? '');

    const rows = page.getByTestId('paper-row');
    await rows.nth(0).dragTo(rows.nth(2));
    await expect(page.getByTestId('paper-title').nth(2)).toContainText(titles[0] ?? '');
  });

  test('tags, renames and merges tags', async ({ page }) => {
    await openView(page, 'all');
    const titles = (await rowTitles(page)).slice(0, 3);
    await page.getByTestId('paper-row').nth(0).click();
    await expect(focusedTitle(page)).toHaveText(titles[0] ?? '');
    await page.keyboard.press('t');
    await expect(page.getByRole('combobox', { name: 'Add a tag', exact: true })).toBeFocused();
    await page.keyboard.type('sparsity');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('tag-editor')).toContainText('sparsity');
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    await expect(focusedTitle(page)).toHaveText(titles[1] ?? '');
    await page.keyboard.press('t');
    await expect(page.getByRole('combobox', { name: 'Add a tag', exact: true })).toBeFocused();
    await page.keyboard.type('sparse');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('tag-editor')).toContainText('sparse');
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    await expect(focusedTitle(page)).toHaveText(titles[2] ?? '');
    await page.keyboard.press('t');
    await expect(page.getByRole('combobox', { name: 'Add a tag', exact: true })).toBeFocused();
    await page.keyboard.type('spars');
    await expect(page.getByRole('listbox', { name: 'Tag suggestions' })).toContainText('sparse');
    await page
      .getByRole('listbox', { name: 'Tag suggestions' })
      .getByRole('option', { name: /sparsity/ })
      .click();
    await expect(page.getByTestId('sidebar-tag').filter({ hasText: 'sparsity' })).toContainText(
      '2',
    );

    await page.getByRole('button', { name: 'Manage tag sparse', exact: true }).click();
    await page.getByRole('textbox', { name: 'Tag name' }).fill('Sparse models');
    await page.getByRole('button', { name: 'Rename' }).click();
    await expect(
      page.getByTestId('sidebar-tag').filter({ hasText: 'Sparse models' }),
    ).toContainText('1');

    await page.getByRole('button', { name: 'Manage tag Sparse models' }).click();
    await page.getByRole('combobox', { name: 'Merge into' }).selectOption({ label: 'sparsity' });
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(page.getByTestId('sidebar-tag')).toHaveCount(1);
    await expect(page.getByTestId('sidebar-tag')).toContainText('3');

    await page.getByRole('button', { name: 'Manage tag sparsity' }).click();
    await page.getByRole('button', { name: 'Delete tag' }).click();
    await expect(page.getByTestId('sidebar-tag')).toHaveCount(0);
    await page
      .getByTestId('toast')
      .filter({ hasText: 'Deleted tag' })
      .getByRole('button', { name: 'Undo' })
      .click();
    await expect(page.getByTestId('sidebar-tag').filter({ hasText: 'sparsity' })).toContainText(
      '3',
    );
  });

  test('finds a paper again by a word in its note, and tolerates typos', async ({ page }) => {
    await openView(page, 'all');
    // The list is virtualised: find the paper by searching, as a user would.
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('Hyper-Connections');
    await selectPaper(page, 'Hyper-Connections');
    await page.keyboard.press('n');
    await expect(page.getByRole('textbox', { name: 'Note (markdown)' })).toBeFocused();
    await page.keyboard.type('Try the frobnicator trick from section 3.');
    await expect(page.getByTestId('note-state')).toHaveText('Saved');
    await page.keyboard.press('Escape');

    await page.keyboard.press('/');
    await page.keyboard.type('frobnicatr');
    await expect(page.getByTestId('paper-row')).toHaveCount(1);
    await expect(page.getByTestId('paper-row').first()).toContainText('Hyper-Connections');

    await page.getByRole('searchbox', { name: 'Search papers' }).fill('sparse atention');
    const top = page
      .getByTestId('paper-row')
      .filter({ hasText: 'Sparse Attention with Linear Units' });
    await expect(top).toHaveCount(1);
    expect(Number(await top.getAttribute('data-row-index'))).toBeLessThan(3);
    await expect(top.locator('mark').first()).toHaveText(/sparse/i);

    await page.getByRole('searchbox', { name: 'Search papers' }).fill('finetune lora');
    await expect(page.getByTestId('paper-title').filter({ hasText: 'LoRA' }).first()).toBeVisible();

    await page.getByRole('searchbox', { name: 'Search papers' }).fill('status:inbox org:openbmb');
    await expect(page.getByTestId('paper-row')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('searchbox', { name: 'Search papers' })).toHaveValue('');
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('status:inbox org:openbmb');
    await page.getByRole('searchbox', { name: 'Search papers' }).blur();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('searchbox', { name: 'Search papers' })).toHaveValue('');
    await expect(page.getByTestId('list-count')).toHaveText('334');
  });

  test('shows the keyboard shortcuts', async ({ page }) => {
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expect(page.getByRole('dialog')).toContainText('Add to the queue');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
});

test.describe('untrusted text', () => {
  test('a <script> in a title or a note is shown as text, never run', async ({ openApp, page }) => {
    await openApp();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const listing = [
      'Get trending papers in your email inbox once a day!',
      'Get trending papers in your email inbox!',
      'Subscribe<script>alert("title")</script> Attention Is <b>All</b>',
      'An abstract with <img src=x onerror="alert(1)"> markup and a link https://example.org/paper.',
      'A second paper',
      'Plain abstract.',
    ].join('\n');
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.body.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true }),
      );
    }, listing);
    await expect(viewCount(page, 'all')).toHaveText('2', { timeout: 20_000 });
    await openView(page, 'all');
    await selectPaper(page, '<script>alert("title")</script>');
    await expect(page.getByTestId('detail-abstract')).toContainText(
      '<img src=x onerror="alert(1)">',
    );
    await page.keyboard.press('n');
    await expect(page.getByRole('textbox', { name: 'Note (markdown)' })).toBeFocused();
    await page
      .getByRole('textbox', { name: 'Note (markdown)' })
      .fill(
        '<script>alert("note")</script>\n\n[bad](javascript:alert(2)) [good](https://example.org) <img src=x onerror=alert(3)>',
      );
    await expect(page.getByTestId('note-state')).toHaveText('Saved');
    await page.getByRole('tab', { name: 'Preview' }).click();
    const preview = page.getByTestId('note-preview');
    await expect(preview).toContainText('<script>alert("note")</script>');
    await expect(preview).toContainText('<img src=x onerror=alert(3)>');
    await expect(preview).toContainText('bad');
    await expect(preview.locator('script, img, iframe')).toHaveCount(0);
    await expect(preview.locator('a')).toHaveCount(1);
    await expect(preview.locator('a')).toHaveAttribute('href', 'https://example.org/');
    expect(await page.locator('body script').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});

function focusedTitle(page: Page) {
  return page.getByTestId('paper-detail').getByRole('heading', { level: 1 });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test.describe('large libraries', () => {
  test('the list stays virtualised: only the visible rows are in the DOM', async ({ openApp }) => {
    const page = await openApp();
    await loadSamples(page);
    await openView(page, 'all');
    const rendered = await page.getByTestId('paper-row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    await page.getByTestId('paper-list').evaluate((list) => list.scrollTo(0, list.scrollHeight));
    await expect(page.getByTestId('paper-row').last()).toHaveAttribute('data-row-index', '333');
  });
});
