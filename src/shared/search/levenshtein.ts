/**
 * Bounded edit distance for fuzzy term look-ups. Only distances up to a small bound matter (1 or
 * 2), so the dynamic programme is restricted to the diagonal band |i − j| ≤ bound and stops as
 * soon as a whole row exceeds the bound; typical vocabulary terms are rejected after 2–3 rows.
 */

/** Scratch rows reused across calls (grown on demand) so look-ups never allocate. */
let before = new Int32Array(32);
let previous = new Int32Array(32);
let current = new Int32Array(32);

function ensureRows(length: number): void {
  if (current.length >= length) return;
  const size = Math.max(length, current.length * 2);
  before = new Int32Array(size);
  previous = new Int32Array(size);
  current = new Int32Array(size);
}

/**
 * Optimal-string-alignment distance between `a` and `b` (insertions, deletions, substitutions
 * and transpositions of adjacent characters each cost 1), or `max + 1` when it exceeds `max`.
 * Transpositions count once because swapped letters are the most common typing slip.
 * Invariant: the result is exact whenever it is ≤ `max`; any larger distance reads `max + 1`.
 * Early exit is safe: every alignment path crosses every row, and a transposition from row i−2
 * costs at least the row i−1 cell it skips, so a row minimum above `max` bounds the result.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  const m = a.length;
  const n = b.length;
  const over = max + 1;
  if (Math.abs(m - n) > max) return over;
  if (m === 0 || n === 0) return Math.max(m, n);
  ensureRows(n + 2);
  for (let j = 0; j <= n; j += 1) previous[j] = j <= max ? j : over;
  for (let i = 1; i <= m; i += 1) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(n, i + max);
    const ac = a.charCodeAt(i - 1);
    const acBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    current[lo - 1] = lo === 1 ? Math.min(i, over) : over;
    let rowMin = current[lo - 1] ?? over;
    for (let j = lo; j <= hi; j += 1) {
      const bc = b.charCodeAt(j - 1);
      let value = (previous[j - 1] ?? over) + (ac === bc ? 0 : 1);
      const deletion = (previous[j] ?? over) + 1;
      if (deletion < value) value = deletion;
      const insertion = (current[j - 1] ?? over) + 1;
      if (insertion < value) value = insertion;
      if (j > 1 && ac === b.charCodeAt(j - 2) && acBefore === bc && ac !== bc) {
        const transposition = (before[j - 2] ?? over) + 1;
        if (transposition < value) value = transposition;
      }
      if (value > over) value = over;
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (hi < n) current[hi + 1] = over;
    if (rowMin > max) return over;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return Math.min(previous[n] ?? over, over);
}
