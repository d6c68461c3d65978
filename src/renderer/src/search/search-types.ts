/**
 * Types shared by the search engine, its Web Worker and the UI.
 * Pure types and constants: no runtime dependencies, safe to import from any renderer module.
 */

import type { PaperStatus } from '../db/types';

/** Reading status of a paper: the library's own type (db/types.ts is pure types, no Dexie). */
export type { PaperStatus };

/**
 * The searchable projection of one paper.
 * Invariant: `id` is unique within an engine; every text field is plain text (never HTML).
 */
export interface SearchDocument {
  readonly id: string;
  readonly title: string;
  readonly abstract: string;
  readonly organization: string | null;
  /** Tag display names; matched case-insensitively by `tag:` filters. */
  readonly tags: readonly string[];
  /** Markdown note; searched as plain text. */
  readonly note: string;
  readonly status: PaperStatus;
  readonly year: number | null;
}

/** Fields that can carry highlights. */
export type SearchField = 'title' | 'abstract' | 'note' | 'tags' | 'organization';

/** Separator between tag names in the text that `tags` highlight ranges index into. */
export const TAG_SEPARATOR = ', ';

/**
 * Highlighted parts of one field.
 * Invariant: ranges are `[start, endExclusive)` offsets into `fieldText(doc, field)`, sorted,
 * non-overlapping and non-empty. For `tags` that text is `tags.join(TAG_SEPARATOR)`.
 */
export interface FieldHighlight {
  readonly field: SearchField;
  readonly ranges: [number, number][];
}

/**
 * One ranked match.
 * `score` is higher-is-better and only comparable within one `SearchResult`
 * (0 for filter-only queries, which are not ranked).
 */
export interface SearchHit {
  readonly id: string;
  readonly score: number;
  readonly highlights: FieldHighlight[];
}

/**
 * Answer to one query.
 * Invariant: `hits.length <= limit` and `hits.length <= total`; `total` counts every document that
 * matched the words and filters (for quoted phrases it may over-count slightly, see
 * `SearchEngine.search`).
 */
export interface SearchResult {
  readonly hits: SearchHit[];
  readonly total: number;
  readonly tookMs: number;
}

/** Inclusive year range; either bound may be open (null). */
export interface YearRange {
  readonly from: number | null;
  readonly to: number | null;
}

/**
 * One free-text unit of a query: a single word, or a quoted phrase whose words must all match
 * (adjacency is checked on the ranked candidates).
 */
export interface QueryTerm {
  readonly text: string;
  readonly phrase: boolean;
}

/**
 * A query string split into free text and filters.
 * Semantics: all filters AND together and with the text. Repeated `tag:` filters all apply
 * (a paper must carry every tag); repeated single-valued filters (`status:`, `org:`, `year:`)
 * accept any of their values.
 */
export interface ParsedQuery {
  /** Words and phrases in query order. */
  readonly terms: readonly QueryTerm[];
  /** Lower-cased tag names, matched exactly (case-insensitively) against a paper's tags. */
  readonly tags: readonly string[];
  readonly statuses: readonly PaperStatus[];
  /** Lower-cased organisation fragments, matched as case-insensitive substrings. */
  readonly orgs: readonly string[];
  readonly years: readonly YearRange[];
}

/** Text of `field` in `doc` exactly as highlight ranges index into it. */
export function fieldText(doc: SearchDocument, field: SearchField): string {
  switch (field) {
    case 'title':
      return doc.title;
    case 'abstract':
      return doc.abstract;
    case 'note':
      return doc.note;
    case 'organization':
      return doc.organization ?? '';
    case 'tags':
      return doc.tags.join(TAG_SEPARATOR);
  }
}
