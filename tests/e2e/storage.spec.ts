import type { Dexie as DexieType } from 'dexie';
import { SCHEMA_V2, SCHEMA_V3, SCHEMA_V5 } from '../../src/renderer/src/db/schema';
import { expect, test } from './support/fixtures';
import { loadSamples, openView, pasteListing, selectPaper, viewCount } from './support/library';
import { LIBRARY_DB, setQuota, openSeedPage, randomText, rawLibraryShape } from './support/storage';

/** What the seed page's global Dexie looks like to the test code. */
type SeedWindow = Window & {
  Dexie: typeof DexieType;
  held?: DexieType;
};

const ENTRY = {
  paperId: 'kept-paper',
  status: 'queued',
  queueRank: 1024,
  tagIds: [],
  note: '# my note',
  readAt: null,
  changedAt: '2025-04-17T10:00:00.000Z',
  statusChangedAt: '2025-04-17T10:00:00.000Z',
};

test.describe('a library that cannot simply be opened', () => {
  test('a library written by a newer version is refused with a message and left untouched', async ({
    page,
    bridge,
  }) => {
    void bridge;
    await openSeedPage(page);
    await page.evaluate(
      async ({ name, stores, entry }) => {
        const db = new (window as unknown as SeedWindow).Dexie(name);
        db.version(6).stores(stores);
        await db.table('entries').add(entry);
        db.close();
      },
      { name: LIBRARY_DB, stores: { ...SCHEMA_V5, notebooks: 'id' }, entry: ENTRY },
    );
    const before = await rawLibraryShape(page);

    await page.goto('/index.html');
    const problem = page.getByTestId('storage-problem');
    await expect(
      problem.getByRole('heading', { name: 'Your library is from a newer version of Paper Queue' }),
    ).toBeVisible();
    await expect(problem).toContainText('library format 6; this version reads format 5');
    await expect(problem).toContainText('Nothing in your library was changed or deleted.');
    await expect(page.locator('.app-shell')).toHaveCount(0);
    await problem.getByRole('button', { name: 'Check again' }).click();
    await expect(problem).toContainText('library format 6');
    expect(await rawLibraryShape(page)).toEqual(before);
    expect(before).toMatchObject({ version: 60, entries: 1 });
    expect(before.stores).toContain('notebooks');
  });

  test('storage that cannot be opened is explained, with Try again', async ({ page, bridge }) => {
    void bridge;
    await page.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException(
          'Internal error opening backing store for indexedDB.open.',
          'UnknownError',
        );
      };
    });
    await page.goto('/index.html');
    const problem = page.getByTestId('storage-problem');
    await expect(
      problem.getByRole('heading', { name: 'Your library cannot be opened' }),
    ).toBeVisible();
    await expect(problem).toContainText('damaged or unavailable');
    await expect(problem).not.toContainText('backing store');
    await expect(problem.getByRole('button', { name: 'Try again' })).toBeVisible();
  });

  test('an upgrade blocked by an old window waits for it, then opens by itself', async ({
    page,
    context,
    bridge,
  }) => {
    void bridge;
    const oldWindow = await context.newPage();
    await openSeedPage(oldWindow);
    await oldWindow.evaluate(
      async ({ name, stores, entry }) => {
        const seed = window as unknown as SeedWindow;
        const db = new seed.Dexie(name);
        db.version(3).stores(stores);
        await db.table('entries').add(entry);
        // An old window that does not let go when a newer one asks to upgrade.
        db.on('versionchange', () => false);
        seed.held = db;
      },
      { name: LIBRARY_DB, stores: SCHEMA_V3, entry: ENTRY },
    );

    await page.goto('/index.html');
    await expect(
      page.getByRole('heading', { name: 'Waiting for another Paper Queue window' }),
    ).toBeVisible();
    await oldWindow.evaluate(() => (window as unknown as SeedWindow).held?.close());
    await expect(page.locator('.app-shell')).toBeVisible();
    expect(await rawLibraryShape(oldWindow)).toMatchObject({ version: 50, entries: 1 });
  });

  test('an upgrade that fails on a full disk changes nothing and succeeds on Try again', async ({
    page,
    context,
    baseURL,
    bridge,
  }) => {
    void bridge;
    // Seeding takes about 1.5 MB, the upgrade about 1.1 MB more.
    await setQuota(context, page, new URL(baseURL ?? '').origin, 2_000_000);
    await openSeedPage(page);
    const title = await randomText(page, 3000);
    await page.evaluate(
      async ({ name, stores, title: longTitle }) => {
        const db = new (window as unknown as SeedWindow).Dexie(name);
        db.version(2).stores(stores);
        const papers = Array.from({ length: 300 }, (_, i) => ({
          id: `paper-${i}`,
          title: `${i} ${longTitle}`,
          titleSort: `${i}`,
          abstract: 'An abstract.',
          authors: 3,
          organization: null,
          published: '2025-04-01',
          upvotes: i,
          upvoteHistory: [],
          links: [],
          sources: [],
          firstSeenAt: '2025-04-17T09:00:00.000Z',
          lastSeenAt: '2025-04-17T09:00:00.000Z',
          listingDate: '2025-04-17',
        }));
        await db.table('papers').bulkAdd(papers);
        await db.table('entries').bulkAdd(
          papers.map((paper) => ({
            paperId: paper.id,
            status: 'inbox',
            queueRank: null,
            tagIds: [],
            note: '',
            readAt: null,
            changedAt: paper.firstSeenAt,
            statusChangedAt: paper.firstSeenAt,
          })),
        );
        db.close();
      },
      { name: LIBRARY_DB, stores: SCHEMA_V2, title },
    );
    await page.goto('/index.html');
    const problem = page.getByTestId('storage-problem');
    await expect(
      problem.getByRole('heading', { name: 'Your library could not be upgraded' }),
    ).toBeVisible();
    await expect(problem).toContainText('from format 2 to 5');
    await expect(problem).toContainText('Your disk is full');
    expect(await rawLibraryShape(page)).toMatchObject({ version: 20, entries: 300 });

    await setQuota(context, page, new URL(baseURL ?? '').origin, null);
    await problem.getByRole('button', { name: 'Try again' }).click();
    await expect(viewCount(page, 'all')).toHaveText('300');
  });

  test('another window upgrading the library closes it here for good, never patching it', async ({
    openApp,
    context,
  }) => {
    const page = await openApp();
    const newerWindow = await context.newPage();
    await openSeedPage(newerWindow);
    await newerWindow.evaluate(
      async ({ name, stores }) => {
        const db = new (window as unknown as SeedWindow).Dexie(name);
        db.version(6).stores(stores);
        await db.open();
        db.close();
      },
      { name: LIBRARY_DB, stores: { ...SCHEMA_V5, notebooks: 'id' } },
    );
    await expect(
      page.getByRole('heading', { name: 'Another Paper Queue window is upgrading your library' }),
    ).toBeVisible();
    await page.keyboard.press('j');
    expect(await rawLibraryShape(newerWindow)).toMatchObject({ version: 60 });
  });
});

test.describe('writes on a full disk', () => {
  test('a note that does not fit is kept, shown as not saved, and saved on Retry', async ({
    page,
    context,
    baseURL,
    bridge,
  }) => {
    void bridge;
    const origin = new URL(baseURL ?? '').origin;
    // A fresh library takes about 75 kB: room for two papers, not for a 199k-character note.
    await setQuota(context, page, origin, 200_000);
    await page.goto('/index.html');
    await expect(page.locator('.app-shell')).toBeVisible();
    await pasteListing(page, ['First paper', 'First abstract.', 'Second paper', 'An abstract.']);
    await expect(viewCount(page, 'all')).toHaveText('2', { timeout: 20_000 });
    await openView(page, 'all');
    const note = `Disk-full note ${await randomText(page, 199_000)}`;

    await selectPaper(page, 'First paper');
    await page.keyboard.press('n');
    await page.getByRole('textbox', { name: 'Note (markdown)' }).fill(note);
    await expect(page.getByTestId('note-state')).toHaveText('Not saved', { timeout: 15_000 });
    const toast = page.getByTestId('toast').filter({ hasText: 'Could not save the note' });
    await expect(toast).toContainText('Your disk is full');
    await expect(toast).not.toContainText(/AbortError|BulkError|QuotaExceeded/);

    // Switching papers must not discard the unsaved note.
    await selectPaper(page, 'Second paper');
    await expect(page.getByTestId('note-state')).toHaveText('');
    await selectPaper(page, 'First paper');
    await expect(page.getByTestId('note-state')).toHaveText('Not saved');
    await page.getByRole('tab', { name: 'Write' }).click();
    await expect(page.getByRole('textbox', { name: 'Note (markdown)' })).toHaveValue(note);

    await setQuota(context, page, origin, null);
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByTestId('note-state')).toHaveText('Saved');
    await page.reload();
    await openView(page, 'all');
    await selectPaper(page, 'First paper');
    await page.getByRole('tab', { name: 'Write' }).click();
    await expect(page.getByRole('textbox', { name: 'Note (markdown)' })).toHaveValue(note);
  });

  test('every user write asks IndexedDB for strict durability', async ({ page, openApp }) => {
    await page.addInitScript(() => {
      const record: string[] = [];
      Object.defineProperty(window, '__pqWrites', { value: record });
      const original = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.transaction = function (stores, mode, options) {
        if (mode === 'readwrite') record.push(options?.durability ?? 'default');
        return original.call(this, stores, mode, options);
      };
    });
    await openApp();
    await loadSamples(page);
    await openView(page, 'inbox');
    await page.keyboard.press('j');
    await page.keyboard.press('q');
    await expect(viewCount(page, 'queued')).toHaveText('1');
    await page.keyboard.press('Control+z');
    await expect(viewCount(page, 'queued')).toHaveText('0');
    await page.keyboard.press('t');
    await page.keyboard.type('durable');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('sidebar-tag')).toContainText('durable');
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    await page.keyboard.type('strict');
    await expect(page.getByTestId('note-state')).toHaveText('Saved');
    const writes = await page.evaluate(
      () => (window as unknown as { __pqWrites: string[] }).__pqWrites,
    );
    // The samples import in one or two batches; the rest are the user's writes.
    expect(writes.length).toBeGreaterThan(4);
    expect(new Set(writes)).toEqual(new Set(['strict']));
  });
});
