/**
 * Record types stored in the library database. Pure types and constants: no Dexie, no runtime
 * dependencies, so pure modules (merge, search worker) can share them.
 */
import type { ImportSource } from '../../../shared/import-types';
import type { ParseDiagnostic } from '../../../shared/paper';

/** Reading status of a paper (same values as the search layer's `PaperStatus`). */
export type PaperStatus = 'inbox' | 'queued' | 'reading' | 'read' | 'dismissed';

/** Every status, in triage order. */
export const PAPER_STATUSES: readonly PaperStatus[] = Object.freeze([
  'inbox',
  'queued',
  'reading',
  'read',
  'dismissed',
]);

/**
 * One upvote count seen in one dump.
 * Invariant: at most one sighting per (file, listingDate) in a paper's history.
 */
export interface UpvoteSighting {
  readonly listingDate: string | null;
  readonly file: string;
  readonly upvotes: number;
  readonly seenAt: string;
}

/**
 * Provenance: one line of one dump a paper was read from.
 * Invariant: at most one source per (hash, line) in a paper's `sources`.
 */
export interface PaperSource {
  readonly file: string;
  readonly hash: string;
  readonly line: number;
  readonly listingDate: string | null;
  readonly importedAt: string;
}

/**
 * Listing dates of the sightings that supplied the current value of fields where "the later
 * listing wins" (kept so merging does not depend on import order). null = unknown listing date.
 */
export interface FieldListingDates {
  readonly authors: string | null;
  readonly organization: string | null;
  readonly published: string | null;
}

/**
 * Bibliographic record of one paper. Written ONLY by imports (see `mergeImportBatch`); user data
 * lives in `EntryRecord` so re-imports can never touch it.
 */
export interface PaperRecord {
  readonly id: string;
  readonly title: string;
  readonly abstract: string;
  readonly authors: number | null;
  readonly organization: string | null;
  readonly published: string | null;
  /** Upvotes of the sighting with the latest listing date (ties: the maximum). */
  readonly upvotes: number | null;
  readonly upvoteHistory: readonly UpvoteSighting[];
  readonly links: readonly string[];
  readonly sources: readonly PaperSource[];
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
  /** Latest listing date the paper appeared in, or null if no sighting had one. */
  readonly listingDate: string | null;
  /** Normalised lowercase title, the sort key for the 'title' sort. */
  readonly titleSort: string;
  readonly fieldDates: FieldListingDates;
}

/**
 * The lightweight projection of a `PaperRecord` used for list views (no abstract, history or
 * provenance). Invariant: rewritten in the same transaction as its paper, so always in sync.
 */
export interface PaperSummary {
  readonly id: string;
  readonly title: string;
  readonly titleSort: string;
  readonly organization: string | null;
  readonly authors: number | null;
  readonly published: string | null;
  readonly listingDate: string | null;
  readonly upvotes: number | null;
  readonly firstSeenAt: string;
}

/**
 * The user's data about one paper, keyed by paper id.
 * Invariants: `queueRank` is a number iff `status === 'queued'`; `readAt` is set iff
 * `status === 'read'`; `tagIds` has no duplicates and references existing tags.
 */
export interface EntryRecord {
  readonly paperId: string;
  readonly status: PaperStatus;
  readonly queueRank: number | null;
  readonly tagIds: readonly string[];
  /** Markdown, at most `MAX_NOTE_LENGTH` characters. */
  readonly note: string;
  readonly readAt: string | null;
  /** ISO time of the last user change (status, queue, tags, note). */
  readonly changedAt: string;
  readonly statusChangedAt: string;
}

/** A user tag. Invariant: `nameKey` (lowercased trimmed name) is unique across tags. */
export interface TagRecord {
  readonly id: string;
  readonly name: string;
  readonly nameKey: string;
  /** One of `TAG_PALETTE`. */
  readonly color: string;
  readonly createdAt: string;
}

/**
 * One import of one dump, accumulated over its batches.
 * Invariant: `batchIndices` lists each merged batch index once; counts include each batch once.
 */
export interface ImportRecord extends Omit<ImportSource, 'runId'> {
  /** The run (drop, scan…) of this import; absent on rows written before runs existed. */
  readonly runId?: string;
  /** null until the last batch (index === count - 1) was merged. */
  readonly finishedAt: string | null;
  readonly batchesDone: number;
  readonly totalBatches: number;
  readonly totalPapers: number;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly diagnostics: readonly ParseDiagnostic[];
  readonly batchIndices: readonly number[];
}

/** A key/value setting kept with the library (e.g. the persistence answer). */
export interface MetaRecord {
  readonly key: string;
  readonly value: unknown;
}

/** Longest comment accepted on a highlight, in UTF-16 code units. */
export const MAX_HIGHLIGHT_COMMENT_LENGTH = 10_000;

/**
 * A passage of a paper's abstract the user highlighted, with an optional comment.
 * Invariants: `0 <= start < end`; `text` is the quoted passage, equal to
 * `abstract.slice(start, end)` when it was made. Imports may later lengthen the abstract
 * (the longer one wins), so readers locate the quote again rather than trusting the offsets.
 * User data: written only by user actions and restores, never by an import.
 */
export interface HighlightRecord {
  readonly id: string;
  readonly paperId: string;
  /** UTF-16 offset of the first highlighted character in the abstract. */
  readonly start: number;
  /** UTF-16 offset just after the last highlighted character. */
  readonly end: number;
  /** The highlighted passage, as quoted. */
  readonly text: string;
  /** Plain text, possibly empty, at most `MAX_HIGHLIGHT_COMMENT_LENGTH` characters. */
  readonly comment: string;
  readonly createdAt: string;
  /** ISO time of the last change (creation or comment edit). */
  readonly updatedAt: string;
}
