import { describe, expect, it } from 'vitest';
import {
  MAX_NOTE_LENGTH,
  NoteTooLongError,
  addTagByName,
  getPaperDetail,
  getViewCounts,
  listImports,
  listPaperRows,
  loadSearchDocuments,
  mergeImportBatch,
  restoreEntries,
  setNote,
  setStatus,
  type LibraryDb,
  type PaperSort,
} from '../../../src/renderer/src/db';
import { at, batch, freshLibrary, paper, source } from './helpers';

/** Four papers whose orders differ per sort key. */
async function library(): Promise<{ db: LibraryDb; tagId: string }> {
  const db = freshLibrary();
  const day1 = source({
    file: 'd1.txt',
    listingDate: '2025-04-10',
    startedAt: '2025-04-10T08:00:00.000Z',
  });
  const day2 = source({
    file: 'd2.txt',
    listingDate: '2025-04-12',
    startedAt: '2025-04-12T08:00:00.000Z',
  });
  await mergeImportBatch(
    db,
    batch(
      [
        paper({ id: 'p1', title: 'Zeta models', published: '2024-01-05', upvotes: 10, line: 1 }),
        paper({
          id: 'p2',
          title: 'alpha Agents',
          published: '2025-03-01',
          upvotes: 2,
          line: 2,
          authors: 4,
        }),
      ],
      day1,
    ),
    at(0),
  );
  await mergeImportBatch(
    db,
    batch(
      [
        paper({
          id: 'p3',
          title: 'Mamba',
          published: null,
          upvotes: 30,
          line: 1,
          organization: 'Org',
        }),
        paper({ id: 'p4', title: 'Beta tests', published: '2023-06-30', upvotes: null, line: 2 }),
      ],
      day2,
    ),
    at(1),
  );
  await setStatus(db, ['p4', 'p2'], 'queued', at(2));
  await setStatus(db, ['p1'], 'read', at(3));
  const { tag } = await addTagByName(db, ['p1', 'p3'], 'ML', at(4));
  await setNote(db, 'p3', 'Worth **reading**', at(5));
  return { db, tagId: tag.id };
}

const ids = (rows: readonly { id: string }[]): string[] => rows.map((row) => row.id);

describe('listPaperRows', () => {
  it('orders the all view by every sort key', async () => {
    const { db } = await library();
    const expected: Record<PaperSort, string[]> = {
      listing: ['p4', 'p3', 'p2', 'p1'],
      published: ['p2', 'p1', 'p4', 'p3'],
      upvotes: ['p3', 'p1', 'p2', 'p4'],
      title: ['p2', 'p4', 'p3', 'p1'],
      changed: ['p3', 'p1', 'p2', 'p4'],
    };
    for (const [sort, order] of Object.entries(expected)) {
      expect(ids(await listPaperRows(db, 'all', sort as PaperSort)), sort).toEqual(order);
    }
  });

  it('filters each view; the queue is always in queue order', async () => {
    const { db, tagId } = await library();
    expect(ids(await listPaperRows(db, 'inbox', 'title'))).toEqual(['p3']);
    expect(ids(await listPaperRows(db, 'queued', 'title'))).toEqual(['p4', 'p2']);
    expect(ids(await listPaperRows(db, 'read', 'title'))).toEqual(['p1']);
    expect(ids(await listPaperRows(db, 'reading', 'title'))).toEqual([]);
    expect(ids(await listPaperRows(db, 'dismissed', 'title'))).toEqual([]);
    expect(ids(await listPaperRows(db, { tagId }, 'title'))).toEqual(['p3', 'p1']);
  });

  it('returns lightweight rows without the abstract', async () => {
    const { db, tagId } = await library();
    const [row] = await listPaperRows(db, 'inbox', 'title');
    expect(row).toEqual({
      id: 'p3',
      title: 'Mamba',
      organization: 'Org',
      authors: null,
      published: null,
      listingDate: '2025-04-12',
      upvotes: 30,
      status: 'inbox',
      tagIds: [tagId],
      queueRank: null,
      readAt: null,
      changedAt: at(5).toISOString(),
      hasNote: true,
      titleSort: 'mamba',
    });
  });
});

describe('other reads', () => {
  it('counts views, lists imports newest first and returns details', async () => {
    const { db } = await library();
    expect(await getViewCounts(db)).toEqual({
      all: 4,
      inbox: 1,
      queued: 2,
      reading: 0,
      read: 1,
      dismissed: 0,
    });
    expect((await listImports(db)).map((row) => row.file)).toEqual(['d2.txt', 'd1.txt']);
    const detail = await getPaperDetail(db, 'p2');
    expect(detail?.paper.abstract).toBe('Abstract of alpha Agents.');
    expect(detail?.entry.status).toBe('queued');
    expect(await getPaperDetail(db, 'missing')).toBeNull();
  });

  it('builds search documents with tag names, notes and years', async () => {
    const { db } = await library();
    const docs = await loadSearchDocuments(db);
    expect(docs.map((d) => d.id).sort()).toEqual(['p1', 'p2', 'p3', 'p4']);
    const [p3] = await loadSearchDocuments(db, ['p3', 'unknown']);
    expect(p3).toEqual({
      id: 'p3',
      title: 'Mamba',
      abstract: 'Abstract of Mamba.',
      organization: 'Org',
      tags: ['ML'],
      tagIds: [expect.any(String)],
      note: 'Worth **reading**',
      status: 'inbox',
      year: 2025,
    });
    const [p1] = await loadSearchDocuments(db, ['p1']);
    expect(p1?.year).toBe(2024);
  });
});

describe('notes', () => {
  it('saves, undoes and enforces the length limit', async () => {
    const { db } = await library();
    const undo = await setNote(db, 'p1', 'x'.repeat(MAX_NOTE_LENGTH), at(9));
    expect((await db.entries.get('p1'))?.note).toHaveLength(MAX_NOTE_LENGTH);
    await restoreEntries(db, undo);
    expect((await db.entries.get('p1'))?.note).toBe('');
    await expect(setNote(db, 'p1', 'x'.repeat(MAX_NOTE_LENGTH + 1))).rejects.toBeInstanceOf(
      NoteTooLongError,
    );
    await expect(setNote(db, 'p1', 'x'.repeat(MAX_NOTE_LENGTH + 1))).rejects.toThrow(
      /at most 200,000/,
    );
    expect((await db.entries.get('p1'))?.note).toBe('');
  });
});
