/**
 * Pure helpers to render highlight ranges safely: text is split into plain segments that React
 * renders as text nodes (matched ones inside <mark>), so nothing is ever parsed as HTML.
 */

/** A `[start, endExclusive)` character range. */
export type Range = [number, number];

/** One piece of text; `match` marks a highlighted piece. */
export interface Segment {
  readonly text: string;
  readonly match: boolean;
}

/** A short excerpt with ranges relative to `text` (which includes any leading/trailing '…'). */
export interface Snippet {
  readonly text: string;
  readonly ranges: Range[];
}

const ELLIPSIS = '…';
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Clamps ranges to `[0, length)`, drops empty ones, sorts them and merges overlapping or
 * touching ones. Invariant of the output: sorted, disjoint, non-empty, within bounds.
 */
export function normalizeRanges(ranges: readonly (readonly [number, number])[], length: number) {
  const clamped: Range[] = [];
  for (const [rawStart, rawEnd] of ranges) {
    const start = Math.max(0, Math.min(length, Math.floor(rawStart)));
    const end = Math.max(0, Math.min(length, Math.floor(rawEnd)));
    if (end > start) clamped.push([start, end]);
  }
  clamped.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const range of clamped) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * Splits `text` into alternating plain and matched segments covering it exactly once
 * (concatenating the segment texts gives back `text`). Empty text yields no segments.
 */
export function splitHighlights(
  text: string,
  ranges: readonly (readonly [number, number])[],
): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of normalizeRanges(ranges, text.length)) {
    if (start > at) segments.push({ text: text.slice(at, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  return segments;
}

function isWordChar(text: string, index: number): boolean {
  const char = text[index];
  return char !== undefined && WORD_CHAR.test(char);
}

/**
 * Widens each range to whole words (fuzzy matches often cover only part of a word) and drops
 * fragments shorter than `minLength` before widening. Output is normalised.
 */
export function expandToWords(
  text: string,
  ranges: readonly (readonly [number, number])[],
  minLength = 1,
): Range[] {
  const widened: Range[] = [];
  for (const [rawStart, rawEnd] of normalizeRanges(ranges, text.length)) {
    if (rawEnd - rawStart < minLength) continue;
    let start = rawStart;
    let end = rawEnd;
    while (start > 0 && isWordChar(text, start - 1) && isWordChar(text, start)) start -= 1;
    while (end < text.length && isWordChar(text, end) && isWordChar(text, end - 1)) end += 1;
    widened.push([start, end]);
  }
  return normalizeRanges(widened, text.length);
}

/** Moves `index` forward to the start of a word (after whitespace), within `limit`. */
function wordStartAfter(text: string, index: number, limit: number): number {
  const space = text.indexOf(' ', index);
  return space === -1 || space + 1 > limit ? index : space + 1;
}

/** Moves `index` back to the end of a word (before whitespace), not below `limit`. */
function wordEndBefore(text: string, index: number, limit: number): number {
  const space = text.lastIndexOf(' ', index);
  return space === -1 || space < limit ? index : space;
}

/**
 * An excerpt of about `radius` characters either side of the first range, cut at word
 * boundaries, with '…' marking cut ends and ranges shifted (and clipped) to the excerpt.
 * Without ranges the excerpt is the beginning of the text.
 */
export function snippetAround(
  text: string,
  ranges: readonly (readonly [number, number])[],
  radius: number,
): Snippet {
  const normalized = normalizeRanges(ranges, text.length);
  const first = normalized[0] ?? [0, 0];
  let start = Math.max(0, first[0] - radius);
  let end = Math.min(text.length, first[1] + radius + (normalized.length === 0 ? radius : 0));
  if (start > 0) start = wordStartAfter(text, start, first[0]);
  if (end < text.length) end = wordEndBefore(text, end, first[1]);
  while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
  const lead = start > 0 ? ELLIPSIS : '';
  const tail = end < text.length ? ELLIPSIS : '';
  const shift = lead.length - start;
  const inside = normalized
    .filter(([s, e]) => e > start && s < end)
    .map(([s, e]): Range => [Math.max(s, start) + shift, Math.min(e, end) + shift]);
  return { text: lead + text.slice(start, end) + tail, ranges: inside };
}
