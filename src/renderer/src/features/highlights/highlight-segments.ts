/**
 * Where highlights fall in an abstract, and the abstract cut into pieces for rendering: each piece
 * knows which highlights cover it and whether a search matched it, so the view can wrap it in
 * <mark> elements while rendering every character as React text (never as HTML).
 */
import type { HighlightRecord } from '../../db';

/** A highlight found in the current abstract: `[start, end)` offsets. */
export interface PlacedHighlight {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly comment: string;
}

/**
 * Where a highlight's passage is in `abstract` now: at its stored offsets if the text there is
 * still the quote, else at the first occurrence of the quote (an import may have replaced the
 * abstract by a longer one), else null (the passage is gone; the list still shows the quote).
 */
export function placeHighlight(
  abstract: string,
  highlight: Pick<HighlightRecord, 'id' | 'start' | 'end' | 'text' | 'comment'>,
): PlacedHighlight | null {
  const { id, comment, text } = highlight;
  if (abstract.slice(highlight.start, highlight.end) === text)
    return { id, start: highlight.start, end: highlight.end, comment };
  const found = abstract.indexOf(text);
  return found < 0 ? null : { id, start: found, end: found + text.length, comment };
}

/** One piece of the abstract: its text, the highlights covering it, and a search match flag. */
export interface AbstractPiece {
  readonly text: string;
  readonly highlights: readonly PlacedHighlight[];
  readonly match: boolean;
}

/**
 * Cuts `text` at every highlight and search-range boundary. The pieces cover `text` exactly
 * once, in order (joined, they give `text` back); overlapping highlights both cover the piece
 * they share.
 */
export function abstractPieces(
  text: string,
  highlights: readonly PlacedHighlight[],
  searchRanges: readonly (readonly [number, number])[],
): AbstractPiece[] {
  const clamp = (at: number): number => Math.max(0, Math.min(text.length, Math.floor(at)));
  const cuts = new Set<number>([0, text.length]);
  for (const range of [...highlights.map((h) => [h.start, h.end] as const), ...searchRanges]) {
    cuts.add(clamp(range[0]));
    cuts.add(clamp(range[1]));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: AbstractPiece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    if (end <= start) continue;
    pieces.push({
      text: text.slice(start, end),
      highlights: highlights.filter((h) => h.start <= start && h.end >= end),
      match: searchRanges.some(([from, to]) => from <= start && to >= end),
    });
  }
  return pieces;
}

/**
 * A selection of `[start, end)` in `text` without the white space at either end, or null when
 * nothing but white space is selected.
 */
export function trimSelection(
  text: string,
  start: number,
  end: number,
): { readonly start: number; readonly end: number } | null {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  while (from < to && /\s/.test(text.charAt(from))) from++;
  while (to > from && /\s/.test(text.charAt(to - 1))) to--;
  return to > from ? { start: from, end: to } : null;
}
