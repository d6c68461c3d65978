import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RankedOrder, selectSmallest } from '../../../src/shared/search/ranked-order';

const byValue = (a: number, b: number) => a - b;

describe('selectSmallest', () => {
  it('brings the k smallest to the front', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 400 }),
        fc.nat(),
        (items, n) => {
          const k = 1 + (n % items.length);
          const copy = [...items];
          selectSmallest(copy, k, byValue);
          const expected = [...items].sort(byValue).slice(0, k);
          expect(copy.slice(0, k).sort(byValue)).toEqual(expected);
          expect([...copy].sort(byValue)).toEqual([...items].sort(byValue));
        },
      ),
    );
  });
});

describe('RankedOrder', () => {
  it('reads the same pages as a full sort, in any order of reading', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 3000 }),
        fc.array(fc.tuple(fc.nat(3000), fc.nat(300)), { minLength: 1, maxLength: 5 }),
        (items, pages) => {
          const order = new RankedOrder([...items], byValue);
          const sorted = [...items].sort(byValue);
          expect(order.length).toBe(items.length);
          for (const [offset, limit] of pages) {
            expect(order.slice(offset, offset + limit)).toEqual(
              sorted.slice(offset, offset + limit),
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
