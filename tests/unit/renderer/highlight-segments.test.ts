import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  abstractPieces,
  placeHighlight,
  trimSelection,
  type PlacedHighlight,
} from '../../../src/renderer/src/features/highlights/highlight-segments';

const ABSTRACT = 'We train a small model. It beats the large one.';

function highlight(start: number, end: number, text = ABSTRACT.slice(start, end)) {
  return { id: `h${start}-${end}`, start, end, text, comment: '' };
}

describe('placing highlights in the abstract', () => {
  it('uses the stored offsets while the quote is still there', () => {
    expect(placeHighlight(ABSTRACT, highlight(3, 8))).toMatchObject({ start: 3, end: 8 });
  });

  it('finds the quote again when a longer abstract moved it, and gives up when it is gone', () => {
    const longer = `Abstract. ${ABSTRACT}`;
    expect(placeHighlight(longer, highlight(3, 8))).toMatchObject({ start: 13, end: 18 });
    expect(placeHighlight('Something else entirely.', highlight(3, 8))).toBeNull();
  });
});

describe('cutting the abstract into pieces', () => {
  it('marks highlighted and searched pieces, overlaps included', () => {
    const a: PlacedHighlight = { id: 'a', start: 3, end: 16, comment: 'x' };
    const b: PlacedHighlight = { id: 'b', start: 11, end: 22, comment: '' };
    const pieces = abstractPieces(ABSTRACT, [a, b], [[9, 10]]);
    expect(pieces.map((p) => [p.text, p.highlights.map((h) => h.id).join(''), p.match])).toEqual([
      ['We ', '', false],
      ['train ', 'a', false],
      ['a', 'a', true],
      [' ', 'a', false],
      ['small', 'ab', false],
      [' model', 'b', false],
      ['. It beats the large one.', '', false],
    ]);
  });

  it('covers the text exactly once, whatever the ranges (property)', () => {
    const range = fc.tuple(fc.integer({ min: -5, max: 60 }), fc.integer({ min: -5, max: 60 }));
    fc.assert(
      fc.property(
        fc.string({ maxLength: 50 }),
        fc.array(range),
        fc.array(range),
        (text, hs, ss) => {
          const placed = hs.map(([start, end], i) => ({ id: String(i), start, end, comment: '' }));
          const pieces = abstractPieces(text, placed, ss);
          expect(pieces.map((piece) => piece.text).join('')).toBe(text);
          expect(pieces.every((piece) => piece.text.length > 0)).toBe(true);
        },
      ),
    );
  });
});

describe('trimming a selection', () => {
  it('leaves out white space at either end, in either direction', () => {
    expect(trimSelection(ABSTRACT, 2, 9)).toEqual({ start: 3, end: 8 });
    expect(trimSelection(ABSTRACT, 9, 2)).toEqual({ start: 3, end: 8 });
    expect(trimSelection(ABSTRACT, 23, 24)).toBeNull();
    expect(trimSelection(ABSTRACT, -4, 500)).toEqual({ start: 0, end: ABSTRACT.length });
  });
});
