import type { Page } from '@playwright/test';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MenuCommand } from '../../src/shared/settings';
import { expect, test } from './support/fixtures';
import { loadSamples, openView, rowTitles, selectPaper } from './support/library';

/** Sends a command exactly as the application menu does (a `menu:command` event). */
async function menu(page: Page, command: MenuCommand): Promise<void> {
  await page.evaluate((name) => {
    const receive = (
      window as unknown as { __pqReceive: (c: string, j: string, id: number) => void }
    ).__pqReceive;
    receive('menu:command', JSON.stringify(name), 0);
  }, command);
}

/** Selects the first occurrence of `phrase` in the detail pane's abstract, as a mouse drag would. */
async function selectInAbstract(page: Page, phrase: string): Promise<void> {
  await page.getByTestId('detail-abstract').evaluate((root, wanted) => {
    const at = (root.textContent ?? '').indexOf(wanted);
    if (at < 0) throw new Error(`"${wanted}" is not in the abstract`);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0;
      if (at >= seen && at < seen + length) range.setStart(node, at - seen);
      if (at + wanted.length > seen && at + wanted.length <= seen + length) {
        range.setEnd(node, at + wanted.length - seen);
        break;
      }
      seen += length;
    }
    const selection = document.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }, phrase);
}

/** Two passages of a paper's abstract: its first three words and its last two. */
function passagesOf(abstract: string): { readonly first: string; readonly last: string } {
  const words = abstract.trim().split(/\s+/);
  return { first: words.slice(0, 3).join(' '), last: words.slice(-2).join(' ') };
}

test.describe('highlights', () => {
  test('highlight with a comment and with H; they show, survive a reload, undo, and go into backups and exports', async ({
    openApp,
    bridge,
  }) => {
    const page = await openApp();
    await loadSamples(page);
    await openView(page, 'inbox');
    const [title] = await rowTitles(page);
    await selectPaper(page, title ?? '');
    const abstract = await page.getByTestId('detail-abstract').innerText();
    const { first, last } = passagesOf(abstract);

    // Select, comment, and press Enter in the comment.
    // A trailing space in the selection is left out of the highlight.
    await selectInAbstract(page, `${first} `);
    const composer = page.getByTestId('highlight-composer');
    await expect(composer).toContainText(`“${first}”`);
    await composer
      .getByRole('textbox', { name: 'Comment on the highlight (optional)' })
      .fill('Why <b>this</b> matters');
    await composer.getByRole('textbox').press('Enter');
    await expect(composer).toBeHidden();
    const marks = page.getByTestId('user-highlight');
    await expect(marks).toHaveText([first]);
    const items = page.getByTestId('highlight-item');
    await expect(items).toHaveCount(1);
    await expect(items.first()).toContainText(first);
    await expect(items.first().getByTestId('highlight-comment')).toHaveText(
      'Why <b>this</b> matters',
    );

    // Select another passage and press H: highlighted without a comment.
    await selectInAbstract(page, last);
    await expect(composer).toBeVisible();
    await page.keyboard.press('h');
    await expect(marks).toHaveText([first, last]);
    await expect(items).toHaveCount(2);

    // Delete the second, then undo.
    await items.nth(1).getByRole('button', { name: 'Delete' }).click();
    await expect(items).toHaveCount(1);
    await page.keyboard.press('Control+z');
    await expect(items).toHaveCount(2);

    // Edit the first comment.
    await items.first().getByRole('button', { name: 'Edit comment' }).click();
    const edit = items.first().getByRole('textbox', { name: 'Comment on the highlight' });
    await edit.fill('Why this matters, edited');
    await edit.press('Enter');
    await expect(items.first().getByTestId('highlight-comment')).toHaveText(
      'Why this matters, edited',
    );

    await page.reload();
    await expect(page.locator('.app-shell')).toBeVisible();
    await openView(page, 'inbox');
    await selectPaper(page, title ?? '');
    await expect(page.getByTestId('user-highlight')).toHaveText([first, last]);
    await expect(page.getByTestId('highlight-comment')).toHaveText(['Why this matters, edited']);

    const backupPath = join(bridge.userDataFolder, '..', 'highlights backup.json');
    bridge.dialogs.nextSavePath = backupPath;
    await menu(page, 'back-up-library');
    await expect(
      page.getByTestId('toast').filter({ hasText: 'Backed up 334 papers' }),
    ).toBeVisible();
    const records = (await readFile(backupPath, 'utf8'))
      .split('\n')
      .filter((line) => line.startsWith('{"table":"highlights"'))
      .map(
        (line) => (JSON.parse(line.slice(0, -1)) as { row: { text: string; comment: string } }).row,
      );
    expect(records.map((row) => [row.text, row.comment]).sort()).toEqual(
      [
        [first, 'Why this matters, edited'],
        [last, ''],
      ].sort(),
    );

    const folder = join(bridge.userDataFolder, '..', 'exports');
    await mkdir(folder);
    bridge.dialogs.nextExportFolder = folder;
    await menu(page, 'export-library');
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect(dialog).toBeHidden();
    const [exported] = await readdir(folder);
    const files = await readdir(join(folder, exported ?? ''));
    const texts = await Promise.all(
      files.map((file) => readFile(join(folder, exported ?? '', file), 'utf8')),
    );
    const paper = texts.find((text) => text.includes('## Highlights'));
    expect(paper).toContain(`> ${first}`);
    expect(paper).toContain('— Why this matters, edited');
  });

  test('Cancel leaves nothing highlighted', async ({ openApp }) => {
    const page = await openApp();
    await loadSamples(page);
    await openView(page, 'inbox');
    const [title] = await rowTitles(page);
    await selectPaper(page, title ?? '');
    const { first } = passagesOf(await page.getByTestId('detail-abstract').innerText());
    await selectInAbstract(page, first);
    const composer = page.getByTestId('highlight-composer');
    await composer.getByRole('button', { name: 'Cancel' }).click();
    await expect(composer).toBeHidden();
    await expect(page.getByTestId('user-highlight')).toHaveCount(0);
    await expect(page.getByTestId('highlight-item')).toHaveCount(0);
  });

  test('a highlight comment is found by search, in any view', async ({ openApp }) => {
    const page = await openApp();
    await loadSamples(page);
    await openView(page, 'inbox');
    const [title] = await rowTitles(page);
    await selectPaper(page, title ?? '');
    const abstract = await page.getByTestId('detail-abstract').innerText();
    await selectInAbstract(page, passagesOf(abstract).first);
    const composer = page.getByTestId('highlight-composer');
    await composer
      .getByRole('textbox', { name: 'Comment on the highlight (optional)' })
      .fill('Compare with quokkaformer later');
    await composer.getByRole('textbox').press('Enter');
    await expect(page.getByTestId('highlight-item')).toHaveCount(1);

    await openView(page, 'all');
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('quokkaformer');
    await expect(page.getByTestId('list-count')).toHaveText('1');
    expect(await rowTitles(page)).toEqual([title]);
    await expect(page.getByTestId('paper-snippet')).toContainText('quokkaformer');
  });
});
