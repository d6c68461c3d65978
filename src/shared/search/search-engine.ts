/**
 * In-memory search over the library: an inverted index over the full text of every field
 * (inverted-index.ts) scores every document matching the expanded query (query-plan.ts) with
 * BM25F; the view and filters are applied inside, so `total` is exact and every match is
 * reachable by paging. Pure and synchronous: runs in the app's Web Worker and in the Node
 * `search` command alike.
 */
import { entryOf, hasFilters, inView, passesFilters } from './doc-filters';
import type { Entry } from './doc-filters';
import { hitDetails } from './hit-details';
import { InvertedIndex } from './inverted-index';
import { FIELD_COUNT, FIELDS, fieldTf } from './posting-list';
import { closest, isEmptyQuery, parseQuery } from './query-parser';
import { escapeRegExp } from './query-plan';
import type { ParsedQuery } from './query-parser';
import { planQuery } from './query-plan';
import type { QueryPlan } from './query-plan';
import { rankMatches } from './rank-matches';
import type { Found, Ranking } from './rank-matches';
import { RankedOrder } from './ranked-order';
import type {
  QueryProblem,
  SearchDocument,
  SearchHit,
  SearchQuery,
  SearchResult,
  SearchSort,
  SearchView,
} from './search-types';
import { fieldText } from './search-types';

const DEFAULT_LIMIT = 50;
/** Added to an exact title match's score, so the score says it ranks first. */
const EXACT_TITLE_BONUS = 1000;
/** Expansions above which a hit's fields are scanned for highlights without looking first. */
const MAX_FIELD_LOOKUPS = 64;

function now(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now();
}

/** Field texts in FIELDS order (posting-list.ts): title, abstract, organization, tags, note. */
function textsOf(doc: SearchDocument): readonly string[] {
  return [
    doc.title,
    doc.abstract,
    doc.organization ?? '',
    doc.tags.join(' '),
    fieldText(doc, 'note'),
  ];
}

/** The last ranking, kept so that paging through it costs only the page. */
interface CachedRanking {
  readonly key: string;
  readonly revision: number;
  readonly plan: QueryPlan;
  readonly ranking: Ranking;
  readonly problems: QueryProblem[];
}

/**
 * The search index for one library.
 * Invariants: `size` equals the number of distinct ids added and not removed; updates are
 * incremental (a replaced or removed document leaves a tombstone slot, compacted in bulk once
 * tombstones pass 25%), never a rebuild; a cached ranking is used only for the same query,
 * view and sort at the same index revision.
 */
export class SearchEngine {
  private index = new InvertedIndex<Entry>();
  private revision = 0;
  private cached: CachedRanking | null = null;

  /** Number of indexed documents. */
  get size(): number {
    return this.index.size;
  }

  /** Replaces the whole library (a fresh index, built in one pass; the last duplicate wins). */
  replaceAll(docs: readonly SearchDocument[]): void {
    const unique = new Map<string, SearchDocument>();
    for (const doc of docs) unique.set(doc.id, doc);
    this.index = new InvertedIndex<Entry>();
    for (const doc of unique.values()) this.index.add(doc.id, textsOf(doc), entryOf(doc));
    this.index.settle();
    this.revision += 1;
  }

  /** Adds new documents or replaces existing ones with the same id (old terms stop matching). */
  upsert(docs: readonly SearchDocument[]): void {
    for (const doc of docs) this.index.add(doc.id, textsOf(doc), entryOf(doc));
    this.revision += 1;
  }

  /** Removes documents by id; unknown ids are ignored. */
  remove(ids: readonly string[]): void {
    for (const id of ids) this.index.remove(id);
    this.revision += 1;
  }

  /**
   * Runs a query (see query-parser.ts for the syntax) in a view and returns one page of its
   * matches. Matches, in relevance order: documents matching every query word (exactly, by
   * prefix for the word being typed, or within the typo budget), the exact title first, then
   * by how many words the title or tags matched, then BM25F; after them, for queries of three
   * or more words, the documents missing one word (`partial`). A query of only stop words or
   * symbols finds them literally in titles; a filter-only query lists the documents passing
   * the filters. An empty query (or one with only problems) matches nothing.
   */
  search(query: SearchQuery): SearchResult {
    const started = now();
    const view = query.view ?? 'all';
    const sort = query.sort ?? 'relevance';
    const offset = Math.max(0, Math.floor(query.offset ?? 0));
    const limit = Math.max(0, Math.floor(query.limit ?? DEFAULT_LIMIT));
    const current = this.rankingFor(query.text, view, sort);
    const { ranking, plan, problems } = current;
    const hits: SearchHit[] = [];
    const allBits = plan.groups.reduce((bits, group) => bits | group.bits, 0);
    const total = ranking.order.length;
    ranking.order.slice(offset, offset + limit).forEach((match, i) => {
      const entry = this.index.payload(match.slot);
      if (entry === undefined) return;
      const literal = plan.literal === null ? null : { text: plan.literal, at: match.literalAt };
      const fields = this.matchedFields(plan, match.slot);
      const details = hitDetails(entry, plan.termBits, allBits, literal, (field) =>
        fields === null ? true : (fields & (1 << FIELDS.indexOf(field))) !== 0,
      );
      const partial = offset + i >= total - ranking.partialCount;
      const score = match.score + (match.exact ? EXACT_TITLE_BONUS : 0);
      hits.push({ id: entry.doc.id, score, partial, ...details });
    });
    return {
      hits,
      total,
      partialTotal: ranking.partialCount,
      tookMs: now() - started,
      problems,
    };
  }

  /**
   * Bit mask (by FIELDS index) of the fields of `slot` holding any of the plan's terms, read
   * from the postings; null (scan every field) when the plan has too many terms to look up.
   */
  private matchedFields(plan: QueryPlan, slot: number): number | null {
    if (plan.expansions.length > MAX_FIELD_LOOKUPS) return null;
    let fields = 0;
    for (const { postings } of plan.expansions) {
      const packed = postings.find(slot);
      for (let f = 0; packed !== 0 && f < FIELD_COUNT; f += 1) {
        if (fieldTf(packed, f) > 0) fields |= 1 << f;
      }
    }
    return fields;
  }

  /** The ranking of a query, from the cache when nothing changed since it was computed. */
  private rankingFor(text: string, view: SearchView, sort: SearchSort): CachedRanking {
    const key = JSON.stringify([text.trim(), text.endsWith(' '), view, sort]);
    const cached = this.cached;
    if (cached !== null && cached.key === key && cached.revision === this.revision) return cached;
    const parsed = parseQuery(text);
    const plan = planQuery(this.index, parsed);
    const problems = [...parsed.problems, ...this.tagProblems(parsed, text)];
    const ranking = isEmptyQuery(parsed)
      ? { order: new RankedOrder<Found>([], () => 0), partialCount: 0 }
      : rankMatches(this.index, plan, sort, (entry) => this.accepts(entry, parsed, view));
    this.cached = { key, revision: this.revision, plan, ranking, problems };
    return this.cached;
  }

  private accepts(entry: Entry, parsed: ParsedQuery, view: SearchView): boolean {
    return inView(entry, view) && (!hasFilters(parsed) || passesFilters(entry, parsed));
  }

  /** A problem for each `tag:` naming a tag no paper has, with the closest existing tag. */
  private tagProblems(parsed: ParsedQuery, text: string): QueryProblem[] {
    if (parsed.tags.length === 0) return [];
    const known = new Set<string>();
    this.index.forEachLive((entry) => entry.tags.forEach((tag) => known.add(tag)));
    const problems: QueryProblem[] = [];
    for (const tag of parsed.tags) {
      if (known.has(tag)) continue;
      const near = closest(tag, [...known]);
      const quoted = (name: string) => (/\s/.test(name) ? `"${name}"` : name);
      const typed = new RegExp(`tag:(?:"${escapeRegExp(tag)}"|${escapeRegExp(tag)})`, 'i').exec(
        text,
      )?.[0];
      problems.push({
        token: `tag:${quoted(tag)}`,
        message: `No paper has the tag “${tag}”${near === null ? '' : `; did you mean tag:${quoted(near)}?`}`,
        suggestion:
          near === null || typed === undefined ? null : text.replace(typed, `tag:${quoted(near)}`),
      });
    }
    return problems;
  }
}
