import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  listPaperRows,
  mergeImportBatch,
  setStatus,
  type PaperRow,
} from '../../../src/renderer/src/db';
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
  it('returns every row once, in the order of one full sort, page boundaries notwithstanding', async () => {
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

    const summaries = new Map((await db.paperSummaries.toArray()).map((sum) => [sum.id, sum]));
    const titleKey = (row: PaperRow): string => summaries.get(row.id)?.titleSort ?? '';
    const reference = {
      listing: (a: PaperRow, b: PaperRow) =>
        desc(a.listingDate, b.listingDate) || desc(a.published, b.published) || byTitle(a, b),
      upvotes: (a: PaperRow, b: PaperRow) => desc(a.upvotes, b.upvotes) || byTitle(a, b),
      title: byTitle,
    };
    function desc<T extends string | number>(a: T | null, b: T | null): number {
      if (a === b) return 0;
      if (a === null) return 1;
      if (b === null) return -1;
      return a < b ? 1 : -1;
    }
    function byTitle(a: PaperRow, b: PaperRow): number {
      const [x, y] = [titleKey(a), titleKey(b)];
      if (x !== y) return x < y ? -1 : 1;
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    }

    for (const [view, sort, size] of [
      ['all', 'upvotes', total],
      ['inbox', 'listing', total - read.length],
      ['read', 'title', read.length],
    ] as const) {
      const rows = await listPaperRows(db, view, sort);
      expect(rows).toHaveLength(size);
      if (view !== 'all') expect(rows.every((row) => row.status === view)).toBe(true);
      const ids = rows.map((row) => row.id);
      expect(ids).toEqual([...rows].sort(reference[sort]).map((row) => row.id));
      expect(new Set(ids).size).toBe(size);
    }
  });
});
