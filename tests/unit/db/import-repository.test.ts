import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import {
  addTagByName,
  mergeImportBatch,
  onLibraryChanged,
  setNote,
  setStatus,
  type LibraryChange,
  type LibrarySearchDocument,
} from '../../../src/renderer/src/db';
import { defaultEntry } from '../../../src/renderer/src/db/import-repository';
import { at, batch, freshLibrary, paper, source } from './helpers';

const [alpha, beta, gamma] = [
  paper({ title: 'Alpha', line: 1, upvotes: 4 }),
  paper({ title: 'Beta', line: 5, organization: 'Lab' }),
  paper({ title: 'Gamma', line: 9 }),
] as const;
const papers = [alpha, beta, gamma];

describe('mergeImportBatch', () => {
  it('adds papers with a default inbox entry', async () => {
    const db = freshLibrary();
    const counts = await mergeImportBatch(db, batch(papers), at(0));
    expect(counts).toEqual({ added: 3, updated: 0, unchanged: 0 });
    const entries = await db.entries.toArray();
    expect(entries.map((e) => [e.paperId, e.status, e.queueRank, e.tagIds, e.note])).toEqual([
      ['alpha', 'inbox', null, [], ''],
      ['beta', 'inbox', null, [], ''],
      ['gamma', 'inbox', null, [], ''],
    ]);
    expect(await db.paperSummaries.count()).toBe(3);
  });

  it('is idempotent when the same batch is merged twice', async () => {
    const db = freshLibrary();
    const b = batch(papers);
    await mergeImportBatch(db, b, at(0));
    const before = { papers: await db.papers.toArray(), imports: await db.imports.toArray() };
    const counts = await mergeImportBatch(db, b, at(5));
    expect(counts).toEqual({ added: 0, updated: 0, unchanged: 3 });
    expect(await db.papers.toArray()).toEqual(before.papers);
    expect(await db.imports.toArray()).toEqual(before.imports);
  });

  it('merges duplicate ids within one batch into one record', async () => {
    const db = freshLibrary();
    const dupes = [
      paper({ title: 'Alpha', line: 1, abstract: 'Short' }),
      paper({ title: 'Alpha', line: 7, abstract: 'Short but longer', authors: 3 }),
    ];
    expect(await mergeImportBatch(db, batch(dupes), at(0))).toEqual({
      added: 1,
      updated: 0,
      unchanged: 0,
    });
    const stored = await db.papers.get('alpha');
    expect(stored?.abstract).toBe('Short but longer');
    expect(stored?.authors).toBe(3);
    expect(stored?.sources.map((s) => s.line)).toEqual([1, 7]);
    expect(await db.entries.count()).toBe(1);
  });

  it('merges every sighting of a stored paper in a mixed batch, in order', async () => {
    const db = freshLibrary();
    await mergeImportBatch(
      db,
      batch([paper({ title: 'Alpha', line: 1, abstract: 'Short' })]),
      at(0),
    );
    const next = source({ file: 'next.txt', listingDate: '2025-04-18' });
    const mixed = [
      paper({ title: 'Alpha', line: 3, abstract: 'Short, then longer', authors: 2 }),
      paper({ title: 'Delta', line: 5 }),
      paper({ title: 'Alpha', line: 9, abstract: 'Short', authors: 4 }),
    ];
    expect(await mergeImportBatch(db, batch(mixed, next), at(1))).toEqual({
      added: 1,
      updated: 1,
      unchanged: 0,
    });
    const alpha = await db.papers.get('alpha');
    expect(alpha?.abstract).toBe('Short, then longer');
    expect(alpha?.authors).toBe(2); // same listing date: the first value stays
    expect(alpha?.sources.map((s) => [s.file, s.line])).toEqual([
      ['dump-000.txt', 1],
      ['next.txt', 3],
      ['next.txt', 9],
    ]);
    expect(alpha?.firstSeenAt).toBe(at(0).toISOString());
    expect((await db.paperSummaries.get('delta'))?.title).toBe('Delta');
    expect(await db.entries.count()).toBe(2);
  });

  it('counts updated versus unchanged papers on a later dump', async () => {
    const db = freshLibrary();
    await mergeImportBatch(db, batch(papers), at(0));
    const next = source({ file: 'next.txt', listingDate: '2025-04-18' });
    const later = [
      paper({ title: 'Alpha', line: 2, upvotes: 40 }),
      paper({ title: 'Beta', line: 6, organization: 'Lab' }),
      paper({ title: 'Delta', line: 10 }),
    ];
    expect(await mergeImportBatch(db, batch(later, next), at(1))).toEqual({
      added: 1,
      updated: 1,
      unchanged: 1,
    });
    expect((await db.paperSummaries.get('alpha'))?.upvotes).toBe(40);
  });

  it('never touches existing entries: user data survives a re-import', async () => {
    const db = freshLibrary();
    await mergeImportBatch(db, batch(papers), at(0));
    await setStatus(db, ['alpha', 'beta'], 'queued', at(1));
    await setStatus(db, ['gamma'], 'read', at(2));
    await addTagByName(db, ['alpha', 'gamma'], 'ML', at(3));
    await setNote(db, 'beta', '# Thoughts\nGood paper.', at(4));
    const before = await db.entries.toArray();
    const tagsBefore = await db.tags.toArray();
    const reimport = papers.map((p) => ({ ...p, line: p.line + 100, upvotes: 77 }));
    await mergeImportBatch(db, batch(reimport, source({ file: 'again.txt' })), at(9));
    expect(await db.entries.toArray()).toEqual(before);
    expect(await db.tags.toArray()).toEqual(tagsBefore);
  });

  it('accumulates the imports row across batches and finishes on the last', async () => {
    const db = freshLibrary();
    const src = source({ file: 'big.txt' });
    const diagnostics = [{ severity: 'warning' as const, line: 12, message: 'Truncated entry' }];
    const common = { count: 3, totalPapers: 3 };
    await mergeImportBatch(db, batch([alpha], src, { ...common, index: 0 }), at(0));
    let row = await db.imports.get(src.importId);
    expect(row?.finishedAt).toBeNull();
    expect(row?.batchesDone).toBe(1);
    await mergeImportBatch(db, batch([beta], src, { ...common, index: 1 }), at(1));
    await mergeImportBatch(db, batch([beta], src, { ...common, index: 1 }), at(1));
    await mergeImportBatch(db, batch([gamma], src, { ...common, index: 2, diagnostics }), at(2));
    row = await db.imports.get(src.importId);
    expect(row).toMatchObject({
      file: 'big.txt',
      batchesDone: 3,
      totalBatches: 3,
      totalPapers: 3,
      added: 3,
      updated: 0,
      unchanged: 0,
      finishedAt: at(2).toISOString(),
      diagnostics,
    });
  });

  it('notifies the change feed with the written paper ids only', async () => {
    const db = freshLibrary();
    const seen: LibraryChange[] = [];
    const stop = onLibraryChanged((ids) => seen.push(ids));
    await mergeImportBatch(db, batch(papers), at(0));
    await mergeImportBatch(db, batch(papers), at(1));
    stop();
    expect(seen).toEqual([['alpha', 'beta', 'gamma']]);
  });

  it('keeps an entry that already exists for a new paper and adds the others', async () => {
    const db = freshLibrary();
    const kept = { ...defaultEntry('beta', at(0).toISOString()), status: 'queued' as const };
    await db.entries.add({ ...kept, queueRank: 1024, note: 'kept' });
    const counts = await mergeImportBatch(db, batch(papers), at(1));
    expect(counts).toEqual({ added: 3, updated: 0, unchanged: 0 });
    expect(await db.papers.count()).toBe(3);
    expect(await db.entries.get('beta')).toMatchObject({
      status: 'queued',
      queueRank: 1024,
      note: 'kept',
    });
    expect((await db.entries.get('alpha'))?.status).toBe('inbox');
    expect((await db.entries.get('gamma'))?.status).toBe('inbox');
  });

  it('hands the search documents of brand-new papers to the change feed', async () => {
    const db = freshLibrary();
    await db.entries.add({ ...defaultEntry('beta', at(0).toISOString()), note: 'kept' });
    const seen: (readonly LibrarySearchDocument[])[] = [];
    const stop = onLibraryChanged((_ids, documents) => seen.push(documents));
    await mergeImportBatch(db, batch(papers), at(1));
    await mergeImportBatch(db, batch([{ ...alpha, line: 50, upvotes: 9 }]), at(2));
    stop();
    // beta had an entry already (its note is not known here), so only alpha and gamma come with
    // documents; the later update of alpha comes without (its entry may have changed since).
    expect(seen.map((documents) => documents.map((doc) => doc.id))).toEqual([
      ['alpha', 'gamma'],
      [],
    ]);
    expect(seen[0]?.[0]).toEqual({
      id: 'alpha',
      title: 'Alpha',
      abstract: 'Abstract of Alpha.',
      organization: null,
      tags: [],
      tagIds: [],
      note: '',
      status: 'inbox',
      year: 2025,
    });
  });

  it('commits nothing when a write fails for any reason other than an existing key', async () => {
    const db = freshLibrary();
    const quota = new DOMException('The disk is full.', 'QuotaExceededError');
    const failing = vi
      .spyOn(db.entries, 'bulkAdd')
      .mockRejectedValueOnce(new Dexie.BulkError('entries.bulkAdd(): 1 of 3 failed', { 1: quota }));
    await expect(mergeImportBatch(db, batch(papers), at(0))).rejects.toThrow();
    failing.mockRestore();
    expect(await db.papers.count()).toBe(0);
    expect(await db.paperSummaries.count()).toBe(0);
    expect(await db.entries.count()).toBe(0);
    expect(await db.imports.count()).toBe(0);
    expect(await mergeImportBatch(db, batch(papers), at(1))).toEqual({
      added: 3,
      updated: 0,
      unchanged: 0,
    });
  });
});
