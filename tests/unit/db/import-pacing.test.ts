import { describe, expect, it } from 'vitest';
import {
  IMPORT_QUIET_MS,
  beginImportBatch,
  isImportActive,
  setImportRunWaiting,
  markUserWrite,
  userWroteSince,
} from '../../../src/renderer/src/db/import-activity';
import { setStatus } from '../../../src/renderer/src/db';
import { defaultEntry } from '../../../src/renderer/src/db/import-repository';
import { at, freshLibrary } from './helpers';
import { msUntilRerun } from '../../../src/renderer/src/db/throttled-query';

describe('import activity', () => {
  it('counts as active while a batch is merged and a moment after the last one', () => {
    const first = beginImportBatch();
    expect(isImportActive(1e12)).toBe(true);
    const second = beginImportBatch();
    first.end(10_000);
    expect(isImportActive(1e12)).toBe(true);
    second.end(10_000);
    second.end(12_000);
    expect(isImportActive(10_000 + IMPORT_QUIET_MS - 1)).toBe(true);
    expect(isImportActive(10_000 + IMPORT_QUIET_MS)).toBe(false);
    setImportRunWaiting(true);
    expect(isImportActive(1e12)).toBe(true);
    setImportRunWaiting(false);
    expect(isImportActive(1e12)).toBe(false);
  });
});

describe('user writes during an import', () => {
  it('are recorded, so views re-run at the normal pace after them', async () => {
    const before = performance.now();
    markUserWrite(before - 1000);
    expect(userWroteSince(before - 2000)).toBe(true);
    expect(userWroteSince(before)).toBe(false);
    const db = freshLibrary();
    await expect(setStatus(db, ['missing'], 'read', at(0))).rejects.toThrow();
    expect(userWroteSince(before)).toBe(false);
    await db.entries.add(defaultEntry('p1', at(0).toISOString()));
    await setStatus(db, ['p1'], 'read', at(1));
    expect(userWroteSince(before)).toBe(true);
  });
});

describe('re-run pacing of whole-library queries', () => {
  it('re-runs a cheap query at once and a slow one later, with a cap', () => {
    expect(msUntilRerun(5, 50, false)).toBeLessThanOrEqual(0);
    expect(msUntilRerun(100, 0, false)).toBe(200);
    expect(msUntilRerun(100, 150, false)).toBe(50);
    expect(msUntilRerun(2000, 0, false)).toBe(1500);
  });

  it('leaves most of IndexedDB to an import while one is committing', () => {
    expect(msUntilRerun(100, 0, true)).toBe(2000);
    expect(msUntilRerun(700, 0, true)).toBe(14_000);
    expect(msUntilRerun(5000, 0, true)).toBe(15_000);
    expect(msUntilRerun(100, 1500, true)).toBe(500);
    expect(msUntilRerun(100, 2500, true)).toBeLessThanOrEqual(0);
  });
});
