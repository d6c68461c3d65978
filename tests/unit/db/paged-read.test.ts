import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, type LibraryDb } from '../../../src/renderer/src/db';
import { readAllPaged } from '../../../src/renderer/src/db/paged-read';

let db: LibraryDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

describe('readAllPaged', () => {
  it('reads every record in key order across page boundaries', async () => {
    db = openLibrary(`paged-${crypto.randomUUID()}`);
    const ids = Array.from({ length: 23 }, (_, i) => `p${String(i).padStart(3, '0')}`);
    await db.meta.bulkPut(ids.map((key) => ({ key, value: key })));
    for (const pageSize of [1, 5, 23, 100]) {
      const records = await readAllPaged(db.meta, 'key', pageSize);
      expect(records.map((record) => record.key)).toEqual(ids);
    }
  });

  it('returns an empty list for an empty table', async () => {
    db = openLibrary(`paged-${crypto.randomUUID()}`);
    expect(await readAllPaged(db.meta, 'key', 10)).toEqual([]);
  });
});
