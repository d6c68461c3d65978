/**
 * A purpose-built inverted index over the full text of every indexed field. Documents live in
 * small integer slots; each term maps to a `PostingList` of (slot, per-field frequencies), which
 * is all BM25F scoring needs. Updates are incremental: removal leaves a tombstone slot, an
 * upsert is a removal plus an append, and slots are compacted once tombstones pass a quarter.
 */
import { FIELD_COUNT, PostingList } from './posting-list';
import { analyzeToken, scanTokens } from './normalize';
import { TokenTable } from './token-table';
import { Vocabulary } from './vocabulary';

/** Texts of one document's fields, in FIELDS order (see posting-list.ts). */
export type FieldTexts = readonly string[];

/** Tombstone share of all slots above which slots and postings are compacted. */
export const COMPACT_RATIO = 0.25;

/** Field lengths are stored as 16-bit counts; longer fields count as this long. */
const MAX_FIELD_LENGTH = 0xffff;

/** Raw tokens remembered by `tokenLists` before it is cleared, to bound its memory. */
const TOKEN_CACHE_LIMIT = 300_000;

/** Posting lists of the terms one raw token yields (see `analyzeToken`); null for none. */
type TokenLists = PostingList | PostingList[] | null;

/**
 * Inverted index of documents carrying a payload of type `T` (the engine stores the document
 * and its filter keys there, so candidate filtering needs no id look-up).
 *
 * Invariants:
 * - a slot is live iff its payload is defined; `size` is the number of live slots and every
 *   live slot has exactly one id in `slotById`;
 * - slots are handed out in increasing order, so appending a document keeps every posting list
 *   sorted; compaction renumbers slots monotonically and keeps that order;
 * - `totals[f]` is the sum of field f's length over live slots (for BM25 length normalisation);
 * - postings of dead slots linger until compaction: readers must check `isLive`, and document
 *   frequencies (`PostingList.length`) over-count by at most the tombstone share (≤ 25%);
 * - every term with a posting list is in `vocabulary`; after compaction, exactly those terms.
 */
export class InvertedIndex<T extends object> {
  /** Terms for prefix and fuzzy expansion. */
  readonly vocabulary = new Vocabulary();
  private readonly postings = new Map<string, PostingList>();
  private payloads: (T | undefined)[] = [];
  private readonly slotById = new Map<string, number>();
  private lengths = new Uint16Array(FIELD_COUNT * 256);
  private readonly totals = new Float64Array(FIELD_COUNT);
  private live = 0;
  /**
   * Raw token → posting lists of its terms: one map look-up per token while indexing instead of
   * normalising and then looking up each term. Cleared whenever a posting list is dropped.
   */
  private readonly tokenLists = new TokenTable<TokenLists>();

  /** Number of live documents. */
  get size(): number {
    return this.live;
  }

  /** Number of slots, live or dead; valid slots are `0 … slotCount − 1`. */
  get slotCount(): number {
    return this.payloads.length;
  }

  /** Payload of a live slot, undefined for dead or unknown slots. */
  payload(slot: number): T | undefined {
    return this.payloads[slot];
  }

  /** True when `id` is indexed. */
  has(id: string): boolean {
    return this.slotById.has(id);
  }

  /** Postings of `term`, undefined when no document (live or not yet compacted) has it. */
  postingsOf(term: string): PostingList | undefined {
    return this.postings.get(term);
  }

  /** Length in terms of field `field` of `slot`. */
  fieldLength(slot: number, field: number): number {
    return this.lengths[slot * FIELD_COUNT + field] ?? 0;
  }

  /** Mean length of `field` over live documents (at least 1, so it can divide). */
  averageLength(field: number): number {
    return this.live === 0 ? 1 : Math.max(1, (this.totals[field] ?? 0) / this.live);
  }

  /**
   * Indexes a document, replacing any document with the same id (its old slot becomes a
   * tombstone and its old terms stop matching it). `texts` holds the field texts in FIELDS order.
   */
  add(id: string, texts: FieldTexts, payload: T): void {
    this.remove(id);
    const slot = this.payloads.length;
    this.payloads.push(payload);
    this.slotById.set(id, slot);
    this.live += 1;
    this.ensureLengths(slot + 1);
    for (let field = 0; field < FIELD_COUNT; field += 1) {
      const text = texts[field] ?? '';
      if (text === '') continue;
      let count = 0;
      scanTokens(text, (start, end, hash) => {
        let lists = this.tokenLists.find(text, start, end, hash);
        if (lists === undefined) lists = this.listsOf(text.slice(start, end), hash);
        if (lists === null) return;
        if (lists instanceof PostingList) {
          lists.count(slot, field);
          count += 1;
          return;
        }
        for (const list of lists) list.count(slot, field);
        count += lists.length;
      });
      const length = Math.min(count, MAX_FIELD_LENGTH);
      this.lengths[slot * FIELD_COUNT + field] = length;
      this.totals[field] = (this.totals[field] ?? 0) + length;
    }
  }

  /**
   * Removes a document; false when `id` is unknown. Its slot becomes a tombstone; compacts when
   * tombstones exceed COMPACT_RATIO of all slots (amortised O(1) per removal).
   */
  remove(id: string): boolean {
    const slot = this.slotById.get(id);
    if (slot === undefined) return false;
    this.slotById.delete(id);
    this.payloads[slot] = undefined;
    this.live -= 1;
    for (let field = 0; field < FIELD_COUNT; field += 1) {
      this.totals[field] = (this.totals[field] ?? 0) - this.fieldLength(slot, field);
    }
    if (this.payloads.length - this.live > this.payloads.length * COMPACT_RATIO) this.compact();
    return true;
  }

  /**
   * Drops tombstones: renumbers live slots densely (keeping their order), rewrites every posting
   * list and forgets terms no live document has. O(slots + postings); no re-tokenising.
   */
  compact(): void {
    const remap = new Int32Array(this.payloads.length);
    const payloads: (T | undefined)[] = [];
    for (let slot = 0; slot < this.payloads.length; slot += 1) {
      const payload = this.payloads[slot];
      if (payload === undefined) {
        remap[slot] = -1;
        continue;
      }
      const next = payloads.length;
      remap[slot] = next;
      payloads.push(payload);
      this.lengths.copyWithin(next * FIELD_COUNT, slot * FIELD_COUNT, (slot + 1) * FIELD_COUNT);
    }
    this.payloads = payloads;
    for (const [id, slot] of this.slotById) this.slotById.set(id, remap[slot] ?? -1);
    let dropped = false;
    for (const [term, list] of this.postings) {
      list.compact(remap);
      if (list.length > 0) continue;
      this.postings.delete(term);
      dropped = true;
    }
    if (!dropped) return;
    this.vocabulary.reset(this.postings.keys());
    this.tokenLists.clear();
  }

  /**
   * Finishes a bulk load: releases spare posting capacity and builds the prefix structures now,
   * so the first query does not pay for them.
   */
  settle(): void {
    for (const list of this.postings.values()) list.trim();
    this.vocabulary.settle();
  }

  /** Calls `visit` for every live document in slot order. */
  forEachLive(visit: (payload: T, slot: number) => void): void {
    for (let slot = 0; slot < this.payloads.length; slot += 1) {
      const payload = this.payloads[slot];
      if (payload !== undefined) visit(payload, slot);
    }
  }

  /** Analyses a token (creating posting lists for new terms) and caches the result. */
  private listsOf(token: string, hash: number): TokenLists {
    const { terms } = analyzeToken(token);
    let lists: TokenLists = null;
    for (const { term, surface } of terms) this.vocabulary.addSurface(surface, term);
    if (terms.length === 1) lists = this.listOf(terms[0]?.term ?? '');
    else if (terms.length > 1) lists = terms.map(({ term }) => this.listOf(term));
    if (this.tokenLists.size >= TOKEN_CACHE_LIMIT) this.tokenLists.clear();
    this.tokenLists.insert(token, hash, lists);
    return lists;
  }

  /** The posting list of `term`, created (and added to the vocabulary) when new. */
  private listOf(term: string): PostingList {
    let list = this.postings.get(term);
    if (list === undefined) {
      list = new PostingList();
      this.postings.set(term, list);
      this.vocabulary.add(term);
    }
    return list;
  }

  private ensureLengths(slots: number): void {
    if (this.lengths.length >= slots * FIELD_COUNT) return;
    const grown = new Uint16Array(
      Math.max(slots, (this.lengths.length / FIELD_COUNT) * 2) * FIELD_COUNT,
    );
    grown.set(this.lengths);
    this.lengths = grown;
  }
}
