/**
 * Types of the search engine's contract, shared by the app's search worker, its UI and the
 * `search` command. Pure types and constants, no runtime dependencies.
 */

/** Reading status of a paper (the library's own status values). */
export type SearchStatus = 'inbox' | 'queued' | 'reading' | 'read' | 'dismissed';

/** Every status, in the order the library shows them. */
export const SEARCH_STATUSES: readonly SearchStatus[] = [
  'inbox',
  'queued',
  'reading',
  'read',
  'dismissed',
];

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
  /** Tag ids, aligned with nothing in particular: only tag views use them. */
  readonly tagIds?: readonly string[];
  /** Markdown note; searched as plain text. */
  readonly note: string;
  /**
   * Comments the user wrote on highlighted passages, one per line; searched with the note (the
   * passages themselves are abstract text, already indexed). Absent: none.
   */
  readonly highlightComments?: string;
  readonly status: SearchStatus;
  readonly year: number | null;
}

/** Which papers a search covers: one status, all papers, or the papers carrying one tag. */
export type SearchView = SearchStatus | 'all' | { readonly tagId: string };

/** Order of the results: relevance (default), title (A–Z) or year (newest first). */
export type SearchSort = 'relevance' | 'title' | 'year';

/** One search request: the query text, the view it runs in, and the page wanted. */
export interface SearchQuery {
  readonly text: string;
  readonly view?: SearchView;
  readonly sort?: SearchSort;
  /** First result wanted (0-based, default 0). */
  readonly offset?: number;
  /** Most results wanted (default 50). */
  readonly limit?: number;
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

/** A one-line excerpt of the abstract or note around a match, with ranges into `text`. */
export interface SearchSnippet {
  readonly field: 'abstract' | 'note';
  readonly text: string;
  readonly ranges: [number, number][];
}

/**
 * One ranked match. `score` is higher-is-better and only comparable within one result.
 * `partial` marks a document missing one of the query's words (see `SearchEngine.search`);
 * `snippet` is set when some query word matched only in the abstract or note.
 */
export interface SearchHit {
  readonly id: string;
  readonly score: number;
  readonly partial: boolean;
  readonly highlights: FieldHighlight[];
  readonly snippet: SearchSnippet | null;
}

/**
 * Something in the query that was not understood (an unknown filter or value); it was left out
 * of the search. `suggestion`, when set, is the whole query text with the problem corrected.
 */
export interface QueryProblem {
  readonly token: string;
  readonly message: string;
  readonly suggestion: string | null;
}

/**
 * Answer to one query.
 * Invariants: `hits` is the page `[offset, offset + limit)` of one fixed order of all matches;
 * `total` counts every match (exactly: paging through it reaches each once), `partialTotal` how
 * many of them are partial (they come after every full match in relevance order).
 */
export interface SearchResult {
  readonly hits: SearchHit[];
  readonly total: number;
  readonly partialTotal: number;
  readonly tookMs: number;
  readonly problems: QueryProblem[];
}

/**
 * Text of `field` in `doc` exactly as highlight ranges index into it, and as the index reads it.
 * The `note` field is the note followed by the highlight comments.
 */
export function fieldText(doc: SearchDocument, field: SearchField): string {
  switch (field) {
    case 'title':
      return doc.title;
    case 'abstract':
      return doc.abstract;
    case 'note':
      return doc.highlightComments ? `${doc.note}\n${doc.highlightComments}` : doc.note;
    case 'organization':
      return doc.organization ?? '';
    case 'tags':
      return doc.tags.join(TAG_SEPARATOR);
  }
}
