/**
 * Keeps the `k` highest-scoring items seen so far, for scans over every document where sorting
 * all of them would cost more than the scan itself.
 * Invariant: `items()` is sorted by descending score; ties keep the earlier offer first.
 */
export class TopK<T> {
  private readonly scores: number[] = [];
  private readonly values: T[] = [];

  constructor(private readonly k: number) {}

  /** The lowest score that would still enter, or -Infinity while there is room. */
  get threshold(): number {
    return this.scores.length < this.k ? -Infinity : (this.scores[this.scores.length - 1] ?? 0);
  }

  /** Offers one item; kept only if it is among the best `k` so far. */
  offer(score: number, value: T): void {
    if (this.k <= 0 || score <= this.threshold) return;
    let at = this.scores.length;
    while (at > 0 && (this.scores[at - 1] as number) < score) at -= 1;
    this.scores.splice(at, 0, score);
    this.values.splice(at, 0, value);
    if (this.scores.length > this.k) {
      this.scores.pop();
      this.values.pop();
    }
  }

  /** The kept items with their scores, best first. */
  items(): { readonly value: T; readonly score: number }[] {
    return this.values.map((value, i) => ({ value, score: this.scores[i] as number }));
  }
}
