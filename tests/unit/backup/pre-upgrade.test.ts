import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openLibrary, replaceRestore, snapshotBeforeUpgrade } from '../../../src/renderer/src/db';
import { newPaperRecord } from '../../../src/renderer/src/db/merge';
import { SCHEMA_V1 } from '../../../src/renderer/src/db/schema';
import { loadBackup, writeBackup } from '../../../src/renderer/src/features/backup/backup-runner';
import { freshLibrary, paper, source } from '../db/helpers';
import { startBackupHarness } from './backup-harness';
import { readLibrary } from './library-arbitrary';

/** A version-1 library: papers without fieldDates, entries with tag NAMES. */
async function seedVersion1(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores(SCHEMA_V1);
  await old.open();
  const papers = ['Alpha', 'Beta'].map((title, i) => {
    const record: Record<string, unknown> = {
      ...newPaperRecord({
        paper: paper({ title, line: i + 1 }),
        source: source(),
        importedAt: '2025-04-17T09:00:00.000Z',
      }),
    };
    delete record['fieldDates'];
    return record;
  });
  await old.table('papers').bulkAdd(papers);
  await old.table('entries').bulkAdd([
    {
      paperId: 'alpha',
      status: 'queued',
      queueRank: 1024,
      tags: ['Vision', 'vision '],
      note: 'v1 note',
      readAt: null,
      changedAt: '2025-04-17T10:00:00.000Z',
      statusChangedAt: '2025-04-17T10:00:00.000Z',
    },
    {
      paperId: 'beta',
      status: 'inbox',
      queueRank: null,
      tags: [],
      note: '',
      readAt: null,
      changedAt: '2025-04-17T09:00:00.000Z',
      statusChangedAt: '2025-04-17T09:00:00.000Z',
    },
  ]);
  await old.table('meta').put({ key: 'persistence', value: 'granted' });
  old.close();
}

describe('snapshot before a schema upgrade', () => {
  it('snapshots an older library before it is opened, and the snapshot restores through the migrations', async () => {
    const harness = await startBackupHarness();
    const name = `pre-upgrade-${crypto.randomUUID()}`;
    await seedVersion1(name);
    const version = await snapshotBeforeUpgrade(
      (schemaVersion, dump) => writeBackup(harness.api, 'pre-upgrade', schemaVersion, dump),
      name,
    );
    expect(version).toBe(1);
    const snapshots = await harness.api.listSnapshots();
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]?.kind).toBe('pre-upgrade');
    // The snapshot did not upgrade anything: the stored library is still version 1.
    expect((await indexedDB.databases()).find((db) => db.name === name)?.version).toBe(10);

    const upgraded = openLibrary(name);
    const migrated = await readLibrary(upgraded);
    upgraded.close();
    expect(migrated.tags).toHaveLength(1);

    const loaded = await loadBackup(harness.api, {
      kind: 'snapshot',
      name: snapshots[0]?.name ?? '',
    });
    if (loaded.status !== 'ready') throw new Error(JSON.stringify(loaded));
    expect(loaded.header.schemaVersion).toBe(1);
    const restored = freshLibrary();
    await replaceRestore(restored, loaded.rows);
    const after = await readLibrary(restored);
    // Tags get fresh ids and creation times in every migration run; everything else is equal.
    const [tag] = after.tags as { id: string; name: string }[];
    expect(tag?.name).toBe('Vision');
    const withoutTagIds = (rows: unknown[] | undefined) =>
      ((rows ?? []) as { tagIds: string[] }[]).map((row) => ({
        ...row,
        tagIds: row.tagIds.length,
      }));
    expect(withoutTagIds(after.entries)).toEqual(withoutTagIds(migrated.entries));
    expect(after.papers).toEqual(migrated.papers);
    expect(after.paperSummaries).toEqual(migrated.paperSummaries);
    expect(after.meta).toEqual(migrated.meta);
    expect((after.entries as { note: string }[])[0]?.note).toBe('v1 note');
  });

  it('writes nothing for a current library or when there is no library yet', async () => {
    const harness = await startBackupHarness();
    const write = (schemaVersion: number, dump: Parameters<typeof writeBackup>[3]) =>
      writeBackup(harness.api, 'pre-upgrade', schemaVersion, dump);
    expect(await snapshotBeforeUpgrade(write, `absent-${crypto.randomUUID()}`)).toBeNull();
    const current = freshLibrary();
    await current.open();
    expect(await snapshotBeforeUpgrade(write, current.name)).toBeNull();
    expect(await harness.api.listSnapshots()).toEqual([]);
  });
});
