/**
 * Turns a parsed query into what the index scores: per query word one bit per required term
 * (see `analyzeToken`), each set by the term itself, by its prefix completions (last word only,
 * while it is being typed) or, for a term the index does not know, by its nearest spellings
 * within the typo budget. Phrases require all their terms (adjacency is checked per document);
 * exclusions list the terms a document must not have.
 */
import type { InvertedIndex } from './inverted-index';
import { foldText, analyzeToken, titleKey, tokenize } from './normalize';
import type { PostingList } from './posting-list';
import type { ParsedQuery } from './query-parser';

/** One index term to score, with the query bit it sets and its weight relative to exact. */
export interface Expansion {
  readonly term: string;
  readonly postings: PostingList;
  readonly weight: number;
  readonly bit: number;
}

/** A query word or phrase: matched when every one of its `bits` is set. */
export interface QueryGroup {
  readonly text: string;
  readonly bits: number;
  /** Adjacency check on folded text, for phrases; null for words. */
  readonly phrase: RegExp | null;
}

/** The expanded query. */
export interface QueryPlan {
  readonly expansions: readonly Expansion[];
  readonly groups: readonly QueryGroup[];
  /** Term → bits it sets: highlighting marks tokens whose terms are here. */
  readonly termBits: ReadonlyMap<string, number>;
  /**
   * Each excluded word or phrase: its required terms, and for a phrase of several words the
   * pattern they must also match in order. A document having all the terms (and, for a phrase,
   * the words in order) is out; the same words apart keep it in.
   */
  readonly excluded: readonly ExcludedText[];
  /** Folded text to find literally in titles when the words are only stop words or symbols. */
  readonly literal: string | null;
  /** `titleKey` of the query's words, to put an exact title match first. */
  readonly titleKey: string;
}

/** Query bits available; words beyond this are ignored (queries are never this long). */
const MAX_BITS = 30;
const PREFIX_WEIGHT = 0.5;
const FUZZY_WEIGHT = 0.4;

/** Typos tolerated in a word of `length` characters: 0 below 4, 1 up to 7, 2 beyond. */
function typoBudget(length: number): number {
  if (length < 4) return 0;
  return length <= 7 ? 1 : 2;
}

/** Required terms of a piece of query text, deduplicated, in order. */
export function requiredTerms(text: string): string[] {
  const terms = tokenize(text).flatMap((token) => analyzeToken(token).required);
  return [...new Set(terms)];
}

/** `text` with every character that has a meaning in a regular expression escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches the folded words of `phrase` in order, separated by anything but letters/digits. */
function phrasePattern(phrase: string): RegExp {
  const words = tokenize(foldText(phrase)).map(escapeRegExp);
  return new RegExp(
    `(?:^|[^\\p{L}\\p{N}])${words.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`,
    'u',
  );
}

/** One excluded word or phrase of a query (see `QueryPlan.excluded`). */
export interface ExcludedText {
  readonly terms: readonly string[];
  readonly phrase: RegExp | null;
}

function excludedText(text: string): ExcludedText {
  const phrase = tokenize(text).length > 1 ? phrasePattern(text) : null;
  return { terms: requiredTerms(text), phrase };
}

/** Builds the plan (see the module comment) against the current index. */
export function planQuery<T extends object>(
  index: InvertedIndex<T>,
  parsed: ParsedQuery,
): QueryPlan {
  const expansions: Expansion[] = [];
  const groups: QueryGroup[] = [];
  const termBits = new Map<string, number>();
  let next = 0;
  const offer = (term: string, weight: number, bit: number, best: Map<string, number>) => {
    const postings = index.postingsOf(term);
    if (postings === undefined || (best.get(term) ?? 0) >= weight) return;
    best.set(term, weight);
    expansions.push({ term, postings, weight, bit });
    termBits.set(term, (termBits.get(term) ?? 0) | bit);
  };
  const addGroup = (text: string, open: boolean, phrase: RegExp | null) => {
    const required = requiredTerms(text);
    if (required.length === 0 || next + required.length > MAX_BITS) return;
    let bits = 0;
    required.forEach((term, j) => {
      const bit = 1 << next;
      next += 1;
      bits |= bit;
      const best = new Map<string, number>();
      offer(term, 1, bit, best);
      const last = open && j === required.length - 1;
      const surface = last ? foldText(tokenize(text).at(-1) ?? '').replace(/['’]/g, '') : '';
      if (surface.length >= 2) {
        for (const completion of index.vocabulary.withPrefix(surface)) {
          offer(completion, PREFIX_WEIGHT, bit, best);
        }
      }
      if (phrase !== null || best.size > 0) return;
      const near = index.vocabulary.near(term, typoBudget(Math.max(term.length, surface.length)));
      const closest = Math.min(...near.map((match) => match.distance));
      for (const match of near) {
        if (match.distance === closest) offer(match.term, FUZZY_WEIGHT, bit, best);
      }
    });
    groups.push({ text, bits, phrase });
  };
  parsed.words.forEach((word, i) => {
    addGroup(word, parsed.lastWordOpen && i === parsed.words.length - 1, null);
  });
  for (const phrase of parsed.phrases) addGroup(phrase, false, phrasePattern(phrase));
  const literalText = [...parsed.words, ...parsed.phrases].join(' ');
  const literal = groups.length === 0 && literalText !== '' ? foldText(literalText).trim() : null;
  return {
    expansions,
    groups,
    termBits,
    excluded: parsed.excluded.map(excludedText).filter((text) => text.terms.length > 0),
    literal,
    titleKey: titleKey(parsed.words.join(' ')),
  };
}
