import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import {
  dropFiles,
  FIXTURES,
  openView,
  sampleFiles,
  selectPaper,
  viewCount,
} from './support/library';

test.describe('importing dumps', () => {
  test('dropping the five samples imports 334 papers and copies them into the inbox', async ({
    openApp,
    bridge,
  }) => {
    const page = await openApp();
    await dropFiles(page, await sampleFiles());
    await expect(viewCount(page, 'all')).toHaveText('334', { timeout: 30_000 });
    await expect(viewCount(page, 'inbox')).toHaveText('334');
    const { readdir } = await import('node:fs/promises');
    await expect.poll(async () => (await readdir(bridge.inboxFolder)).length).toBe(5);
    await page.getByRole('button', { name: 'Import history' }).click();
    await expect(page.getByTestId('import-run')).toHaveCount(1);
    await expect(page.getByTestId('import-item')).toHaveCount(5);
    await expect(page.getByTestId('imports-view')).toContainText('45 entries: 45 new');
  });

  test('re-importing after tagging, noting and marking changes nothing but provenance', async ({
    openApp,
  }) => {
    const page = await openApp();
    const samples = await sampleFiles();
    await dropFiles(page, samples);
    await expect(viewCount(page, 'all')).toHaveText('334', { timeout: 30_000 });

    await openView(page, 'all');
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('LoRAFusion');
    await selectPaper(page, 'LoRAFusion');
    await page.getByRole('combobox', { name: 'Add a tag', exact: true }).fill('fine-tuning');
    await page.getByRole('combobox', { name: 'Add a tag', exact: true }).press('Enter');
    await page.getByRole('tab', { name: 'Write' }).click();
    await page.getByRole('textbox', { name: 'Note (markdown)' }).fill('Compare with **mLoRA**.');
    await expect(page.getByTestId('note-state')).toHaveText('Saved');
    await page
      .getByTestId('paper-detail')
      .getByRole('button', { name: 'Read', exact: true })
      .click();
    await expect(page.getByTestId('detail-status')).toContainText('Read on');
    const sourcesBefore = await page.getByTestId('detail-sources').locator('li').count();

    // The same dumps again but with CRLF line endings: different bytes, same papers.
    await dropFiles(
      page,
      samples.map((file) => ({
        name: `crlf-${file.name}`,
        content: file.content.replace(/\n/g, '\r\n'),
      })),
    );
    await page.getByRole('button', { name: 'Import history' }).click();
    await expect(page.getByTestId('import-item')).toHaveCount(10, { timeout: 30_000 });
    await expect(page.getByTestId('imports-view')).not.toContainText('in progress');
    await expect(page.getByTestId('import-run')).toHaveCount(2);
    await expect(
      page.getByTestId('import-item').filter({ hasText: /: 0 new, 0 updated/ }),
    ).toHaveCount(5);

    await openView(page, 'all');
    await expect(viewCount(page, 'all')).toHaveText('334');
    await expect(viewCount(page, 'read')).toHaveText('1');
    await selectPaper(page, 'LoRAFusion');
    await expect(page.getByTestId('detail-status')).toContainText('Read on');
    await expect(page.getByTestId('tag-editor')).toContainText('fine-tuning');
    await expect(page.getByTestId('note-preview')).toContainText('Compare with mLoRA.');
    await expect(page.getByTestId('detail-sources').locator('li')).toHaveCount(sourcesBefore * 2);
  });

  test('a dump saved into the watched inbox folder is imported without any user action', async ({
    openApp,
    bridge,
  }) => {
    const page = await openApp();
    await expect(page.getByTestId('empty-state')).toBeVisible();
    const dump = await readFile(join(FIXTURES, '002_ffe0c26792ce5642.txt'));
    await writeFile(join(bridge.inboxFolder, 'saved-by-browser.txt'), dump);
    await expect(viewCount(page, 'all')).toHaveText('45', { timeout: 20_000 });
    await expect(
      page.getByTestId('toast').filter({ hasText: 'Imported saved-by-browser.txt' }),
    ).toBeVisible();
  });

  test('an HTML page and an empty file are refused with visible reasons and change nothing', async ({
    openApp,
    bridge,
  }) => {
    const page = await openApp();
    await dropFiles(page, [
      {
        name: 'daily-papers.html',
        content:
          '<!DOCTYPE html><html><head><title>Daily Papers</title></head><body></body></html>',
      },
      { name: 'empty.txt', content: '' },
    ]);
    // One summary for the drop, naming each file with its reason.
    const summary = page.getByTestId('toast').filter({ hasText: '2 files not imported' });
    await expect(summary).toContainText(/daily-papers\.html[^.]*HTML/i);
    await expect(summary).toContainText(/empty\.txt[^.]*empty/i);
    await expect(page.getByTestId('toast')).toHaveCount(1);
    await expect(page.getByTestId('empty-state')).toBeVisible();
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(bridge.inboxFolder)).toEqual([]);
  });

  test('pasting a copied listing imports it', async ({ openApp }) => {
    const page = await openApp();
    const text = await readFile(join(FIXTURES, '003_cfea0d4cd2e8713d.txt'), 'utf8');
    await page.evaluate((listing) => {
      const data = new DataTransfer();
      data.setData('text/plain', listing);
      document.body.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true }),
      );
    }, text);
    await expect(viewCount(page, 'all')).toHaveText('119', { timeout: 20_000 });
  });
});
