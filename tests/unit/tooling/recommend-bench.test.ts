import { describe, expect, it } from 'vitest';
import { rocAuc } from '../../../scripts/bench/recommend.bench';

describe('recommend bench ROC-AUC', () => {
  it('is 1 for a perfect order, 0 for the reverse and 0.5 for ties', () => {
    const labels = [false, false, true, true];
    expect(rocAuc([1, 2, 3, 4], labels)).toBe(1);
    expect(rocAuc([4, 3, 2, 1], labels)).toBe(0);
    expect(rocAuc([1, 1, 1, 1], labels)).toBe(0.5);
    expect(rocAuc([1, 3, 2, 4], labels)).toBe(0.75);
  });

  it('is undefined without both classes', () => {
    expect(rocAuc([1, 2], [true, true])).toBeNaN();
  });
});
