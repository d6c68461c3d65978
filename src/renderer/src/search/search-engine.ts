/**
 * In-memory search over the library: an inverted index over the full text of every field
 * (inverted-index.ts) finds and BM25F-scores candidates, with prefix and typo expansion
 * (query-expansion.ts); filters narrow them; fuse.js ranks the best few and computes highlights.
 * Pure and synchronous: runs in a Web Worker in the app and in Node in tests.
 */
import { selectCandidates } from './candidate-selection';
import type { Match } from './candidate-selection';
import { rankCandidates } from './fuse-ranker';
import type { Candidate } from './fuse-ranker';
import { InvertedIndex } from './inverted-index';
import { FIELDS, fieldTf } from './posting-list';
import type { FieldTexts } from './inverted-index';
import { expandQuery } from './query-expansion';
import type { Expansion, TermGroup } from './query-expansion';
import { isEmptyQuery, parseQuery } from './query-parser';
import {
  containsPhrase,
  filterKeysOf,
  hasFilters,
  passesFilters,
  phrasePattern,
} from './search-filters';
import type { FilterKeys } from './search-filters';
import type { ParsedQuery, SearchDocument, SearchResult } from './search-types';
import { analyze } from './text-analysis';

/** Options for `SearchEngine.search`. */
export interface SearchOptions {
  /** Maximum number of hits returned (default 50). */
  readonly limit?: number;
}

/** Most candidates handed to fuse.js per query; bounds the cost of ranking. */
export const CANDIDATE_CAP = 150;
const DEFAULT_LIMIT = 50;
/** Matched terms per field passed to fuse-ranker to place its abstract/note windows. */
const WINDOW_TERMS = 8;

interface Entry {
  readonly doc: SearchDocument;
  readonly keys: FilterKeys;
}

function now(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now();
}

/** Field texts in FIELDS order (posting-list.ts): title, abstract, organization, tags, note. */
function textsOf(doc: SearchDocument): FieldTexts {
  return [doc.title, doc.abstract, doc.organization ?? '', doc.tags.join(' '), doc.note];
}

/** Positions of the abstract and note in FIELDS. */
const ABSTRACT = FIELDS.indexOf('abstract');
const NOTE = FIELDS.indexOf('note');

/**
 * Matched terms in the abstract and note of each selected candidate (at most WINDOW_TERMS each,
 * exact and fuzzy terms before prefix completions, in expansion order). Short posting lists are
 * scanned against a slot → candidate table, long ones binary-searched per candidate, so the cost
 * stays below that of scoring.
 */
function matchedFieldTerms(
  expansions: readonly Expansion[],
  matches: readonly Match[],
  slotCount: number,
): { abstract: string[][]; note: string[][] } {
  const abstract = matches.map((): string[] => []);
  const note = matches.map((): string[] => []);
  const byslot = new Int32Array(slotCount).fill(-1);
  matches.forEach((match, i) => (byslot[match.slot] = i));
  const record = (term: string, packed: number, i: number) => {
    const a = abstract[i];
    const n = note[i];
    if (a !== undefined && a.length < WINDOW_TERMS && fieldTf(packed, ABSTRACT) > 0) {
      a.push(term);
    }
    if (n !== undefined && n.length < WINDOW_TERMS && fieldTf(packed, NOTE) > 0) {
      n.push(term);
    }
  };
  for (const { term, postings } of expansions) {
    if (postings.length <= matches.length * 8) {
      const data = postings.data;
      for (let p = 0; p < postings.length * 2; p += 2) {
        const i = byslot[data[p] ?? 0] ?? -1;
        if (i >= 0) record(term, data[p + 1] ?? 0, i);
      }
    } else {
      matches.forEach((match, i) => {
        const packed = postings.find(match.slot);
        if (packed !== 0) record(term, packed, i);
      });
    }
  }
  return { abstract, note };
}

/**
 * The search index for one library.
 * Invariants: `size` equals the number of distinct ids added and not removed; updates are
 * incremental (a replaced or removed document leaves a tombstone slot, compacted in bulk once
 * tombstones pass 25%), never a rebuild.
 */
export class SearchEngine {
  private index = new InvertedIndex<Entry>();

  /** Number of indexed documents. */
  get size(): number {
    return this.index.size;
  }

  /** Replaces the whole library (a fresh index, built in one pass; the last duplicate wins). */
  replaceAll(docs: readonly SearchDocument[]): void {
    const unique = new Map<string, SearchDocument>();
    for (const doc of docs) unique.set(doc.id, doc);
    this.index = new InvertedIndex<Entry>();
    for (const doc of unique.values()) {
      this.index.add(doc.id, textsOf(doc), { doc, keys: filterKeysOf(doc) });
    }
    this.index.settle();
  }

  /** Adds new documents or replaces existing ones with the same id (old terms stop matching). */
  upsert(docs: readonly SearchDocument[]): void {
    for (const doc of docs) this.index.add(doc.id, textsOf(doc), { doc, keys: filterKeysOf(doc) });
  }

  /** Removes documents by id; unknown ids are ignored. */
  remove(ids: readonly string[]): void {
    for (const id of ids) this.index.remove(id);
  }

  /**
   * Runs a query (see query-parser.ts for the syntax).
   * Empty queries return no hits. Filter-only queries return matching documents unranked
   * (score 0, no highlights) with `total` counting all of them.
   * Words are OR-ed, but documents matching more of them rank first; `total` counts every
   * document matching at least one word (or whole phrase) and the filters. Quoted phrases are
   * checked for adjacency on the ranked candidates only, so `total` may over-count for them.
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
    this.index.forEachLive(({ doc, keys }) => {
      if (!passesFilters(doc, keys, parsed)) return;
      total += 1;
      if (hits.length < limit) hits.push({ id: doc.id, score: 0, highlights: [] });
    });
    return { hits, total };
  }

  /**
   * Index look-up, filtering, and the best `CANDIDATE_CAP` by coverage then BM25F score.
   * Candidates failing a phrase's adjacency check are dropped (and uncounted).
   */
  private candidates(parsed: ParsedQuery, groups: readonly TermGroup[]) {
    const query = expandQuery(this.index, groups);
    const accept = hasFilters(parsed)
      ? (entry: Entry) => passesFilters(entry.doc, entry.keys, parsed)
      : null;
    const selection = selectCandidates(this.index, query, accept, CANDIDATE_CAP);
    let total = selection.total;
    const phrases = groups.filter((group) => group.pattern !== null);
    const matches = selection.matches.filter((match) => {
      const doc = this.index.payload(match.slot)?.doc;
      const ok =
        doc !== undefined && phrases.every((g) => containsPhrase(doc, g.pattern as RegExp));
      if (!ok) total -= 1;
      return ok;
    });
    const terms = matchedFieldTerms(query.expansions, matches, this.index.slotCount);
    const candidates: Candidate[] = [];
    matches.forEach((match, i) => {
      const doc = this.index.payload(match.slot)?.doc;
      if (doc === undefined) return;
      candidates.push({
        doc,
        indexScore: match.score,
        coverage: match.coverage,
        abstractTerms: terms.abstract[i] ?? [],
        noteTerms: terms.note[i] ?? [],
      });
    });
    return { candidates, total };
  }
}
