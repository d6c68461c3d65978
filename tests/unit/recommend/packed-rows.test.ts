import { describe, expect, it } from 'vitest';
import { PackedRows } from '../../../src/shared/recommend/packed-rows';

const row = (...ids: number[]) => ({
  terms: Int32Array.from(ids),
  tfs: Float32Array.from(ids, (id) => id / 2),
});

function contents(rows: PackedRows): number[][] {
  return Array.from({ length: rows.count }, (_, r) => [...rows.rowTerms(r)]);
}

describe('PackedRows', () => {
  it('keeps rows apart through growth, in-place and relocating updates', () => {
    const rows = new PackedRows();
    for (let i = 0; i < 3000; i += 1) {
      const { terms, tfs } = row(i, i + 1);
      rows.push(terms, tfs);
    }
    const shorter = row(7);
    rows.set(5, shorter.terms, shorter.tfs);
    const longer = row(1, 2, 3, 4);
    rows.set(6, longer.terms, longer.tfs);
    expect([...rows.rowTerms(4)]).toEqual([4, 5]);
    expect([...rows.rowTerms(5)]).toEqual([7]);
    expect([...rows.rowTerms(6)]).toEqual([1, 2, 3, 4]);
    expect([...rows.rowTfs(6)]).toEqual([0.5, 1, 1.5, 2]);
    expect([...rows.rowTerms(2999)]).toEqual([2999, 3000]);
  });

  it('moves the last row into a removed one and compacts what was freed', () => {
    const rows = new PackedRows();
    for (let i = 0; i < 5000; i += 1) {
      const { terms, tfs } = row(i);
      rows.push(terms, tfs);
    }
    rows.removeSwap(0);
    expect(rows.count).toBe(4999);
    expect([...rows.rowTerms(0)]).toEqual([4999]);
    while (rows.count > 10) rows.removeSwap(rows.count - 1);
    expect(rows.terms.length).toBeLessThan(8192);
    expect(contents(rows)).toEqual([[4999], [1], [2], [3], [4], [5], [6], [7], [8], [9]]);
  });
});
