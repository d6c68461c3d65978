/**
 * Variable-length rows of (feature id, frequency) pairs packed into two shared typed arrays, so
 * a scan over every paper reads memory in order instead of chasing one small array per paper.
 *
 * Invariants: row `r` occupies `[starts[r], starts[r] + lengths[r])` of `terms` and `tfs`; rows
 * never overlap; space freed by updates and removals is reclaimed by a compaction once it exceeds
 * half of what is in use. Callers only read the public arrays, and must re-read them after a
 * write (growth and compaction replace them).
 */
export class PackedRows {
  terms = new Int32Array(4096);
  tfs = new Float32Array(4096);
  readonly starts: number[] = [];
  readonly lengths: number[] = [];
  private used = 0;
  private garbage = 0;

  /** Number of rows. */
  get count(): number {
    return this.starts.length;
  }

  /** Feature ids of `row` (a view, valid until the next write). */
  rowTerms(row: number): Int32Array {
    const start = this.starts[row] as number;
    return this.terms.subarray(start, start + (this.lengths[row] as number));
  }

  /** Frequencies of `row` (a view, valid until the next write). */
  rowTfs(row: number): Float32Array {
    const start = this.starts[row] as number;
    return this.tfs.subarray(start, start + (this.lengths[row] as number));
  }

  /** Appends a row. */
  push(terms: Int32Array, tfs: Float32Array): void {
    this.starts.push(this.place(terms, tfs));
    this.lengths.push(terms.length);
  }

  /** Replaces the contents of `row` (in place when it fits). */
  set(row: number, terms: Int32Array, tfs: Float32Array): void {
    const length = this.lengths[row] as number;
    if (terms.length <= length) {
      const start = this.starts[row] as number;
      this.terms.set(terms, start);
      this.tfs.set(tfs, start);
      this.garbage += length - terms.length;
    } else {
      this.garbage += length;
      this.starts[row] = this.place(terms, tfs);
    }
    this.lengths[row] = terms.length;
    this.compactIfWasteful();
  }

  /** Removes `row`; the last row takes its index. */
  removeSwap(row: number): void {
    this.garbage += this.lengths[row] as number;
    const last = this.starts.length - 1;
    this.starts[row] = this.starts[last] as number;
    this.lengths[row] = this.lengths[last] as number;
    this.starts.pop();
    this.lengths.pop();
    this.compactIfWasteful();
  }

  /** Copies a row's pairs to the end of the arrays, growing them; returns its start. */
  private place(terms: Int32Array, tfs: Float32Array): number {
    const need = this.used + terms.length;
    if (need > this.terms.length) this.resize(Math.max(need, this.terms.length * 2));
    const start = this.used;
    this.terms.set(terms, start);
    this.tfs.set(tfs, start);
    this.used = need;
    return start;
  }

  private resize(capacity: number): void {
    const terms = new Int32Array(capacity);
    const tfs = new Float32Array(capacity);
    terms.set(this.terms.subarray(0, this.used));
    tfs.set(this.tfs.subarray(0, this.used));
    this.terms = terms;
    this.tfs = tfs;
  }

  private compactIfWasteful(): void {
    if (this.garbage <= 4096 || this.garbage * 2 <= this.used) return;
    const size = this.used - this.garbage;
    const terms = new Int32Array(Math.max(4096, size * 2));
    const tfs = new Float32Array(terms.length);
    let at = 0;
    for (let row = 0; row < this.starts.length; row += 1) {
      const start = this.starts[row] as number;
      const length = this.lengths[row] as number;
      terms.set(this.terms.subarray(start, start + length), at);
      tfs.set(this.tfs.subarray(start, start + length), at);
      this.starts[row] = at;
      at += length;
    }
    this.terms = terms;
    this.tfs = tfs;
    this.used = at;
    this.garbage = 0;
  }
}
