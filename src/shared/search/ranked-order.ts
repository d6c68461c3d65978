/**
 * A list of matches put in display order only as far as it is read: the first page of a query
 * with 20k matches needs its best few hundred, not a full sort. The best `k` are brought to the
 * front by quickselect (linear on average) and sorted; reading past them sorts the rest once.
 */

/** Matches read before the rest of the list is sorted. */
const FIRST_SORT = 256;

/**
 * Moves the `k` smallest items under `compare` to `items[0, k)` (in no particular order).
 * Quickselect with a median-of-three pivot; iterative, in place.
 */
export function selectSmallest<T>(items: T[], k: number, compare: (a: T, b: T) => number): void {
  let lo = 0;
  let hi = items.length - 1;
  const swap = (i: number, j: number) => {
    const t = items[i] as T;
    items[i] = items[j] as T;
    items[j] = t;
  };
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(items[mid] as T, items[lo] as T) < 0) swap(mid, lo);
    if (compare(items[hi] as T, items[lo] as T) < 0) swap(hi, lo);
    if (compare(items[mid] as T, items[hi] as T) < 0) swap(mid, hi);
    const pivot = items[hi] as T;
    let store = lo;
    for (let i = lo; i < hi; i += 1) {
      if (compare(items[i] as T, pivot) < 0) swap(i, store++);
    }
    swap(store, hi);
    if (store === k - 1 || store === k) return;
    if (store < k) lo = store + 1;
    else hi = store - 1;
  }
}

/**
 * Matches in display order, sorted lazily. Invariant: `items[0, sorted)` is exactly the first
 * `sorted` items of the fully sorted list, and every later item compares ≥ all of them.
 */
export class RankedOrder<T> {
  private sorted = 0;

  constructor(
    private readonly items: T[],
    private readonly compare: (a: T, b: T) => number,
  ) {}

  /** Number of matches. */
  get length(): number {
    return this.items.length;
  }

  /** Items `[offset, end)` in display order. */
  slice(offset: number, end: number): T[] {
    const stop = Math.min(end, this.items.length);
    if (stop > this.sorted) this.sortThrough(stop);
    return this.items.slice(offset, stop);
  }

  private sortThrough(end: number): void {
    const items = this.items;
    const k = Math.max(end, FIRST_SORT);
    if (this.sorted === 0 && k * 4 < items.length) {
      selectSmallest(items, k, this.compare);
      const head = items.slice(0, k).sort(this.compare);
      for (let i = 0; i < k; i += 1) items[i] = head[i] as T;
      this.sorted = k;
      return;
    }
    const tail = items.slice(this.sorted).sort(this.compare);
    for (let i = 0; i < tail.length; i += 1) items[this.sorted + i] = tail[i] as T;
    this.sorted = items.length;
  }
}
