/**
 * First stage of search: scores every document matching an expanded query with BM25F (field
 * boosts, per-field length normalisation) into flat typed arrays, counts the matches, and keeps
 * the best few for ranking: documents matching more query words first, then by score.
 */
import type { InvertedIndex } from './inverted-index';
import { FIELD_COUNT, fieldTf } from './posting-list';
import type { ExpandedQuery } from './query-expansion';

/** Boost per field, in FIELDS order: title, abstract, organization, tags, note. */
export const FIELD_BOOSTS: readonly number[] = [3, 1, 2, 2, 1.5];

const K1 = 1.2;
const B = 0.75;

/** A selected document. */
export interface Match {
  readonly slot: number;
  /** Number of query groups the document matched. */
  readonly coverage: number;
  /** BM25F score summed over the matched expansions (weighted). */
  readonly score: number;
}

/** The selection: best matches first, and how many documents matched in all. */
export interface Selection {
  readonly matches: Match[];
  readonly total: number;
}

/** Scratch accumulators shared by all queries (searches are synchronous, never overlapping). */
let scores = new Float64Array(1024);
let masks = new Uint32Array(1024);

function scratch(slots: number): void {
  if (scores.length < slots) {
    const size = Math.max(slots, scores.length * 2);
    scores = new Float64Array(size);
    masks = new Uint32Array(size);
  } else {
    scores.fill(0, 0, slots);
    masks.fill(0, 0, slots);
  }
}

/** Adds every expansion's weighted BM25F contribution and query bit to the accumulators. */
function accumulate<T extends object>(index: InvertedIndex<T>, query: ExpandedQuery): void {
  const documents = Math.max(1, index.size);
  const norms = new Float64Array(FIELD_COUNT);
  for (let field = 0; field < FIELD_COUNT; field += 1)
    norms[field] = 1 / index.averageLength(field);
  for (const { postings, weight, bit } of query.expansions) {
    const df = Math.min(postings.length, documents);
    const idf = Math.log(1 + (documents - df + 0.5) / (df + 0.5));
    const factor = weight * idf;
    const data = postings.data;
    for (let i = 0; i < postings.length * 2; i += 2) {
      const slot = data[i] ?? 0;
      const packed = data[i + 1] ?? 0;
      let sum = 0;
      for (let field = 0; field < FIELD_COUNT; field += 1) {
        const tf = fieldTf(packed, field);
        if (tf === 0) continue;
        const length = index.fieldLength(slot, field) * (norms[field] ?? 1);
        sum += (FIELD_BOOSTS[field] ?? 1) * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + B * length)));
      }
      scores[slot] = (scores[slot] ?? 0) + factor * sum;
      masks[slot] = (masks[slot] ?? 0) | bit;
    }
  }
}

/** Bounded min-heap on (coverage, score): keeps the `capacity` best matches seen. */
class TopMatches {
  private readonly heap: Match[] = [];

  constructor(private readonly capacity: number) {}

  /** Keeps the match when it is among the best so far (allocates only then). */
  offer(slot: number, coverage: number, score: number): void {
    if (this.capacity <= 0) return;
    const heap = this.heap;
    if (heap.length < this.capacity) {
      heap.push({ slot, coverage, score });
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i] as Match, heap[parent] as Match)) break;
        [heap[i], heap[parent]] = [heap[parent] as Match, heap[i] as Match];
        i = parent;
      }
      return;
    }
    const root = heap[0] as Match;
    if (coverage < root.coverage || (coverage === root.coverage && score <= root.score)) return;
    heap[0] = { slot, coverage, score };
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < heap.length && worse(heap[left] as Match, heap[least] as Match)) least = left;
      if (right < heap.length && worse(heap[right] as Match, heap[least] as Match)) least = right;
      if (least === i) break;
      [heap[i], heap[least]] = [heap[least] as Match, heap[i] as Match];
      i = least;
    }
  }

  /** The kept matches, best first. */
  sorted(): Match[] {
    return [...this.heap].sort((x, y) => (worse(x, y) ? 1 : worse(y, x) ? -1 : x.slot - y.slot));
  }
}

/** True when `a` ranks below `b`: fewer groups covered, or as many with a lower score. */
function worse(a: Match, b: Match): boolean {
  return a.coverage < b.coverage || (a.coverage === b.coverage && a.score < b.score);
}

/**
 * Scores all documents matching `query`, keeps those `accept` lets through (filters), and
 * returns the best `cap` plus the number of all such documents.
 * A document matches when it covers at least one group (all of a group's bits set).
 * Cost: O(postings of the expansions + slots); no per-document allocation except kept matches.
 */
export function selectCandidates<T extends object>(
  index: InvertedIndex<T>,
  query: ExpandedQuery,
  accept: ((payload: T) => boolean) | null,
  cap: number,
): Selection {
  const slots = index.slotCount;
  scratch(slots);
  accumulate(index, query);
  const top = new TopMatches(cap);
  const groupBits = query.groupBits.filter((bits) => bits !== 0);
  let total = 0;
  for (let slot = 0; slot < slots; slot += 1) {
    const mask = masks[slot] ?? 0;
    if (mask === 0) continue;
    let coverage = 0;
    for (const bits of groupBits) if ((mask & bits) === bits) coverage += 1;
    if (coverage === 0) continue;
    const payload = index.payload(slot);
    if (payload === undefined || (accept !== null && !accept(payload))) continue;
    total += 1;
    top.offer(slot, coverage, scores[slot] ?? 0);
  }
  return { matches: top.sorted(), total };
}
