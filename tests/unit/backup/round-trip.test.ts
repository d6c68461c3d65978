import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeRestore, replaceRestore, type EntryRecord } from '../../../src/renderer/src/db';
import {
  backUpLibraryTo,
  loadBackup,
} from '../../../src/renderer/src/features/backup/backup-runner';
import { freshLibrary } from '../db/helpers';
import { startBackupHarness, type BackupHarness } from './backup-harness';
import { libraryArb, readLibrary, seedLibrary, type LibraryRows } from './library-arbitrary';

async function backUpAndLoad(harness: BackupHarness, rows: LibraryRows, name: string) {
  const source = freshLibrary();
  await seedLibrary(source, rows);
  harness.dialogs.savePath = join(harness.root, name);
  const saved = await backUpLibraryTo(harness.api, source, 'manual');
  expect(saved?.path).toBe(harness.dialogs.savePath);
  harness.dialogs.backupFile = harness.dialogs.savePath;
  const loaded = await loadBackup(harness.api, { kind: 'file' });
  if (loaded.status !== 'ready') throw new Error(`backup not loaded: ${JSON.stringify(loaded)}`);
  return { source, rows: loaded.rows };
}

describe('backup round trip (property)', () => {
  it('backup → wipe → restore gives back every table field by field', async () => {
    const harness = await startBackupHarness();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(libraryArb(), async (library) => {
        run += 1;
        const { source, rows } = await backUpAndLoad(harness, library, `backup-${run}.json`);
        const original = await readLibrary(source);
        const target = freshLibrary();
        await replaceRestore(target, rows);
        expect(await readLibrary(target)).toEqual(original);
      }),
      { numRuns: 30 },
    );
  });

  it('merge-restore into a changed library loses no note, no tag and no highlight', async () => {
    const harness = await startBackupHarness();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        libraryArb(15),
        fc.array(fc.tuple(fc.nat(), fc.string({ maxLength: 20 }), fc.boolean())),
        async (library, edits) => {
          run += 1;
          const { source, rows } = await backUpAndLoad(harness, library, `merge-${run}.json`);
          // Change the library after the backup: rewrite notes, drop and add tags.
          const entries = await source.entries.toArray();
          const changed = new Map<string, EntryRecord>();
          for (const [index, note, dropTags] of edits) {
            const entry =
              changed.get(entries[index % Math.max(1, entries.length)]?.paperId ?? '') ??
              entries[index % Math.max(1, entries.length)];
            if (!entry) continue;
            changed.set(entry.paperId, {
              ...entry,
              note,
              tagIds: dropTags ? [] : entry.tagIds,
              changedAt: '2027-01-01T00:00:00.000Z',
            });
          }
          await source.entries.bulkPut([...changed.values()]);
          // Delete every other highlight: the merge brings them back.
          await source.highlights.bulkDelete(
            library.highlights.filter((_, i) => i % 2 === 0).map((h) => h.id),
          );
          const before = new Map((await source.entries.toArray()).map((e) => [e.paperId, e]));
          const tagNames = new Map(
            [...library.tags, ...(await source.tags.toArray())].map((t) => [t.id, t.nameKey]),
          );
          await mergeRestore(source, rows);
          const after = new Map((await source.entries.toArray()).map((e) => [e.paperId, e]));
          const afterTags = new Map((await source.tags.toArray()).map((t) => [t.id, t.nameKey]));
          const names = (entry: EntryRecord | undefined, by: Map<string, string>): string[] =>
            (entry?.tagIds ?? []).map((id) => by.get(id) ?? `missing ${id}`);
          for (const backupEntry of library.entries) {
            const merged = after.get(backupEntry.paperId);
            const current = before.get(backupEntry.paperId);
            for (const note of [backupEntry.note, current?.note ?? '']) {
              expect(merged?.note).toContain(note);
            }
            for (const name of [...names(backupEntry, tagNames), ...names(current, tagNames)])
              expect(names(merged, afterTags)).toContain(name);
          }
          expect(await source.highlights.toArray()).toEqual(
            [...library.highlights].sort((a, b) => a.id.localeCompare(b.id)),
          );
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('backup of a library larger than the chunks in flight', () => {
  it('streams many chunks with back-pressure and restores every note', async () => {
    const harness = await startBackupHarness();
    const library = fc.sample(libraryArb(0), { numRuns: 1, seed: 7 })[0];
    if (!library) throw new Error('no library');
    const note = 'n'.repeat(4000);
    const papers = Array.from({ length: 3000 }, (_, i) => ({
      id: `p${String(i).padStart(5, '0')}`,
      title: `Paper ${i}`,
      abstract: 'a'.repeat(1000),
      authors: null,
      organization: null,
      published: null,
      upvotes: null,
      upvoteHistory: [],
      links: [],
      sources: [],
      firstSeenAt: '2025-01-01T00:00:00.000Z',
      lastSeenAt: '2025-01-01T00:00:00.000Z',
      listingDate: null,
      titleSort: `paper ${i}`,
      fieldDates: { authors: null, organization: null, published: null },
    }));
    const entries = papers.map((paper, i) => ({
      paperId: paper.id,
      status: 'inbox' as const,
      queueRank: null,
      tagIds: [],
      note: `${note}${i}`,
      readAt: null,
      changedAt: '2025-01-02T00:00:00.000Z',
      statusChangedAt: '2025-01-02T00:00:00.000Z',
    }));
    const { source, rows } = await backUpAndLoad(
      harness,
      { ...library, papers, entries },
      'large.json',
    );
    expect(rows.entries).toHaveLength(3000);
    const target = freshLibrary();
    await replaceRestore(target, rows);
    expect(await readLibrary(target)).toEqual(await readLibrary(source));
  });
});
