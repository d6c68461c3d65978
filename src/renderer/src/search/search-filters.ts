/**
 * Filter predicates for parsed queries, and phrase adjacency checks.
 * Pure functions over `SearchDocument`; no allocation on the hot path beyond the phrase regexes.
 */
import type { ParsedQuery, SearchDocument, YearRange } from './search-types';

/** Per-document data precomputed once at indexing time so filters stay cheap. */
export interface FilterKeys {
  /** Lower-cased tag names. */
  readonly tags: readonly string[];
  /** Lower-cased organisation, '' when absent. */
  readonly org: string;
}

/** Precomputes the lower-cased values filters compare against. */
export function filterKeysOf(doc: SearchDocument): FilterKeys {
  return {
    tags: doc.tags.map((tag) => tag.trim().replace(/\s+/g, ' ').toLowerCase()),
    org: (doc.organization ?? '').toLowerCase(),
  };
}

/** True when the query has at least one filter. */
export function hasFilters(query: ParsedQuery): boolean {
  return (
    query.tags.length > 0 ||
    query.statuses.length > 0 ||
    query.orgs.length > 0 ||
    query.years.length > 0
  );
}

function yearInRange(year: number | null, range: YearRange): boolean {
  if (year === null) return false;
  return (range.from === null || year >= range.from) && (range.to === null || year <= range.to);
}

/**
 * True when `doc` passes every filter of `query` (words are not considered here).
 * Tags: all required; status, org, year: any of the given values.
 */
export function passesFilters(doc: SearchDocument, keys: FilterKeys, query: ParsedQuery): boolean {
  for (const tag of query.tags) if (!keys.tags.includes(tag)) return false;
  if (query.statuses.length > 0 && !query.statuses.includes(doc.status)) return false;
  if (query.orgs.length > 0 && !query.orgs.some((org) => keys.org.includes(org))) return false;
  if (query.years.length > 0 && !query.years.some((range) => yearInRange(doc.year, range))) {
    return false;
  }
  return true;
}

/** A case-insensitive matcher for a phrase: its words in order, separated by spaces/hyphens. */
export function phrasePattern(phrase: string): RegExp {
  const words = phrase
    .split(/[\s-]+/)
    .filter((word) => word !== '')
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(words.join('[\\s\\-]+'), 'i');
}

/** True when any searchable field of `doc` contains the phrase. */
export function containsPhrase(doc: SearchDocument, pattern: RegExp): boolean {
  return (
    pattern.test(doc.title) ||
    pattern.test(doc.abstract) ||
    pattern.test(doc.note) ||
    pattern.test(doc.organization ?? '') ||
    doc.tags.some((tag) => pattern.test(tag))
  );
}
