import { describe, expect, it } from 'vitest';
import { libraryHello, mergeImportBatch } from '../../../src/renderer/src/db';
import { readLibrarySnapshot } from '../../../src/renderer/src/db/library-snapshot';
import { at, batchOf, freshLibrary, paper, segment, source } from './helpers';

const alpha = paper({ title: 'Alpha', line: 1 });
const beta = paper({ title: 'Beta', line: 5 });
const gamma = paper({ title: 'Gamma', line: 9 });

describe('a batch holding several files', () => {
  it('merges them in order and counts every file as if imported after the previous', async () => {
    const db = freshLibrary();
    const first = source({ file: 'day-1.txt', listingDate: '2025-04-17' });
    const second = source({ file: 'day-2.txt', listingDate: '2025-04-18' });
    const later = { ...alpha, line: 3, upvotes: 12 };
    const counts = await mergeImportBatch(
      db,
      batchOf([segment([alpha, beta], first), segment([later, gamma], second)]),
      at(0),
    );
    expect(counts).toEqual({ added: 3, updated: 1, unchanged: 0 });
    const rows = await db.imports.bulkGet([first.importId, second.importId]);
    expect(rows.map((row) => [row?.file, row?.added, row?.updated, row?.finishedAt])).toEqual([
      ['day-1.txt', 2, 0, at(0).toISOString()],
      ['day-2.txt', 1, 1, at(0).toISOString()],
    ]);
    const stored = await db.papers.get('alpha');
    expect(stored?.upvotes).toBe(12);
    expect(stored?.sources.map((s) => s.file)).toEqual(['day-1.txt', 'day-2.txt']);
    expect(await db.entries.count()).toBe(3);
  });

  it('keeps the summary of a stored paper a later batch leaves unchanged', async () => {
    const db = freshLibrary();
    const withUpvotes = { ...alpha, upvotes: 9 };
    await mergeImportBatch(db, batchOf([segment([withUpvotes], source({ file: 'a.txt' }))]), at(0));
    const before = await db.paperSummaries.get('alpha');
    await mergeImportBatch(
      db,
      batchOf([segment([withUpvotes, beta], source({ file: 'a.txt', importId: 'again' }))]),
      at(5),
    );
    expect(await db.paperSummaries.get('alpha')).toEqual(before);
  });

  it('removes the row of an interrupted import once the same content is imported again', async () => {
    const db = freshLibrary();
    const interrupted = source({ file: 'a.txt', importId: 'first-try', hash: 'same' });
    await mergeImportBatch(
      db,
      batchOf([segment([alpha], interrupted, { index: 0, count: 2 })]),
      at(0),
    );
    expect((await db.imports.get('first-try'))?.finishedAt).toBeNull();
    const retry = source({ file: 'a.txt', importId: 'second-try', hash: 'same' });
    await mergeImportBatch(db, batchOf([segment([alpha, beta], retry)]), at(1));
    expect(await db.imports.get('first-try')).toBeUndefined();
    expect((await db.imports.get('second-try'))?.finishedAt).toBe(at(1).toISOString());
  });
});

describe('the library id', () => {
  it('is created once and kept, with the paper count', async () => {
    const db = freshLibrary();
    const first = await libraryHello(db);
    expect(first.papers).toBe(0);
    expect(first.libraryId).toMatch(/^[\w-]{20,}$/);
    await mergeImportBatch(db, batchOf([segment([alpha, beta])]), at(0));
    expect(await libraryHello(db)).toEqual({ libraryId: first.libraryId, papers: 2 });
    expect((await libraryHello(freshLibrary())).libraryId).not.toBe(first.libraryId);
  });
});

describe('counts and rows during an import', () => {
  it('come from one read: the view count always equals the rows shown', async () => {
    const db = freshLibrary();
    const many = Array.from({ length: 1200 }, (_, i) =>
      paper({ title: `Paper ${i}`, line: i + 1 }),
    );
    const imports: Promise<unknown>[] = [];
    const snapshots: ReturnType<typeof readLibrarySnapshot>[] = [];
    for (let part = 0; part < 6; part++) {
      const papers = many.slice(part * 200, (part + 1) * 200);
      imports.push(
        mergeImportBatch(
          db,
          batchOf([segment(papers, source({ file: `d${part}.txt` }))]),
          at(part),
        ),
      );
      snapshots.push(readLibrarySnapshot(db, 'inbox', 'listing'));
      snapshots.push(readLibrarySnapshot(db, 'all', 'title'));
    }
    await Promise.all(imports);
    const read = await Promise.all(snapshots);
    read.forEach((snapshot, i) => {
      const shown = snapshot.base?.rows.length;
      expect(shown).toBe(i % 2 === 0 ? snapshot.counts.inbox : snapshot.counts.all);
    });
    const last = await readLibrarySnapshot(db, 'inbox', 'listing');
    expect(last.counts.inbox).toBe(1200);
    expect(last.base?.rows).toHaveLength(1200);
  });
});
