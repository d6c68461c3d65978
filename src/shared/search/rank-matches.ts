/**
 * Finds and orders every document matching a query plan: BM25F scores and per-word bits are
 * accumulated over the expansions' postings into flat typed arrays (no per-document
 * allocation), then each document with bits is checked against the words, the view and
 * filters, exclusions and phrases; the matches are sorted as far as they are read.
 */
import { containsPhrase, literalPosition } from './doc-filters';
import type { Entry } from './doc-filters';
import type { InvertedIndex } from './inverted-index';
import { FIELD_COUNT, FIELDS, fieldTf } from './posting-list';
import type { QueryPlan } from './query-plan';
import { RankedOrder } from './ranked-order';
import type { SearchSort } from './search-types';

/** Boost per field, in FIELDS order: title, abstract, organization, tags, note. */
export const FIELD_BOOSTS: readonly number[] = [4, 1, 1.5, 3, 1.5];

const K1 = 1.2;
const B = 0.75;
const TITLE = FIELDS.indexOf('title');
const TAGS = FIELDS.indexOf('tags');

/** One match. */
export interface Found {
  readonly slot: number;
  readonly partial: boolean;
  /** Sort keys: exact title, words matched in title or tags, score. */
  readonly exact: boolean;
  readonly inTitle: number;
  readonly score: number;
  /** For literal queries, where the text stands in the folded title; else −1. */
  readonly literalAt: number;
}

/** All matches in display order (sorted as far as read); the last `partialCount` are partial. */
export interface Ranking {
  readonly order: RankedOrder<Found>;
  readonly partialCount: number;
}

/** Scratch accumulators shared by all queries (searches are synchronous, never overlapping). */
let scores = new Float64Array(1024);
let masks = new Uint32Array(1024);
let titleMasks = new Uint32Array(1024);

function scratch(slots: number): void {
  if (scores.length < slots) {
    const size = Math.max(slots, scores.length * 2);
    scores = new Float64Array(size);
    masks = new Uint32Array(size);
    titleMasks = new Uint32Array(size);
  } else {
    scores.fill(0, 0, slots);
    masks.fill(0, 0, slots);
    titleMasks.fill(0, 0, slots);
  }
}

/** Adds every expansion's weighted BM25F contribution and its bit to the accumulators. */
function accumulate<T extends object>(index: InvertedIndex<T>, plan: QueryPlan): void {
  const documents = Math.max(1, index.size);
  const norms = new Float64Array(FIELD_COUNT);
  for (let f = 0; f < FIELD_COUNT; f += 1) norms[f] = 1 / index.averageLength(f);
  for (const { postings, weight, bit } of plan.expansions) {
    const df = Math.min(postings.length, documents);
    const factor = weight * Math.log(1 + (documents - df + 0.5) / (df + 0.5));
    const data = postings.data;
    for (let i = 0; i < postings.length * 2; i += 2) {
      const slot = data[i] ?? 0;
      const packed = data[i + 1] ?? 0;
      let sum = 0;
      for (let f = 0; f < FIELD_COUNT; f += 1) {
        const tf = fieldTf(packed, f);
        if (tf === 0) continue;
        const length = index.fieldLength(slot, f) * (norms[f] ?? 1);
        sum += (FIELD_BOOSTS[f] ?? 1) * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + B * length)));
      }
      scores[slot] = (scores[slot] ?? 0) + factor * sum;
      masks[slot] = (masks[slot] ?? 0) | bit;
      if (fieldTf(packed, TITLE) > 0 || fieldTf(packed, TAGS) > 0) {
        titleMasks[slot] = (titleMasks[slot] ?? 0) | bit;
      }
    }
  }
}

/**
 * Slots having every term of some excluded word or phrase, with the phrase patterns still to be
 * checked against the document (null: a single word, out as it is).
 */
function excludedSlots<T extends object>(
  index: InvertedIndex<T>,
  plan: QueryPlan,
): Map<number, (RegExp | null)[]> {
  const out = new Map<number, (RegExp | null)[]>();
  for (const { terms, phrase } of plan.excluded) {
    const counts = new Map<number, number>();
    for (const term of terms) {
      const postings = index.postingsOf(term);
      for (let i = 0; postings !== undefined && i < postings.length; i += 1) {
        const slot = postings.data[i * 2] ?? 0;
        counts.set(slot, (counts.get(slot) ?? 0) + 1);
      }
    }
    for (const [slot, count] of counts) {
      if (count === terms.length) out.set(slot, [...(out.get(slot) ?? []), phrase]);
    }
  }
  return out;
}

/** False when the document holds an excluded word, or an excluded phrase in order. */
function notExcluded(entry: Entry, candidates: readonly (RegExp | null)[] | undefined): boolean {
  if (candidates === undefined) return true;
  return candidates.every((phrase) => phrase !== null && !containsPhrase(entry, phrase));
}

/** Compares two matches in the order `sort` asks for (full matches always first). */
function comparator<T extends { doc: Entry['doc']; title: string }>(
  sort: SearchSort,
  payload: (slot: number) => T | undefined,
): (a: Found, b: Found) => number {
  return (a, b) => {
    if (a.partial !== b.partial) return a.partial ? 1 : -1;
    if (sort === 'title') {
      const x = payload(a.slot)?.title ?? '';
      const y = payload(b.slot)?.title ?? '';
      if (x !== y) return x < y ? -1 : 1;
    } else if (sort === 'year') {
      const diff = (payload(b.slot)?.doc.year ?? 0) - (payload(a.slot)?.doc.year ?? 0);
      if (diff !== 0) return diff;
    } else {
      if (a.exact !== b.exact) return a.exact ? -1 : 1;
      if (a.inTitle !== b.inTitle) return b.inTitle - a.inTitle;
    }
    return b.score - a.score || a.slot - b.slot;
  };
}

/** Every document `accept`s and the plan matches, in display order (see `Ranking`). */
export function rankMatches(
  index: InvertedIndex<Entry>,
  plan: QueryPlan,
  sort: SearchSort,
  accept: (entry: Entry) => boolean,
): Ranking {
  const found: Found[] = [];
  const excluded = excludedSlots(index, plan);
  const keep = (entry: Entry, slot: number) =>
    notExcluded(entry, excluded.get(slot)) && accept(entry);
  if (plan.groups.length === 0) {
    const literal = plan.literal;
    index.forEachLive((entry, slot) => {
      const at = literal === null ? 0 : literalPosition(entry.title, literal);
      if (at < 0 || !keep(entry, slot)) return;
      const score = literal === null ? 0 : 1 / (1 + at + entry.title.length / 100);
      found.push({ slot, partial: false, exact: false, inTitle: 0, score, literalAt: at });
    });
  } else {
    scratch(index.slotCount);
    accumulate(index, plan);
    const groups = plan.groups;
    const needed = groups.length >= 3 ? groups.length - 1 : groups.length;
    for (let slot = 0; slot < index.slotCount; slot += 1) {
      const mask = masks[slot] ?? 0;
      if (mask === 0) continue;
      let coverage = 0;
      let inTitle = 0;
      const titleMask = titleMasks[slot] ?? 0;
      for (const group of groups) {
        if ((mask & group.bits) !== group.bits) continue;
        coverage += 1;
        if ((titleMask & group.bits) === group.bits) inTitle += 1;
      }
      if (coverage < needed) continue;
      const entry = index.payload(slot);
      if (entry === undefined || !keep(entry, slot)) continue;
      const phrasesOk = groups.every(
        (g) => g.phrase === null || (mask & g.bits) !== g.bits || containsPhrase(entry, g.phrase),
      );
      if (!phrasesOk) continue;
      const partial = coverage < groups.length;
      const exact = !partial && entry.titleKey === plan.titleKey;
      const score = scores[slot] ?? 0;
      found.push({ slot, partial, exact, inTitle, score, literalAt: -1 });
    }
  }
  let partialCount = 0;
  for (const match of found) if (match.partial) partialCount += 1;
  const order = new RankedOrder(
    found,
    comparator(sort, (slot) => index.payload(slot)),
  );
  return { order, partialCount };
}
