import type { Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MenuCommand } from '../../src/shared/settings';
import { expect, test } from './support/fixtures';
import {
  dropFiles,
  loadSamples,
  openView,
  rowTitles,
  sampleFiles,
  selectPaper,
  viewCount,
} from './support/library';

/** Sends a command exactly as the application menu does (a `menu:command` event). */
async function menu(page: Page, command: MenuCommand): Promise<void> {
  await page.evaluate((name) => {
    const receive = (
      window as unknown as { __pqReceive: (c: string, j: string, id: number) => void }
    ).__pqReceive;
    receive('menu:command', JSON.stringify(name), 0);
  }, command);
}

function focusedTitle(page: Page) {
  return page.getByTestId('paper-detail').getByRole('heading', { level: 1 });
}

/** Deletes the library's IndexedDB database and reloads, as if the library had been lost. */
async function loseLibrary(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('paper-queue');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(new Error('could not delete the database'));
      }),
  );
  await page.reload();
  await expect(page.locator('.app-shell')).toBeVisible();
  // The library heals: the inbox's dumps come back by themselves, without the user's data.
  await expect(viewCount(page, 'all')).toHaveText('334', { timeout: 30_000 });
  await expect(viewCount(page, 'queued')).toHaveText('0');
}

test.describe('backup and restore', () => {
  test('tags, notes and a queue survive backup → lost database → restore', async ({
    openApp,
    bridge,
  }) => {
    const page = await openApp();
    await loadSamples(page);
    await openView(page, 'inbox');
    const queued = (await rowTitles(page)).slice(0, 3);
    await page.keyboard.press('j');
    for (const title of queued) {
      await expect(focusedTitle(page)).toHaveText(title);
      await page.keyboard.press('q');
    }
    await expect(viewCount(page, 'queued')).toHaveText('3');
    await openView(page, 'queued');
    await selectPaper(page, queued[2] ?? '');
    await page.keyboard.press('Alt+Shift+ArrowUp');
    const order = [queued[2], queued[0], queued[1]].map((title, i) => `${i + 1}.${title}`);
    await expect(page.getByTestId('paper-title')).toHaveText(order);
    await page.keyboard.press('t');
    await page.keyboard.type('must-read');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('tag-editor')).toContainText('must-read');
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    await page.keyboard.type('Backed up *note* with "quotes", {braces} & 100%.');
    await expect(page.getByTestId('note-state')).toHaveText('Saved');
    await page.keyboard.press('Escape');

    const backupPath = join(bridge.userDataFolder, '..', 'my backup.json');
    bridge.dialogs.nextSavePath = backupPath;
    await menu(page, 'back-up-library');
    await expect(
      page.getByTestId('toast').filter({ hasText: 'Backed up 334 papers' }),
    ).toBeVisible();
    const header = (await readFile(backupPath, 'utf8')).split('\n')[0] ?? '';
    expect(header).toContain('"format":"paper-queue-backup","version":1');

    await loseLibrary(page);
    bridge.dialogs.nextBackupFile = backupPath;
    await menu(page, 'restore-backup');
    const dialog = page.getByTestId('restore-dialog');
    await expect(dialog.getByTestId('restore-preview')).toContainText(
      'The backup holds 334 papers, 1 note, 1 tag and 3 queued.',
    );
    await expect(dialog.getByTestId('replace-counts')).toContainText(
      '3 papers change status, queue, tags or note',
    );
    await dialog.getByRole('radio', { name: /Replace/ }).check();
    await dialog.getByRole('button', { name: 'Replace Library' }).click();
    await expect(dialog).toBeHidden();
    await expect(viewCount(page, 'all')).toHaveText('334');
    await expect(viewCount(page, 'queued')).toHaveText('3');
    await expect(page.getByTestId('sidebar-tag').filter({ hasText: 'must-read' })).toContainText(
      '1',
    );
    await openView(page, 'queued');
    await expect(page.getByTestId('paper-title')).toHaveText(order);
    await selectPaper(page, queued[2] ?? '');
    await expect(page.getByTestId('paper-detail')).toContainText(
      'Backed up note with "quotes", {braces} & 100%.',
    );
    await expect(page.getByTestId('tag-editor')).toContainText('must-read');
  });

  test('replacing the library by an older backup brings back dumps imported since', async ({
    openApp,
    bridge,
  }) => {
    const page = await openApp();
    const [first, ...later] = await sampleFiles();
    await dropFiles(page, first ? [first] : []);
    await expect(viewCount(page, 'all')).toHaveText('45', { timeout: 30_000 });
    await openView(page, 'inbox');
    await page.keyboard.press('j');
    await page.keyboard.press('q');
    await expect(viewCount(page, 'queued')).toHaveText('1');
    const backupPath = join(bridge.userDataFolder, '..', 'early.json');
    bridge.dialogs.nextSavePath = backupPath;
    await menu(page, 'back-up-library');
    await expect(
      page.getByTestId('toast').filter({ hasText: 'Backed up 45 papers' }),
    ).toBeVisible();

    await dropFiles(page, later);
    await expect(viewCount(page, 'all')).toHaveText('334', { timeout: 30_000 });
    bridge.dialogs.nextBackupFile = backupPath;
    await menu(page, 'restore-backup');
    const dialog = page.getByTestId('restore-dialog');
    await dialog.getByRole('radio', { name: /Replace/ }).check();
    await dialog.getByRole('button', { name: 'Replace Library' }).click();
    await expect(dialog).toBeHidden();
    // The backup's 45 papers keep their queue; the four dumps dropped after it come back.
    await expect(viewCount(page, 'all')).toHaveText('334', { timeout: 30_000 });
    await expect(viewCount(page, 'queued')).toHaveText('1');
  });

  test('writes a snapshot when the app starts, listed in Backups', async ({ openApp, bridge }) => {
    const page = await openApp();
    await loadSamples(page);
    const folder = join(bridge.userDataFolder, 'snapshots');
    await page.reload();
    await expect(viewCount(page, 'all')).toHaveText('334');
    await expect
      .poll(async () => (existsSync(folder) ? await readdir(folder) : []), { timeout: 15_000 })
      .toEqual([expect.stringMatching(/^paper-queue-daily-.*\.json$/)]);
    await menu(page, 'show-backups');
    const dialog = page.getByTestId('backups-dialog');
    await expect(dialog.getByTestId('snapshot-row')).toHaveCount(1);
    await expect(dialog.getByTestId('snapshot-row')).toContainText('Daily');
    await expect(dialog.getByTestId('snapshot-row')).toContainText(/\d+ KB|MB/);
    await dialog.getByRole('button', { name: 'Open snapshots folder' }).click();
    await expect.poll(() => bridge.dialogs.revealed).toEqual([folder]);
  });

  test('refuses a damaged backup with a visible reason and changes nothing', async ({
    openApp,
    bridge,
  }) => {
    const page = await openApp();
    await loadSamples(page);
    const backupPath = join(bridge.userDataFolder, '..', 'backup.json');
    bridge.dialogs.nextSavePath = backupPath;
    await menu(page, 'back-up-library');
    await expect(
      page.getByTestId('toast').filter({ hasText: 'Backed up 334 papers' }),
    ).toBeVisible();
    const text = await readFile(backupPath, 'utf8');
    const damaged = join(bridge.userDataFolder, '..', 'damaged.json');
    await writeFile(damaged, text.slice(0, Math.floor(text.length / 2)));
    bridge.dialogs.nextBackupFile = damaged;
    await menu(page, 'restore-backup');
    const refusal = page.getByTestId('restore-refused');
    await expect(refusal).toContainText('damaged.json cannot be restored');
    await expect(refusal).toContainText('incomplete');
    await expect(refusal).toContainText('Nothing was changed.');
    await page.getByTestId('restore-dialog').getByRole('button', { name: 'Close' }).click();
    await expect(viewCount(page, 'all')).toHaveText('334');
  });
});
