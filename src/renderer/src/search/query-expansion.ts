/**
 * Turns query words into the index terms to score: the exact term, its prefix completions and,
 * for words the index does not know, their near misspellings. Each query word (or phrase term)
 * owns one bit so candidate selection can tell which words a document matched.
 */
import type { InvertedIndex } from './inverted-index';
import type { PostingList } from './posting-list';
import type { QueryTerm } from './search-types';

/** A query word or phrase with its analysed index terms (see text-analysis.ts). */
export interface TermGroup {
  readonly term: QueryTerm;
  readonly terms: readonly string[];
  /** Adjacency matcher for phrases, null for single words. */
  readonly pattern: RegExp | null;
}

/** One index term to score, with the query bit it sets and its weight relative to exact. */
export interface Expansion {
  readonly term: string;
  readonly postings: PostingList;
  readonly weight: number;
  readonly bit: number;
}

/** Expansions of a whole query, and per group the bits that must all be set to match it. */
export interface ExpandedQuery {
  readonly expansions: readonly Expansion[];
  /** `groupBits[i]` for group i; 0 for groups beyond the bit budget (never matched). */
  readonly groupBits: readonly number[];
}

/** Prefix completion starts at this many characters (shorter prefixes match too much). */
export const MIN_PREFIX_LENGTH = 3;
/** Query bits available; words beyond this are ignored (queries are never this long). */
const MAX_BITS = 30;
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

/** Edit distance tolerated for an unknown query term: 1 for 4–7 characters, 2 from 8 on. */
export function fuzzyDistance(term: string): number {
  if (term.length >= 8) return 2;
  return term.length >= 4 ? 1 : 0;
}

/** Weight of a prefix completion: closer to 0.375 the less the completion adds. */
function prefixWeight(term: string, completion: string): number {
  return (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (completion.length - term.length));
}

/**
 * Expansions of one word: exact term (weight 1), completions when the term has ≥ 3 characters,
 * and — only when the term is not in the vocabulary, since a real word is taken as meant and
 * fuzzy scanning is the costly part — vocabulary terms within `fuzzyDistance`.
 * A term reached several ways keeps its highest weight.
 */
function expandWord<T extends object>(
  index: InvertedIndex<T>,
  terms: readonly string[],
  bit: number,
): Expansion[] {
  const best = new Map<string, Expansion>();
  const offer = (term: string, weight: number) => {
    const postings = index.postingsOf(term);
    const known = best.get(term);
    if (postings === undefined || (known !== undefined && known.weight >= weight)) return;
    best.set(term, { term, postings, weight, bit });
  };
  for (const term of terms) {
    offer(term, 1);
    if (term.length >= MIN_PREFIX_LENGTH) {
      for (const completion of index.vocabulary.withPrefix(term)) {
        if (completion !== term) offer(completion, prefixWeight(term, completion));
      }
    }
    const distance = fuzzyDistance(term);
    if (distance === 0 || index.postingsOf(term) !== undefined) continue;
    for (const near of index.vocabulary.near(term, distance)) {
      offer(near.term, (FUZZY_WEIGHT * term.length) / (term.length + near.distance));
    }
  }
  return [...best.values()];
}

/**
 * Expands every group. A word group gets one bit, set by any of its expansions (a hyphenated
 * word matches through any of its parts or the joined form). A phrase gets one bit per distinct
 * term, exact terms only, and matches only when all are set (adjacency is checked later).
 */
export function expandQuery<T extends object>(
  index: InvertedIndex<T>,
  groups: readonly TermGroup[],
): ExpandedQuery {
  const expansions: Expansion[] = [];
  const groupBits: number[] = [];
  let next = 0;
  for (const group of groups) {
    const distinct = [...new Set(group.terms)];
    const needed = group.term.phrase ? distinct.length : 1;
    if (next + needed > MAX_BITS) {
      groupBits.push(0);
      continue;
    }
    if (!group.term.phrase) {
      const bit = 1 << next;
      next += 1;
      groupBits.push(bit);
      expansions.push(...expandWord(index, distinct, bit));
      continue;
    }
    let bits = 0;
    for (const term of distinct) {
      const bit = 1 << next;
      next += 1;
      bits |= bit;
      const postings = index.postingsOf(term);
      if (postings !== undefined) expansions.push({ term, postings, weight: 1, bit });
    }
    groupBits.push(bits);
  }
  return { expansions, groupBits };
}
