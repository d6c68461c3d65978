import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  KEPT_NOTE_MARKER,
  addTagByName,
  getQueueIds,
  mergeImportBatch,
  mergeRestore,
  previewRestore,
  setNote,
  setStatus,
  type LibraryDb,
} from '../../../src/renderer/src/db';
import {
  backUpLibraryTo,
  loadBackup,
} from '../../../src/renderer/src/features/backup/backup-runner';
import { at, batch, freshLibrary, paper, source } from '../db/helpers';
import { startBackupHarness } from './backup-harness';

const TITLES = ['Alpha', 'Beta', 'Gamma', 'Delta'];

async function importedLibrary(minutes: number): Promise<LibraryDb> {
  const db = freshLibrary();
  const papers = TITLES.map((title, i) => paper({ title, line: i + 1, upvotes: i }));
  await mergeImportBatch(db, batch(papers), at(minutes));
  return db;
}

async function curate(db: LibraryDb): Promise<void> {
  await setStatus(db, ['gamma', 'alpha'], 'queued', at(10));
  await setStatus(db, ['beta'], 'read', at(11));
  await addTagByName(db, ['alpha', 'beta'], 'Vision', at(12));
  await setNote(db, 'beta', 'Read **twice**', at(13));
}

async function backupOf(db: LibraryDb) {
  const harness = await startBackupHarness();
  harness.dialogs.savePath = join(harness.root, 'library.json');
  await backUpLibraryTo(harness.api, db, 'manual');
  harness.dialogs.backupFile = harness.dialogs.savePath;
  const loaded = await loadBackup(harness.api, { kind: 'file' });
  if (loaded.status !== 'ready') throw new Error(JSON.stringify(loaded));
  return loaded.rows;
}

describe('merge-restore', () => {
  it('brings triage, queue order, tags and notes back into a re-imported library', async () => {
    const original = await importedLibrary(0);
    await curate(original);
    const rows = await backupOf(original);
    // The library was lost; the dumps were imported again later (newer, untouched entries).
    const reimported = await importedLibrary(50);
    const preview = await previewRestore(reimported, rows);
    expect(preview.merge).toMatchObject({ papersAdded: 0, notesAdded: 1, tagsAdded: 1 });
    await mergeRestore(reimported, rows);
    expect(await getQueueIds(reimported)).toEqual(['gamma', 'alpha']);
    const beta = await reimported.entries.get('beta');
    expect(beta).toMatchObject({ status: 'read', note: 'Read **twice**' });
    const [vision] = await reimported.tags.toArray();
    expect(vision?.name).toBe('Vision');
    expect((await reimported.entries.get('alpha'))?.tagIds).toEqual([vision?.id]);
    expect((await reimported.papers.get('alpha'))?.firstSeenAt).toBe(at(0).toISOString());
  });

  it('keeps both versions of a note that changed on both sides, and merging twice changes nothing more', async () => {
    const db = await importedLibrary(0);
    await curate(db);
    const rows = await backupOf(db);
    await setNote(db, 'beta', 'Rewritten from scratch', at(30));
    await setStatus(db, ['alpha'], 'dismissed', at(31));
    await mergeRestore(db, rows);
    const beta = await db.entries.get('beta');
    expect(beta?.note).toBe(`Rewritten from scratch${KEPT_NOTE_MARKER}Read **twice**`);
    // alpha changed after the backup: the newer change (dismissed) wins.
    expect((await db.entries.get('alpha'))?.status).toBe('dismissed');
    const again = await previewRestore(db, rows);
    expect(again.merge).toMatchObject({ entriesUpdated: 0, papersUpdated: 0, notesChanged: 0 });
  });

  it('previews what replace would remove', async () => {
    const db = await importedLibrary(0);
    await curate(db);
    const rows = await backupOf(db);
    await mergeImportBatch(
      db,
      batch([paper({ title: 'Epsilon', line: 9 })], source({ file: 'later.txt' })),
      at(40),
    );
    await setNote(db, 'epsilon', 'new note', at(41));
    const preview = await previewRestore(db, rows);
    expect(preview.backup).toEqual({ papers: 4, notes: 1, tags: 1, queued: 2, highlights: 0 });
    expect(preview.replace).toMatchObject({ papersRemoved: 1, notesRemoved: 1, papersAdded: 0 });
    expect(preview.merge).toMatchObject({ papersAdded: 0, entriesUpdated: 0 });
  });
});
