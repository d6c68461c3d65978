/**
 * Bibliographic records as the parser produces them and as they cross the IPC boundary.
 * These types carry no behaviour so that main, preload, renderer and tests can share them.
 */

/** The two listing-dump layouts seen in the wild (see design.md). */
export type ListingFormat = 'page' | 'compact';

/**
 * One paper entry read from a listing dump.
 * Invariant: `id` depends only on the normalised title, so the same paper parsed from any dump
 * or format has the same id; every other field may differ between sightings.
 */
export interface ParsedPaper {
  /** Stable id derived from the normalised title (see `paperIdFromTitle`). */
  readonly id: string;
  readonly title: string;
  readonly abstract: string;
  /** Number of authors from a `• N authors` line; null when the dump does not say. */
  readonly authors: number | null;
  /** Display name of the organisation line (`openbmb OpenBMB` → `OpenBMB`); null when absent. */
  readonly organization: string | null;
  /** Publication date `YYYY-MM-DD`; null when the dump does not say. */
  readonly published: string | null;
  /** Upvotes shown next to the date at the time of the dump; null when absent. */
  readonly upvotes: number | null;
  /** Distinct http(s) URLs found in the abstract, in order of appearance. */
  readonly links: readonly string[];
  /** 1-based line number of the title in the dump. */
  readonly line: number;
}

/** A problem found while reading a dump; `line` is 1-based, null when it concerns the whole file. */
export interface ParseDiagnostic {
  readonly severity: 'warning' | 'error';
  readonly line: number | null;
  readonly message: string;
}

/**
 * Result of parsing one dump.
 * Invariant: when `rejection` is non-null the input was not a listing dump and `papers` is empty.
 */
export interface ParseResult {
  readonly format: ListingFormat | null;
  /** The listing's own date `YYYY-MM-DD` (page format header, resolved to a year), if known. */
  readonly listingDate: string | null;
  readonly papers: readonly ParsedPaper[];
  readonly diagnostics: readonly ParseDiagnostic[];
  /** One-line reason why the input is not a listing dump, or null when it is one. */
  readonly rejection: string | null;
}
