import type { Page } from '@playwright/test';
import { dirname, join } from 'node:path';
import { expect, test } from './support/fixtures';
import { loadSamples, openView, rowTitles, viewCount } from './support/library';

function tagBox(page: Page) {
  return page.getByRole('combobox', { name: 'Add a tag', exact: true });
}

async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true }),
    );
  }, text);
}

async function backgroundLuminance(page: Page): Promise<number> {
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [red = 0, green = 0, blue = 0] = (background.match(/\d+/g) ?? []).map(Number);
  return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255;
}

test.describe('tags', () => {
  test.beforeEach(async ({ openApp }) => {
    const page = await openApp();
    await loadSamples(page);
    await openView(page, 'inbox');
    await page.keyboard.press('j');
  });

  test('typing tags at full speed gives exactly the typed tags', async ({ page }) => {
    await page.keyboard.press('t');
    await expect(tagBox(page)).toBeFocused();
    await page.keyboard.type('fast-b\nto-read-soon\ndiffusion\n');
    const chips = page.getByTestId('tag-editor').getByRole('listitem');
    await expect(chips).toHaveText(['fast-b×', 'to-read-soon×', 'diffusion×']);
    await expect(page.getByTestId('sidebar-tag')).toHaveText([
      /^diffusion\s*1$/,
      /^fast-b\s*1$/,
      /^to-read-soon\s*1$/,
    ]);
    await expect(tagBox(page)).toHaveValue('');
  });

  test('keys typed right after T go into the tag box, never run as shortcuts', async ({ page }) => {
    // No waiting for the paper to load: "d" and "r" typed here must not dismiss or mark read.
    await page.keyboard.press('j');
    await page.keyboard.press('t');
    await page.keyboard.type('dr-q\n');
    await expect(page.getByTestId('sidebar-tag')).toHaveText([/^dr-q\s*1$/]);
    await expect(viewCount(page, 'dismissed')).toHaveText('0');
    await expect(viewCount(page, 'read')).toHaveText('0');
    await expect(viewCount(page, 'queued')).toHaveText('0');
  });

  test('Enter takes the highlighted suggestion, arrows move, Esc closes', async ({ page }) => {
    await page.keyboard.press('t');
    await page.keyboard.type('diffusion-models\n');
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    await page.keyboard.press('t');
    await page.keyboard.type('diff');
    const suggestions = page.getByRole('listbox', { name: 'Tag suggestions' });
    await expect(suggestions.getByRole('option', { selected: true })).toContainText(
      'diffusion-models',
    );
    await page.keyboard.press('ArrowDown');
    await expect(suggestions.getByRole('option', { selected: true })).toContainText(
      'Create “diff”',
    );
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('tag-editor').getByRole('listitem')).toHaveText([
      'diffusion-models×',
    ]);
    await expect(page.getByTestId('sidebar-tag')).toHaveText([/^diffusion-models\s*2$/]);
    await page.keyboard.type('to');
    await expect(suggestions).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(suggestions).toHaveCount(0);
    await expect(tagBox(page)).toBeFocused();
  });

  test('a near-duplicate name gets a warning offering the existing tag', async ({ page }) => {
    await page.keyboard.press('t');
    await page.keyboard.type('diffusion\n');
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    await page.keyboard.press('t');
    await page.keyboard.type('Diffusions');
    await expect(page.getByTestId('tag-near-duplicate')).toHaveText('“diffusion” exists; use it?');
    await page
      .getByRole('listbox', { name: 'Tag suggestions' })
      .getByRole('option', { name: /^diffusion/ })
      .click();
    await expect(page.getByTestId('sidebar-tag')).toHaveText([/^diffusion\s*2$/]);
  });
});

test.describe('theme and settings', () => {
  test('Dark, Light and System apply at once and the choice survives a restart', async ({
    page,
    openApp,
  }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    // Records the theme the page has when the app first renders anything.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('.app-shell')) return;
        (window as unknown as { __firstTheme: string }).__firstTheme =
          document.documentElement.dataset['theme'] ?? 'system';
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await openApp();
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.85);
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByTestId('settings-dialog');
    await dialog.getByText('Dark', { exact: true }).click();
    expect(await backgroundLuminance(page)).toBeLessThan(0.3);
    await dialog.getByText('Compact', { exact: true }).click();
    await dialog.getByRole('combobox', { name: 'Lists open sorted by' }).selectOption('title');
    await dialog.getByRole('button', { name: 'Done' }).click();

    await page.reload();
    await expect(page.locator('.app-shell')).toBeVisible();
    expect(
      await page.evaluate(() => (window as unknown as { __firstTheme: string }).__firstTheme),
    ).toBe('dark');
    expect(await backgroundLuminance(page)).toBeLessThan(0.3);
    expect(await page.evaluate(() => document.documentElement.dataset['density'])).toBe('compact');
    await loadSamples(page);
    await openView(page, 'all');
    await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('title');
    const titles = await rowTitles(page);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en')));

    await page.keyboard.press('Control+,');
    await dialog.getByText('Light', { exact: true }).click();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.85);
    await dialog.getByText('System', { exact: true }).click();
    expect(await backgroundLuminance(page)).toBeLessThan(0.3);
  });

  test('the inbox folder is changed from Settings', async ({ page, openApp, bridge }) => {
    await openApp();
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByTestId('settings-dialog');
    await expect(dialog.getByTestId('settings-inbox')).toHaveText(bridge.inboxFolder);
    // A sibling of the user-data folder: the user-data folder itself is refused as an inbox.
    const other = join(dirname(bridge.userDataFolder), 'other-inbox');
    bridge.dialogs.nextFolder = other;
    await dialog.getByRole('button', { name: 'Change…' }).click();
    await expect(dialog.getByTestId('settings-inbox')).toHaveText(other);
  });
});

test.describe('feedback', () => {
  test('one undo toast at a time; Ctrl+Z walks back further', async ({ page, openApp }) => {
    await openApp();
    await loadSamples(page);
    await openView(page, 'inbox');
    await page.keyboard.press('j');
    for (const key of ['q', 'd', 'r']) await page.keyboard.press(key);
    await expect(viewCount(page, 'read')).toHaveText('1');
    const undoToasts = page
      .getByTestId('toast')
      .filter({ has: page.getByRole('button', { name: 'Undo' }) });
    await expect(undoToasts).toHaveCount(1);
    await expect(undoToasts).toContainText('Marked read: 1 paper');
    await page.keyboard.press('Control+z');
    await expect(viewCount(page, 'read')).toHaveText('0');
    await page.keyboard.press('Control+z');
    await expect(viewCount(page, 'dismissed')).toHaveText('0');
    await expect(viewCount(page, 'queued')).toHaveText('1');
    await expect(page.getByTestId('toast').filter({ hasText: 'Undone' })).toHaveCount(1);
    expect(await page.getByTestId('toast').count()).toBeLessThanOrEqual(3);
  });

  test('a repeated error collapses into one toast with a count and stays', async ({
    page,
    openApp,
  }) => {
    await openApp();
    for (let i = 0; i < 3; i += 1) await paste(page, 'Just some notes.\nNothing to see here.');
    const refusal = page
      .getByTestId('toast')
      .filter({ hasText: 'Not imported: the pasted text is not a listing' });
    await expect(refusal.getByTestId('toast-repeats')).toHaveText('×3');
    await expect(refusal).toHaveCount(1);
    await expect(refusal).toContainText('“Just some notes.”');
    await expect(refusal).toContainText('each paper’s title on one line');
    await expect(refusal).not.toContainText('pasted-');
    await page.waitForTimeout(6000);
    await expect(refusal).toBeVisible();
    await refusal.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByTestId('toast')).toHaveCount(0);
  });
});

test('a note preview reads as a document: headings, code, tables', async ({ page, openApp }) => {
  await openApp();
  await loadSamples(page);
  await openView(page, 'inbox');
  await page.keyboard.press('j');
  await page.keyboard.press('n');
  await page
    .getByRole('textbox', { name: 'Note (markdown)' })
    .fill(
      '## My heading\n\n```\ncode block\n```\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n> quoted\n\n- [x] done',
    );
  await expect(page.getByTestId('note-state')).toHaveText('Saved');
  await page.getByRole('tab', { name: 'Preview' }).click();
  const preview = page.getByTestId('note-preview');
  const heading = preview.getByRole('heading', { name: 'My heading' });
  await expect(heading).toHaveCSS('text-transform', 'none');
  await expect(page.locator('.section-label').first()).toHaveCSS('text-transform', 'uppercase');
  await expect(preview.locator('table td')).toHaveText(['1', '2']);
  await expect(preview.locator('pre')).toHaveCSS('padding-left', '12px');
  await expect(preview.locator('blockquote')).toHaveText('quoted');
  await expect(preview.getByRole('checkbox')).toBeChecked();
});
