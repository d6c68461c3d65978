import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  describeDbError,
  estimateStorage,
  isQuotaError,
  requestPersistentStorage,
} from '../../../src/renderer/src/db';

function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

describe('describeDbError', () => {
  it('explains a quota error, plain or wrapped by Dexie', () => {
    const wrapped = new Dexie.AbortError('Transaction aborted', quotaError());
    for (const error of [quotaError(), wrapped]) {
      expect(isQuotaError(error)).toBe(true);
      expect(describeDbError(error)).toMatch(/^Your disk is full: .*nothing was changed/);
    }
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
