/**
 * The natural limit of an import: the same rows written straight into IndexedDB with `add`, in
 * the same browser, into the same stores and indexes as the library's schema, in transactions of
 * the same size, with strict durability (as the library commits), and nothing else.
 */
import type { Browser } from '@playwright/test';
import type { RawTransaction } from './import-workloads';
import { SCHEMA_V4 } from '../../src/renderer/src/db/schema';

/** An index of a store: Dexie's schema syntax (`&name`, `*name`) turned into IndexedDB's. */
interface StoreSpec {
  readonly name: string;
  readonly keyPath: string;
  readonly indexes: readonly {
    readonly name: string;
    readonly unique: boolean;
    readonly multiEntry: boolean;
  }[];
}

/** The stores of the current schema, for IndexedDB's own API. */
function storeSpecs(): StoreSpec[] {
  return Object.entries(SCHEMA_V4).map(([name, spec]) => {
    const [primary = '', ...rest] = spec.split(',').map((part) => part.trim());
    return {
      name,
      keyPath: primary,
      indexes: rest.map((index) => ({
        name: index.replace(/^[&*]/, ''),
        unique: index.startsWith('&'),
        multiEntry: index.startsWith('*'),
      })),
    };
  });
}

const RAW_PAGE = '/__pq-raw-indexeddb.html';
const RAW_ROWS = '/__pq-raw-indexeddb/rows/';

/**
 * Writes `transactions` into a fresh database of a fresh context of `browser` (same origin as the
 * app) and returns the time from the first transaction's start to the last one's completion, in ms.
 * The rows reach the page beforehand, outside the timed part.
 */
export async function timeRawIndexedDb(
  browser: Browser,
  baseUrl: string,
  transactions: readonly RawTransaction[],
): Promise<number> {
  const context = await browser.newContext({ baseURL: baseUrl });
  try {
    const page = await context.newPage();
    await page.route(`**${RAW_PAGE}`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><title>raw</title>',
      }),
    );
    // One transaction's rows per request: a single body of 50k papers is too large for DevTools.
    await page.route(`**${RAW_ROWS}*`, (route) => {
      const index = Number(new URL(route.request().url()).pathname.slice(RAW_ROWS.length));
      const body = JSON.stringify(transactions[index] ?? {});
      return route.fulfill({ status: 200, contentType: 'application/json', body });
    });
    await page.goto(RAW_PAGE);
    return await page.evaluate(
      async ({ specs, rowsUrl, count }) => {
        const rows: Record<string, unknown[]>[] = [];
        for (let index = 0; index < count; index++) {
          rows.push(
            (await (await fetch(`${rowsUrl}${index}`)).json()) as Record<string, unknown[]>,
          );
        }
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(`raw-${Date.now()}`, 1);
          request.onupgradeneeded = () => {
            for (const spec of specs) {
              const store = request.result.createObjectStore(spec.name, { keyPath: spec.keyPath });
              for (const index of spec.indexes) {
                store.createIndex(index.name, index.name, {
                  unique: index.unique,
                  multiEntry: index.multiEntry,
                });
              }
            }
          };
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error('open failed'));
        });
        const names = ['papers', 'paperSummaries', 'entries', 'imports'];
        const started = performance.now();
        for (const transaction of rows) {
          await new Promise<void>((resolve, reject) => {
            const tx = db.transaction(names, 'readwrite', { durability: 'strict' });
            for (const name of names) {
              const store = tx.objectStore(name);
              for (const row of transaction[name] ?? []) store.add(row);
            }
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
          });
        }
        const elapsed = performance.now() - started;
        db.close();
        return elapsed;
      },
      { specs: storeSpecs(), rowsUrl: RAW_ROWS, count: transactions.length },
    );
  } finally {
    await context.close();
  }
}
