import type { Page } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect } from './fixtures';

/** A file to drop onto the window. */
export interface DropFile {
  readonly name: string;
  readonly content: string;
}

export const FIXTURES = resolve('tests/fixtures');

/** The five sample dumps, as drop files. */
export async function sampleFiles(): Promise<DropFile[]> {
  const names = (await readdir(FIXTURES)).filter((name) => name.endsWith('.txt')).sort();
  return Promise.all(
    names.map(async (name) => ({ name, content: await readFile(join(FIXTURES, name), 'utf8') })),
  );
}

/** Drops files onto the window exactly as a file manager would (a DataTransfer of Files). */
export async function dropFiles(page: Page, files: readonly DropFile[]): Promise<void> {
  const transfer = await page.evaluateHandle((items) => {
    const data = new DataTransfer();
    for (const item of items)
      data.items.add(new File([item.content], item.name, { type: 'text/plain' }));
    return data;
  }, files);
  await page.dispatchEvent('.app-shell', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('.app-shell', 'drop', { dataTransfer: transfer });
}

/** The count shown next to a sidebar view. */
export function viewCount(page: Page, view: string) {
  return page.getByTestId(`count-${view}`);
}

/** Loads the five bundled samples from the first-run screen and waits for all 334 papers. */
export async function loadSamples(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Load sample dumps' }).click();
  await expect(viewCount(page, 'all')).toHaveText('334', { timeout: 30_000 });
}

/** Opens a view from the sidebar. */
export async function openView(
  page: Page,
  view: 'inbox' | 'queued' | 'reading' | 'read' | 'dismissed' | 'all',
): Promise<void> {
  await page.getByTestId(`view-${view}`).click();
  // The list loads asynchronously: unless a search narrows it, wait until it shows as many
  // papers as the sidebar counts.
  if ((await page.getByRole('searchbox', { name: 'Search papers' }).inputValue()) !== '') return;
  const expected = await viewCount(page, view).innerText();
  await expect(page.getByTestId('list-count')).toHaveText(expected);
}

/** Titles of the rows currently rendered in the list, in order. */
export async function rowTitles(page: Page): Promise<string[]> {
  return page.getByTestId('paper-title').allInnerTexts();
}

/** Clicks the row whose title contains `title`. */
export async function selectPaper(page: Page, title: string): Promise<void> {
  await page.getByTestId('paper-row').filter({ hasText: title }).first().click();
  await expect(page.getByTestId('paper-detail').getByRole('heading', { level: 1 })).toContainText(
    title,
  );
}

/** Pastes a compact-format listing of `titleAndAbstracts` (title, abstract, title, …). */
export async function pasteListing(
  page: Page,
  titleAndAbstracts: readonly string[],
): Promise<void> {
  const [firstTitle = '', ...rest] = titleAndAbstracts;
  const listing = [
    'Get trending papers in your email inbox once a day!',
    'Get trending papers in your email inbox!',
    `Subscribe${firstTitle}`,
    ...rest,
  ].join('\n');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true }),
    );
  }, listing);
}
