import { describe, expect, it } from 'vitest';
import { libraryHello, replaceRestore } from '../../../src/renderer/src/db';
import type { BackupRows } from '../../../src/renderer/src/db/backup/backup-records';
import { freshLibrary } from '../db/helpers';

function rowsWithMeta(meta: BackupRows['meta']): BackupRows {
  return { papers: [], entries: [], tags: [], imports: [], meta, highlights: [] };
}

describe('replace-restore and the library identity', () => {
  it("drops the backup's library id and keeps its other settings", async () => {
    const db = freshLibrary();
    const before = await libraryHello(db);
    await replaceRestore(
      db,
      rowsWithMeta([
        { key: 'libraryId', value: before.libraryId },
        { key: 'sortOrder', value: 'title' },
      ]),
    );
    expect(await db.meta.toArray()).toEqual([{ key: 'sortOrder', value: 'title' }]);
  });

  it('gives the replaced library a new id when it is next announced', async () => {
    const db = freshLibrary();
    const before = await libraryHello(db);
    await replaceRestore(db, rowsWithMeta([{ key: 'libraryId', value: 'backup-library' }]));
    const after = await libraryHello(db);
    expect(after.libraryId).not.toBe(before.libraryId);
    expect(after.libraryId).not.toBe('backup-library');
    expect((await libraryHello(db)).libraryId).toBe(after.libraryId);
  });
});
