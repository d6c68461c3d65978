import { generateCompactDump, generatePageDump } from '../../scripts/bench/generate-dump';
import { expect, test } from './support/fixtures';
import { dropFiles, loadSamples, openView, viewCount } from './support/library';

/** `count` small daily dumps (5–14 papers, both layouts), every paper distinct. */
function dailyDumps(count: number): { files: { name: string; content: string }[]; papers: number } {
  const files: { name: string; content: string }[] = [];
  let offset = 0;
  for (let day = 0; day < count; day++) {
    const size = 5 + (day % 10);
    const content =
      day % 3 === 2 ? generateCompactDump(size, offset) : generatePageDump(size, offset);
    files.push({ name: `daily-${String(day).padStart(3, '0')}.txt`, content });
    offset += size;
  }
  return { files, papers: offset };
}

test.describe('a drop of many small dumps', () => {
  test('shows one progress indicator, one summary and every paper', async ({ openApp }) => {
    const page = await openApp();
    const { files, papers } = dailyDumps(120);
    // Everything the toolbar indicator and the toasts show while the import runs.
    await page.evaluate(() => {
      const seen = { indicators: 0, lines: new Set<string>(), toasts: new Set<string>() };
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      new MutationObserver(() => {
        const indicators = document.querySelectorAll('[data-testid="import-activity"]');
        seen.indicators = Math.max(seen.indicators, indicators.length);
        indicators.forEach((node) => seen.lines.add(node.textContent ?? ''));
        document
          .querySelectorAll('[data-testid="toast"]')
          .forEach((node) => seen.toasts.add(node.querySelector('strong')?.textContent ?? ''));
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await dropFiles(page, files);
    await expect(viewCount(page, 'all')).toHaveText(String(papers), { timeout: 60_000 });
    const summary = page.getByTestId('toast').filter({ hasText: 'Imported 120 files' });
    await expect(summary).toContainText(`${papers.toLocaleString('en-US')} papers`);
    await expect(summary).toContainText(`${papers.toLocaleString('en-US')} new, 0 updated`);
    await expect(page.getByTestId('import-activity')).toHaveCount(0);
    const seen = await page.evaluate(() => {
      const value = (
        window as unknown as {
          __seen: { indicators: number; lines: Set<string>; toasts: Set<string> };
        }
      ).__seen;
      return { indicators: value.indicators, lines: [...value.lines], toasts: [...value.toasts] };
    });
    expect(seen.indicators).toBe(1);
    expect(seen.lines.length).toBeGreaterThan(0);
    for (const line of seen.lines)
      expect(line).toMatch(/^Importing · File \d+ of \d+ · [\d,]+ papers?$/);
    expect(seen.toasts).toEqual([`Imported 120 files · ${papers.toLocaleString('en-US')} papers`]);

    await openView(page, 'inbox');
    await expect(page.getByTestId('list-count')).toHaveText(String(papers));
    await page.getByRole('button', { name: 'Import history' }).click();
    await expect(page.getByTestId('import-run')).toHaveCount(1);
    await expect(page.getByTestId('import-run')).toContainText('Dropped · 120 files · imported');
    await expect(page.getByTestId('import-item')).toHaveCount(120);
  });
});

test.describe('a library that heals', () => {
  test('gets every inbox dump back after its database was deleted', async ({ openApp }) => {
    const page = await openApp();
    await loadSamples(page);
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase('paper-queue');
          request.onsuccess = () => resolve();
          request.onerror = () => reject(new Error('delete failed'));
        }),
    );
    await page.reload();
    await expect(viewCount(page, 'all')).toHaveText('334', { timeout: 30_000 });
    // The papers came back through a new import of the inbox, not from the old database.
    await page.getByRole('button', { name: 'Import history' }).click();
    await expect(page.getByTestId('import-run')).toHaveCount(1);
    await expect(page.getByTestId('import-run')).toContainText('Inbox folder at start · 5 files');
  });
});
