import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CURRENT_SCHEMA_VERSION, LibraryDb, openLibrary } from '../../../src/renderer/src/db';
import {
  installedSchemaVersion,
  openLibraryChecked,
} from '../../../src/renderer/src/db/open-library';
import { SCHEMA_V3, SCHEMA_V4, SCHEMA_V5 } from '../../../src/renderer/src/db/schema';

/** A version no app has written yet (a library from the future). */
const NEWER = CURRENT_SCHEMA_VERSION + 1;

const entry = {
  paperId: 'alpha',
  status: 'queued',
  queueRank: 1024,
  tagIds: [],
  note: '# mine',
  readAt: null,
  changedAt: '2025-04-17T10:00:00.000Z',
  statusChangedAt: '2025-04-17T10:00:00.000Z',
};

const opened: Dexie[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const db of opened.splice(0)) db.close();
});

function uniqueName(): string {
  return `open-${crypto.randomUUID()}`;
}

function library(name: string): LibraryDb {
  const db = openLibrary(name);
  opened.push(db);
  return db;
}

/** A library at `version` with SCHEMA_V3/V4-shaped stores (plus `extra`) and one entry. */
async function seed(
  name: string,
  version: number,
  extra: Record<string, string> = {},
): Promise<Dexie> {
  const old = new Dexie(name);
  old.version(version).stores({ ...(version <= 3 ? SCHEMA_V3 : SCHEMA_V4), ...extra });
  await old.table('entries').add(entry);
  opened.push(old);
  return old;
}

/** The native version and store names, read with plain IndexedDB (no Dexie in between). */
async function rawShape(name: string): Promise<{ version: number; stores: string[] }> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      resolve({ version: db.version, stores: [...db.objectStoreNames].sort() });
      db.close();
    };
  });
}

describe('installedSchemaVersion', () => {
  it('is 0 for a library that does not exist, and does not create it', async () => {
    const name = uniqueName();
    expect(await installedSchemaVersion(name)).toBe(0);
    const names = (await indexedDB.databases()).map((info) => info.name);
    expect(names).not.toContain(name);
  });

  it('reads the version of an existing library without upgrading it', async () => {
    const name = uniqueName();
    (await seed(name, 3)).close();
    expect(await installedSchemaVersion(name)).toBe(3);
    expect((await rawShape(name)).version).toBe(30);
  });
});

describe('openLibraryChecked', () => {
  it('creates a new library, and opens and upgrades an older one keeping its data', async () => {
    expect(await openLibraryChecked(library(uniqueName()))).toEqual({ kind: 'ok' });

    const name = uniqueName();
    (await seed(name, 3)).close();
    const db = library(name);
    expect(await openLibraryChecked(db)).toEqual({ kind: 'ok' });
    expect(db.isOpen()).toBe(true);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.entries.toArray()).toEqual([entry]);
  });

  it('refuses a library written by a newer version and leaves it exactly as it was', async () => {
    const name = uniqueName();
    (await seed(name, NEWER, { notebooks: 'id', entries: 'paperId, status, *tagIds' })).close();
    const before = await rawShape(name);
    const db = library(name);
    expect(await openLibraryChecked(db)).toEqual({
      kind: 'newer-version',
      found: NEWER,
      supported: CURRENT_SCHEMA_VERSION,
    });
    expect(db.isOpen()).toBe(false);
    expect(await rawShape(name)).toEqual(before);
    expect(before.version).toBe(NEWER * 10);
    const newer = new Dexie(name);
    opened.push(newer);
    await newer.open();
    expect(await newer.table('entries').toArray()).toEqual([entry]);
    expect(newer.table('entries').schema.indexes.map((index) => index.name)).not.toContain(
      'queueRank',
    );
  });

  it('says when an upgrade waits for another window, and finishes once that one closes', async () => {
    const name = uniqueName();
    const other = await seed(name, 3);
    // An old window that does not let go when asked (no versionchange handling).
    other.on('versionchange', () => false);
    const db = library(name);
    const outcome = await openLibraryChecked(db, { blockedAfterMs: 50 });
    expect(outcome.kind).toBe('blocked');
    if (outcome.kind !== 'blocked') return;
    other.close();
    expect(await outcome.settled).toEqual({ kind: 'ok' });
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.entries.toArray()).toEqual([entry]);
  });

  it('reports a failed upgrade, leaving the library in its previous version', async () => {
    const name = uniqueName();
    (await seed(name, 4)).close();
    class FailingUpgrade extends LibraryDb {
      constructor() {
        super(name);
        this.version(NEWER)
          .stores({})
          .upgrade(async (tx) => {
            await tx.table('entries').clear();
            throw new Error('migration bug');
          });
      }
    }
    const db = new FailingUpgrade();
    opened.push(db);
    const outcome = await openLibraryChecked(db);
    expect(outcome).toMatchObject({ kind: 'upgrade-failed', from: 4 });
    if (outcome.kind === 'upgrade-failed') expect(outcome.detail).toContain('migration bug');
    expect((await rawShape(name)).version).toBe(40);
    const reopened = library(name);
    expect(await openLibraryChecked(reopened)).toEqual({ kind: 'ok' });
    expect(await reopened.entries.toArray()).toEqual([entry]);
  });

  it('says the storage is unavailable when IndexedDB cannot open its backing store', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException(
        'Internal error opening backing store for indexedDB.open.',
        'UnknownError',
      );
    });
    const outcome = await openLibraryChecked(library(uniqueName()));
    expect(outcome.kind).toBe('unavailable');
    if (outcome.kind === 'unavailable') expect(outcome.detail).toMatch(/damaged or unavailable/);
  });

  it('says the storage is unavailable when IndexedDB is missing', async () => {
    vi.spyOn(indexedDB, 'open').mockReturnValue(undefined as unknown as IDBOpenDBRequest);
    const outcome = await openLibraryChecked(library(uniqueName()));
    expect(outcome.kind).toBe('unavailable');
  });

  it('closes for good when another connection upgrades the library, never patching it', async () => {
    const name = uniqueName();
    const closed = vi.fn();
    const db = library(name);
    expect(await openLibraryChecked(db, { onClosedByOtherConnection: closed })).toEqual({
      kind: 'ok',
    });
    const newer = new Dexie(name);
    opened.push(newer);
    newer.version(NEWER).stores({ ...SCHEMA_V5, notebooks: 'id' });
    await newer.open();
    expect(closed).toHaveBeenCalledOnce();
    await expect(db.entries.count()).rejects.toThrow(Dexie.DatabaseClosedError);
    newer.close();
    expect((await rawShape(name)).version).toBe(NEWER * 10);
  });
});
