import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { resolve } from 'node:path';

/** The app's IndexedDB database name (`DEFAULT_LIBRARY_NAME`). */
export const LIBRARY_DB = 'paper-queue';

const SEED_PATH = '/__pq-seed.html';
const DEXIE_UMD = resolve('node_modules/dexie/dist/dexie.js');

/**
 * Turns `page` into a blank page of the app's origin with Dexie loaded as `window.Dexie`, to
 * prepare or inspect IndexedDB as another (older or newer) Paper Queue would have left it. The
 * page is served by Playwright, so no app code runs in it.
 */
export async function openSeedPage(page: Page): Promise<void> {
  await page.route(`**${SEED_PATH}`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }),
  );
  await page.goto(SEED_PATH);
  await page.addScriptTag({ path: DEXIE_UMD });
}

/** Native version and store names of the library, read with plain IndexedDB (no Dexie). */
export async function rawLibraryShape(
  page: Page,
): Promise<{ version: number; stores: string[]; entries: number }> {
  return page.evaluate(
    (name) =>
      new Promise((resolvePromise, reject) => {
        const request = indexedDB.open(name);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const stores = [...db.objectStoreNames].sort();
          const count = db.transaction('entries').objectStore('entries').count();
          count.onsuccess = () => {
            resolvePromise({ version: db.version, stores, entries: count.result });
            db.close();
          };
        };
      }),
    LIBRARY_DB,
  );
}

const quotaSessions = new WeakMap<Page, CDPSession>();

/**
 * Sets the origin's storage quota (Chromium DevTools' override), so that writes beyond it fail
 * exactly as on a full disk; `null` lifts the limit. The override lasts as long as the DevTools
 * session that set it, so one session per page is kept open.
 */
export async function setQuota(
  context: BrowserContext,
  page: Page,
  origin: string,
  quotaBytes: number | null,
): Promise<void> {
  let cdp = quotaSessions.get(page);
  if (!cdp) {
    cdp = await context.newCDPSession(page);
    quotaSessions.set(page, cdp);
  }
  await cdp.send(
    'Storage.overrideQuotaForOrigin',
    quotaBytes === null ? { origin } : { origin, quotaSize: quotaBytes },
  );
}

/** Random text that IndexedDB cannot compress (so it really takes `length` bytes or more). */
export async function randomText(page: Page, length: number): Promise<string> {
  return page.evaluate((size) => {
    let text = '';
    while (text.length < size) {
      const chunk = crypto.getRandomValues(new Uint32Array(4096));
      text += Array.from(chunk, (n) => n.toString(36)).join(' ');
    }
    return text.slice(0, size);
  }, length);
}
