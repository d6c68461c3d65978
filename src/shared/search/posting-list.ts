/**
 * Postings of one term: (document slot, per-field term frequencies) pairs in one growable
 * Int32Array, interleaved as `[slot, packedTf, slot, packedTf, …]`. One typed array per term
 * keeps rare terms (most of a vocabulary) small and scanning frequent ones cache-friendly.
 */

/** Indexed fields, in the order their frequencies are packed (field i uses bits 6i…6i+5). */
export const FIELDS = ['title', 'abstract', 'organization', 'tags', 'note'] as const;

/** One indexed field. */
export type IndexField = (typeof FIELDS)[number];

/** Number of indexed fields. */
export const FIELD_COUNT = FIELDS.length;

const TF_BITS = 6;
const TF_MAX = (1 << TF_BITS) - 1;

/** Term frequency of `field` (an index into FIELDS) in a packed value; saturates at 63. */
export function fieldTf(packed: number, field: number): number {
  return (packed >>> (field * TF_BITS)) & TF_MAX;
}

/** `packed` with one more occurrence in `field` (unchanged once that field saturated). */
export function addOccurrence(packed: number, field: number): number {
  return fieldTf(packed, field) === TF_MAX ? packed : packed + (1 << (field * TF_BITS));
}

/**
 * Postings of one term.
 * Invariants: slots strictly increase along the list (documents are appended in slot order and
 * slots are never reused before compaction, which preserves order); every packed value is
 * non-zero (the term occurs in at least one field). Entries for removed documents stay until
 * compaction; readers check liveness.
 */
export class PostingList {
  /** Interleaved `[slot, packedTf]` pairs; only the first `2 * length` entries are valid. */
  data: Int32Array;
  /** Number of postings. */
  length = 0;

  constructor(capacity = 2) {
    this.data = new Int32Array(capacity * 2);
  }

  /** Slot of the last posting, or -1 when empty. */
  lastSlot(): number {
    return this.length === 0 ? -1 : (this.data[this.length * 2 - 2] ?? -1);
  }

  /** Counts one occurrence in `field` for `slot`, which must be ≥ the last slot. */
  count(slot: number, field: number): void {
    const last = this.length * 2 - 2;
    if (this.length > 0 && this.data[last] === slot) {
      this.data[last + 1] = addOccurrence(this.data[last + 1] ?? 0, field);
      return;
    }
    if (this.length * 2 === this.data.length) {
      const grown = new Int32Array(Math.max(4, this.data.length * 2));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length * 2] = slot;
    this.data[this.length * 2 + 1] = addOccurrence(0, field);
    this.length += 1;
  }

  /** Packed frequencies for `slot`, or 0 when the term does not occur there (binary search). */
  find(slot: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.data[mid * 2] ?? 0;
      if (at === slot) return this.data[mid * 2 + 1] ?? 0;
      if (at < slot) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /**
   * Renumbers slots through `remap` (−1 drops the posting) and releases spare capacity.
   * `remap` must be increasing on kept slots so the list stays sorted.
   */
  compact(remap: Int32Array): void {
    let kept = 0;
    for (let i = 0; i < this.length; i += 1) {
      const slot = remap[this.data[i * 2] ?? 0] ?? -1;
      if (slot < 0) continue;
      this.data[kept * 2] = slot;
      this.data[kept * 2 + 1] = this.data[i * 2 + 1] ?? 0;
      kept += 1;
    }
    this.length = kept;
    this.trim();
  }

  /** Shrinks the buffer to the postings it holds when at least a quarter is spare. */
  trim(): void {
    if (this.data.length - this.length * 2 >= this.data.length / 4 && this.data.length > 4) {
      this.data = this.data.slice(0, Math.max(4, this.length * 2));
    }
  }
}
