/**
 * In-memory search over the library: MiniSearch (inverted index with fuzzy and prefix matching)
 * finds candidates cheaply, filters narrow them, fuse.js ranks the best few hundred and computes
 * highlights. Pure and synchronous: runs in a Web Worker in the app and in Node in tests.
 */
import MiniSearch from 'minisearch';
import type { Query, SearchResult as IndexResult } from 'minisearch';
import { rankCandidates } from './fuse-ranker';
import type { Candidate } from './fuse-ranker';
import { isEmptyQuery, parseQuery } from './query-parser';
import { containsPhrase, filterKeysOf, passesFilters, phrasePattern } from './search-filters';
import type { FilterKeys } from './search-filters';
import type { ParsedQuery, QueryTerm, SearchDocument, SearchResult } from './search-types';
import { analyze, processToken, tokenizeText } from './text-analysis';

/** Options for `SearchEngine.search`. */
export interface SearchOptions {
  /** Maximum number of hits returned (default 50). */
  readonly limit?: number;
}

/** Most candidates handed to fuse.js per query; bounds the cost of ranking. */
export const CANDIDATE_CAP = 200;
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

const FIELDS = ['title', 'abstract', 'organization', 'tags', 'note'];

/**
 * Characters of each abstract that go into the inverted index. Indexing costs about 2 µs per
 * token, so whole abstracts (~250 tokens) would take ~25 s for 50k papers; the head of the
 * abstract (plus full title, tags, organisation and note) keeps a 50k build under 5 s.
 */
export const ABSTRACT_INDEX_CHARS = 400;

function extractField(doc: SearchDocument, field: string): string {
  if (field === 'tags') return doc.tags.join(' ');
  if (field === 'abstract') return doc.abstract.slice(0, ABSTRACT_INDEX_CHARS);
  if (field === 'organization') return doc.organization ?? '';
  const value: unknown = doc[field as keyof SearchDocument];
  return typeof value === 'string' ? value : '';
}

function createIndex(): MiniSearch<SearchDocument> {
  return new MiniSearch<SearchDocument>({
    fields: FIELDS,
    extractField,
    tokenize: tokenizeText,
    processTerm: processToken,
    autoVacuum: { minDirtCount: 200, minDirtFactor: 0.1, batchSize: 2000, batchWait: 5 },
    searchOptions: {
      boost: { title: 3, tags: 2, organization: 2, note: 1.5, abstract: 1 },
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
      maxFuzzy: 2,
      combineWith: 'OR',
    },
  });
}

function now(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now();
}

/** MiniSearch query: words OR-ed; a phrase's words must all match, exactly. */
function indexQuery(groups: readonly TermGroup[]): Query {
  return {
    combineWith: 'OR',
    queries: groups.map(({ term }) =>
      term.phrase
        ? { combineWith: 'AND', queries: [term.text], prefix: false, fuzzy: false }
        : term.text,
    ),
  };
}

/** Number of groups covered by a result's matched query terms. */
function coverageOf(result: IndexResult, groups: readonly TermGroup[]): number {
  let covered = 0;
  for (const group of groups) {
    const hit = group.term.phrase
      ? group.terms.every((t) => result.queryTerms.includes(t))
      : group.terms.some((t) => result.queryTerms.includes(t));
    if (hit) covered += 1;
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
  private index = createIndex();
  private readonly entries = new Map<string, Entry>();

  /** Number of indexed documents. */
  get size(): number {
    return this.entries.size;
  }

  /** Replaces the whole library (a fresh index, built in one pass). */
  replaceAll(docs: readonly SearchDocument[]): void {
    this.index = createIndex();
    this.entries.clear();
    const unique = new Map<string, SearchDocument>();
    for (const doc of docs) unique.set(doc.id, doc);
    for (const doc of unique.values()) this.entries.set(doc.id, { doc, keys: filterKeysOf(doc) });
    this.index.addAll([...unique.values()]);
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
    const results = this.index.search(indexQuery(groups));
    const buckets: IndexResult[][] = Array.from({ length: groups.length + 1 }, () => []);
    let total = 0;
    for (const result of results) {
      const entry = this.entries.get(result.id as string);
      if (entry === undefined || !passesFilters(entry.doc, entry.keys, parsed)) continue;
      total += 1;
      const bucket = buckets[coverageOf(result, groups)];
      if (bucket !== undefined && bucket.length < CANDIDATE_CAP) bucket.push(result);
    }
    const candidates: Candidate[] = [];
    for (let coverage = groups.length; coverage >= 0; coverage -= 1) {
      for (const result of buckets[coverage] ?? []) {
        if (candidates.length >= CANDIDATE_CAP) break;
        const doc = (this.entries.get(result.id as string) as Entry).doc;
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
