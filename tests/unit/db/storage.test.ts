import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  describeDbError,
  estimateStorage,
  isQuotaError,
  requestPersistentStorage,
} from '../../../src/renderer/src/db';
import { isStorageUnavailableError } from '../../../src/renderer/src/db/storage';
import { freshLibrary } from './helpers';

function quotaError(): DOMException {
  return new DOMException('', 'QuotaExceededError');
}

/** Runs `work` and returns what it threw (a real error made by Dexie over fake-indexeddb). */
async function thrownBy(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('describeDbError', () => {
  it('says "disk full" for quota errors, as Chromium reports them and wrapped in a BulkError', () => {
    // Chromium (via DevTools' quota override): a write that does not fit aborts its transaction at
    // commit; Dexie rejects with AbortError("QuotaExceededError ") wrapping the DOMException.
    const atCommit = new Dexie.AbortError(quotaError());
    const inBulk = new Dexie.BulkError('papers.bulkAdd(): 1 of 2 operations failed', {
      1: quotaError(),
    });
    for (const error of [quotaError(), atCommit, inBulk]) {
      expect(isQuotaError(error)).toBe(true);
      expect(describeDbError(error)).toMatch(/^Your disk is full .*nothing was changed/);
    }
  });

  it('explains "BulkError … AbortError" (a write the storage cancelled) in words', async () => {
    const db = freshLibrary();
    await db.meta.put({ key: 'a', value: 1 });
    const error = await thrownBy(() =>
      db.transaction('rw', db.meta, async (tx) => {
        const pending = db.meta.bulkAdd([
          { key: 'a', value: 2 },
          { key: 'b', value: 3 },
        ]);
        tx.abort();
        await pending;
      }),
    );
    expect(error).toBeInstanceOf(Dexie.BulkError);
    expect(String(error)).toMatch(/AbortError/);
    const message = describeDbError(error);
    expect(message).toMatch(/cancelled this change .*nothing was changed.*disk is full/);
    expect(message).not.toMatch(/BulkError|AbortError/);
  });

  it('says the storage is damaged or unavailable for "Internal error opening backing store"', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException(
        'Internal error opening backing store for indexedDB.open.',
        'UnknownError',
      );
    });
    const error = await thrownBy(() => freshLibrary().entries.count());
    vi.restoreAllMocks();
    expect(error).toBeInstanceOf(Dexie.DatabaseClosedError);
    expect(isStorageUnavailableError(error)).toBe(true);
    const message = describeDbError(error);
    expect(message).toMatch(/storage that holds your library is damaged or unavailable/);
    expect(message).not.toMatch(/backing store/);
  });

  it('says another window is upgrading the library when it was closed under us', async () => {
    const db = freshLibrary();
    await db.open();
    db.close();
    const error = await thrownBy(() => db.entries.count());
    expect(describeDbError(error)).toMatch(/being upgraded or was closed by another .*window/);
  });

  it('names a newer version and a failed upgrade', () => {
    const newer = new Dexie.VersionError(
      new DOMException(
        'The requested version (40) is less than the existing version (50).',
        'VersionError',
      ),
    );
    expect(describeDbError(newer)).toMatch(/newer version of Paper Queue/);
    expect(describeDbError(new Dexie.UpgradeError('boom'))).toMatch(/could not be upgraded/);
  });

  it('gives a one-line message naming the cause for other errors', () => {
    const error = new Dexie.ConstraintError('Key already exists\nstack');
    expect(isQuotaError(error)).toBe(false);
    const message = describeDbError(error);
    expect(message).toMatch(/ConstraintError: Key already exists/);
    expect(message).not.toContain('\n');
    expect(describeDbError('boom')).toMatch(/boom/);
  });
});

describe('storage persistence', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reports unsupported without the Storage API', async () => {
    vi.stubGlobal('navigator', {});
    expect(await requestPersistentStorage()).toBe('unsupported');
    expect(await estimateStorage()).toEqual({ usage: null, quota: null });
  });

  it('asks for persistence unless already granted', async () => {
    const persist = vi.fn(async () => false);
    vi.stubGlobal('navigator', { storage: { persist, persisted: async () => false } });
    expect(await requestPersistentStorage()).toBe('denied');
    expect(persist).toHaveBeenCalledOnce();
    vi.stubGlobal('navigator', { storage: { persist, persisted: async () => true } });
    expect(await requestPersistentStorage()).toBe('granted');
    expect(persist).toHaveBeenCalledOnce();
  });
});
