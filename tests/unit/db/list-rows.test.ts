import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listPaperRows, mergeImportBatch, setStatus } from '../../../src/renderer/src/db';
import { ROWS_PAGE_SIZE, mergeSorted } from '../../../src/renderer/src/db/list-rows';
import { at, batch, freshLibrary, paper, source } from './helpers';

describe('mergeSorted', () => {
  it('equals sorting the concatenation of two sorted lists', () => {
    const byValue = (a: number, b: number): number => a - b;
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.array(fc.integer()), (left, right) => {
        const a = [...left].sort(byValue);
        const b = [...right].sort(byValue);
        expect(mergeSorted(a, b, byValue)).toEqual([...a, ...b].sort(byValue));
      }),
    );
  });
});

describe('large views (read page by page)', () => {
  it('returns the same rows in the same order as one sort over everything', async () => {
    const db = freshLibrary();
    const total = 2 * ROWS_PAGE_SIZE + 321;
    // Ids are not in title, date or upvote order, so every page mixes the whole range.
    const papers = Array.from({ length: total }, (_, i) =>
      paper({
        id: `2501.${String((i * 7919) % total).padStart(5, '0')}`,
        title: `Paper ${(i * 31) % 97} on topic ${i % 13}`,
        published: i % 4 === 0 ? null : `2024-${String((i % 12) + 1).padStart(2, '0')}-01`,
        upvotes: i % 5 === 0 ? null : (i * 17) % 60,
        line: i + 1,
      }),
    );
    const days = [source({ file: 'a.txt', listingDate: '2025-04-10' }), source({ file: 'b.txt' })];
    await mergeImportBatch(db, batch(papers.slice(0, 2500), days[0]), at(0));
    await mergeImportBatch(db, batch(papers.slice(2500), days[1]), at(1));
    const read = papers.filter((_, i) => i % 3 === 0).map((p) => p.id);
    await setStatus(db, read, 'read', at(2));

    const all = await listPaperRows(db, 'all', 'upvotes');
    expect(all).toHaveLength(total);
    expect(new Set(all.map((row) => row.id)).size).toBe(total);
    const upvotes = all.map((row) => row.upvotes ?? -1);
    for (let i = 1; i < upvotes.length; i++) {
      expect(upvotes[i - 1]).toBeGreaterThanOrEqual(upvotes[i] ?? 0);
    }

    const inbox = await listPaperRows(db, 'inbox', 'listing');
    expect(inbox).toHaveLength(total - read.length);
    expect(inbox.every((row) => row.status === 'inbox')).toBe(true);
    const listing = inbox.map((row) => `${row.listingDate}|${row.published ?? ''}`);
    const expected = [...inbox]
      .sort(
        (a, b) =>
          (b.listingDate ?? '').localeCompare(a.listingDate ?? '') ||
          (b.published ?? '').localeCompare(a.published ?? ''),
      )
      .map((row) => `${row.listingDate}|${row.published ?? ''}`);
    expect(listing).toEqual(expected);

    const titles = (await listPaperRows(db, 'read', 'title')).map((row) => row.title);
    expect(titles).toHaveLength(read.length);
    const collator = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    expect(titles).toEqual([...titles].sort((a, b) => collator(a.toLowerCase(), b.toLowerCase())));
  });
});
