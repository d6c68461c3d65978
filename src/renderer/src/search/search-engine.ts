/**
 * In-memory search over the library: MiniSearch (inverted index with fuzzy and prefix matching)
 * finds candidates cheaply, filters narrow them, fuse.js ranks the best few hundred and computes
 * highlights. Pure and synchronous: runs in a Web Worker in the app and in Node in tests.
 */
import type { Query, SearchResult as IndexResult } from 'minisearch';
import { rankCandidates } from './fuse-ranker';
import type { Candidate } from './fuse-ranker';
import { isEmptyQuery, parseQuery } from './query-parser';
import {
  containsPhrase,
  filterKeysOf,
  hasFilters,
  passesFilters,
  phrasePattern,
} from './search-filters';
import type { FilterKeys } from './search-filters';
import type { ParsedQuery, QueryTerm, SearchDocument, SearchResult } from './search-types';
import { createLibraryIndex, INDEX_FIELDS } from './search-index';
import type { LibraryIndex } from './search-index';
import { analyze } from './text-analysis';

/** Options for `SearchEngine.search`. */
export interface SearchOptions {
  /** Maximum number of hits returned (default 50). */
  readonly limit?: number;
}

/** Most candidates handed to fuse.js per query; bounds the cost of ranking. */
export const CANDIDATE_CAP = 150;
const DEFAULT_LIMIT = 50;

/** A query word with its analysed index terms. */
interface TermGroup {
  readonly term: QueryTerm;
  readonly terms: readonly string[];
  readonly pattern: RegExp | null;
}

interface Entry {
  readonly doc: SearchDocument;
  readonly keys: FilterKeys;
}

function now(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now();
}

const FIELDS_WITHOUT_ABSTRACT = INDEX_FIELDS.filter((field) => field !== 'abstract');

/**
 * MiniSearch query: words OR-ed; a phrase's words must all match, exactly. Words too common in
 * abstracts (see COMMON_ABSTRACT_POSTINGS) are searched in the other fields only; only words
 * unknown to the index are matched fuzzily (see `LibraryIndex.fuzzyFor`).
 */
function indexQuery(groups: readonly TermGroup[], index: LibraryIndex): Query {
  return {
    combineWith: 'OR',
    queries: groups.map(({ term, terms }) => {
      const common = terms.every((t) => index.isCommonInAbstracts(t, !term.phrase));
      const fields = common ? { fields: FIELDS_WITHOUT_ABSTRACT } : {};
      if (term.phrase) {
        return { combineWith: 'AND', queries: [term.text], prefix: false, fuzzy: false, ...fields };
      }
      return { combineWith: 'OR', queries: [term.text], fuzzy: index.fuzzyFor, ...fields };
    }),
  };
}

/**
 * Bit masks for coverage counting: bit i of a term's mask is set when the term belongs to group
 * i. Queries with more than 30 groups count only the first 30.
 */
function termMasks(groups: readonly TermGroup[]): Map<string, number> {
  const masks = new Map<string, number>();
  groups.slice(0, 30).forEach((group, i) => {
    for (const term of group.terms) masks.set(term, (masks.get(term) ?? 0) | (1 << i));
  });
  return masks;
}

/** Number of groups covered by the matched query terms (a phrase needs all its terms). */
function coverageOf(
  queryTerms: readonly string[],
  groups: readonly TermGroup[],
  masks: ReadonlyMap<string, number>,
): number {
  let matched = 0;
  for (const term of queryTerms) matched |= masks.get(term) ?? 0;
  if (matched === 0) return 0;
  let covered = 0;
  for (let i = 0; i < groups.length && i < 30; i += 1) {
    if ((matched & (1 << i)) === 0) continue;
    const group = groups[i] as TermGroup;
    if (!group.term.phrase || group.terms.every((t) => queryTerms.includes(t))) covered += 1;
  }
  return covered;
}

/** Matched document terms found in `field`. */
function termsInField(result: IndexResult, field: string): string[] {
  const terms: string[] = [];
  for (const term of result.terms) if (result.match[term]?.includes(field)) terms.push(term);
  return terms;
}

/**
 * The search index for one library.
 * Invariants: `size` equals the number of distinct ids added and not removed; updates are
 * incremental (MiniSearch discard + add, vacuumed in the background), never a rebuild.
 */
export class SearchEngine {
  private index = createLibraryIndex();
  private readonly entries = new Map<string, Entry>();

  /** Number of indexed documents. */
  get size(): number {
    return this.entries.size;
  }

  /** Replaces the whole library (a fresh index, built in one pass). */
  replaceAll(docs: readonly SearchDocument[]): void {
    this.index = createLibraryIndex();
    this.entries.clear();
    const unique = new Map<string, SearchDocument>();
    for (const doc of docs) unique.set(doc.id, doc);
    for (const doc of unique.values()) this.entries.set(doc.id, { doc, keys: filterKeysOf(doc) });
    this.index.addAllFast([...unique.values()]);
  }

  /** Adds new documents or replaces existing ones with the same id. */
  upsert(docs: readonly SearchDocument[]): void {
    for (const doc of docs) {
      if (this.entries.has(doc.id)) this.index.discard(doc.id);
      this.entries.set(doc.id, { doc, keys: filterKeysOf(doc) });
      this.index.add(doc);
    }
  }

  /** Removes documents by id; unknown ids are ignored. */
  remove(ids: readonly string[]): void {
    for (const id of ids) {
      if (!this.entries.delete(id)) continue;
      this.index.discard(id);
    }
  }

  /**
   * Runs a query (see query-parser.ts for the syntax).
   * Empty queries return no hits. Filter-only queries return matching documents unranked
   * (score 0, no highlights) with `total` counting all of them.
   * Words are OR-ed, but documents matching more of them rank first. Quoted phrases are checked
   * for adjacency on the ranked candidates only, so `total` may over-count for phrase queries.
   */
  search(query: string, options: SearchOptions = {}): SearchResult {
    const started = now();
    const limit = Math.max(0, options.limit ?? DEFAULT_LIMIT);
    const parsed = parseQuery(query);
    const groups = this.groupsOf(parsed);
    if (groups.length === 0) {
      const { hits, total } = isEmptyQuery(parsed)
        ? { hits: [], total: 0 }
        : this.filterOnly(parsed, limit);
      return { hits, total, tookMs: now() - started };
    }
    const { candidates, total } = this.candidates(parsed, groups);
    const patterns = groups.map((group) => group.term.text);
    const hits = rankCandidates(candidates, patterns, limit);
    return { hits, total, tookMs: now() - started };
  }

  private groupsOf(parsed: ParsedQuery): TermGroup[] {
    const groups: TermGroup[] = [];
    for (const term of parsed.terms) {
      const terms = analyze(term.text);
      if (terms.length === 0) continue;
      groups.push({ term, terms, pattern: term.phrase ? phrasePattern(term.text) : null });
    }
    return groups;
  }

  private filterOnly(parsed: ParsedQuery, limit: number) {
    const hits: { id: string; score: number; highlights: [] }[] = [];
    let total = 0;
    for (const { doc, keys } of this.entries.values()) {
      if (!passesFilters(doc, keys, parsed)) continue;
      total += 1;
      if (hits.length < limit) hits.push({ id: doc.id, score: 0, highlights: [] });
    }
    return { hits, total };
  }

  /** Index lookup, filtering, and the best `CANDIDATE_CAP` by coverage then index score. */
  private candidates(parsed: ParsedQuery, groups: readonly TermGroup[]) {
    const results = this.index.search(indexQuery(groups, this.index));
    const buckets: IndexResult[][] = Array.from({ length: groups.length + 1 }, () => []);
    const masks = termMasks(groups);
    const filtered = hasFilters(parsed);
    let total = 0;
    for (const result of results) {
      if (filtered) {
        const entry = this.entries.get(result.id as string);
        if (entry === undefined || !passesFilters(entry.doc, entry.keys, parsed)) continue;
      }
      total += 1;
      const bucket = buckets[coverageOf(result.queryTerms, groups, masks)];
      if (bucket !== undefined && bucket.length < CANDIDATE_CAP) bucket.push(result);
    }
    const candidates: Candidate[] = [];
    for (let coverage = groups.length; coverage >= 0; coverage -= 1) {
      for (const result of buckets[coverage] ?? []) {
        if (candidates.length >= CANDIDATE_CAP) break;
        const doc = this.entries.get(result.id as string)?.doc;
        if (doc === undefined) continue;
        if (!groups.every((g) => g.pattern === null || containsPhrase(doc, g.pattern))) {
          total -= 1;
          continue;
        }
        const abstractTerms = termsInField(result, 'abstract');
        const noteTerms = termsInField(result, 'note');
        candidates.push({ doc, indexScore: result.score, coverage, abstractTerms, noteTerms });
      }
    }
    return { candidates, total };
  }
}
