import { describe, expect, it } from 'vitest';
import {
  expandToWords,
  normalizeRanges,
  snippetAround,
  splitHighlights,
} from '../../../src/shared/search/highlight';

describe('splitHighlights', () => {
  it('merges overlapping and touching ranges and covers the text exactly once', () => {
    const text = 'Sparse Attention with Linear Units';
    const segments = splitHighlights(text, [
      [7, 12],
      [10, 16],
      [0, 6],
      [6, 7],
    ]);
    expect(segments).toEqual([
      { text: 'Sparse Attention', match: true },
      { text: ' with Linear Units', match: false },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('clamps ranges to the text and ignores empty or inverted ones', () => {
    expect(
      normalizeRanges(
        [
          [-5, 2],
          [3, 3],
          [5, 4],
          [8, 99],
        ],
        10,
      ),
    ).toEqual([
      [0, 2],
      [8, 10],
    ]);
    expect(splitHighlights('', [[0, 4]])).toEqual([]);
  });

  it('keeps markup as plain text segments', () => {
    const text = 'a <script>alert(1)</script> b';
    const segments = splitHighlights(text, [[2, 10]]);
    expect(segments).toEqual([
      { text: 'a ', match: false },
      { text: '<script>', match: true },
      { text: 'alert(1)</script> b', match: false },
    ]);
  });
});

describe('expandToWords', () => {
  it('widens partial matches to whole words and drops short fragments', () => {
    const text = 'Efficient LoRA Fine-Tuning';
    expect(
      expandToWords(
        text,
        [
          [20, 24],
          [10, 11],
        ],
        2,
      ),
    ).toEqual([[20, 26]]);
  });
});

describe('snippetAround', () => {
  const text =
    'Deploying large language models on edge devices is hard. We study activation ' +
    'sparsification and propose a thresholding method that works well in practice.';

  it('centres on the first match, cuts at words and shifts ranges', () => {
    const start = text.indexOf('sparsification');
    const snippet = snippetAround(text, [[start, start + 14]], 30);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    const [range] = snippet.ranges;
    expect(range && snippet.text.slice(range[0], range[1])).toBe('sparsification');
    expect(snippet.text.length).toBeLessThan(90);
  });

  it('starts at the beginning when there is no match', () => {
    const snippet = snippetAround(text, [], 20);
    expect(snippet.text.startsWith('Deploying')).toBe(true);
    expect(snippet.ranges).toEqual([]);
  });
});
