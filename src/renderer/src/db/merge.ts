/**
 * Pure merge rules for imported papers (no Dexie, no clock): how a parsed sighting of a paper
 * combines with what the library already knows. Kept pure so each rule is unit-testable and the
 * repository can merge a whole batch in memory between one bulkGet and one bulkPut.
 */
import type { ImportSource } from '../../../shared/import-types';
import type { ParsedPaper } from '../../../shared/paper';
import type { FieldListingDates, PaperRecord, UpvoteSighting } from './types';

/** One appearance of a paper in one dump, at one import time. */
export interface Sighting {
  readonly paper: ParsedPaper;
  readonly source: ImportSource;
  /** ISO time of the import (becomes `seenAt`/`importedAt`/`lastSeenAt`). */
  readonly importedAt: string;
}

/** Result of merging one sighting into a record. */
export interface MergeOutcome {
  readonly record: PaperRecord;
  /** Any stored field differs (false: nothing to write). */
  readonly changed: boolean;
}

/**
 * Normalised title used as sort key: Unicode-decomposed, accents and punctuation dropped,
 * lowercased, whitespace collapsed. Deterministic, so equal titles always sort together.
 */
export function titleSortKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when listing date `a` is strictly later than `b`; an unknown (null) date is earliest. */
export function isLaterListing(a: string | null, b: string | null): boolean {
  if (a === null) return false;
  return b === null || a > b;
}

function laterOf(a: string | null, b: string | null): string | null {
  return isLaterListing(b, a) ? b : a;
}

/**
 * Abstract rule: a missing or shorter-prefix abstract is replaced by the longer one (a truncated
 * last entry must not win); two unrelated texts keep the longer (ties keep the current).
 */
export function mergeAbstract(current: string, incoming: string): string {
  if (incoming.length <= current.length) return current;
  return incoming;
}

/**
 * "Later listing wins" for one field: a null never replaces a value, a value always fills a null,
 * two different values resolve to the one from the later listing (ties keep the current).
 * Returns the value and the listing date that now backs it.
 */
export function mergeByListing<T>(
  current: T | null,
  currentDate: string | null,
  incoming: T | null,
  incomingDate: string | null,
): { readonly value: T | null; readonly date: string | null } {
  if (incoming === null) return { value: current, date: currentDate };
  if (current === null) return { value: incoming, date: incomingDate };
  if (current === incoming) return { value: current, date: laterOf(currentDate, incomingDate) };
  return isLaterListing(incomingDate, currentDate)
    ? { value: incoming, date: incomingDate }
    : { value: current, date: currentDate };
}

/** Union of two link lists, keeping first-appearance order (current links first). */
export function mergeLinks(current: readonly string[], incoming: readonly string[]): string[] {
  return [...new Set([...current, ...incoming])];
}

/**
 * Current upvotes from a history: the count of the sighting with the latest listing date
 * (null dates are earliest), ties resolved to the maximum. null for an empty history.
 */
export function currentUpvotes(history: readonly UpvoteSighting[]): number | null {
  let best: UpvoteSighting | null = null;
  for (const sighting of history) {
    if (
      best === null ||
      isLaterListing(sighting.listingDate, best.listingDate) ||
      (sighting.listingDate === best.listingDate && sighting.upvotes > best.upvotes)
    ) {
      best = sighting;
    }
  }
  return best === null ? null : best.upvotes;
}

function upvoteSighting(s: Sighting): UpvoteSighting[] {
  const { paper, source, importedAt } = s;
  if (paper.upvotes === null) return [];
  return [
    {
      listingDate: source.listingDate,
      file: source.file,
      upvotes: paper.upvotes,
      seenAt: importedAt,
    },
  ];
}

/** A new record from the first sighting of a paper. */
export function newPaperRecord(s: Sighting): PaperRecord {
  const { paper, source, importedAt } = s;
  const date = source.listingDate;
  const upvoteHistory = upvoteSighting(s);
  return {
    id: paper.id,
    title: paper.title,
    abstract: paper.abstract,
    authors: paper.authors,
    organization: paper.organization,
    published: paper.published,
    upvotes: currentUpvotes(upvoteHistory),
    upvoteHistory,
    links: [...new Set(paper.links)],
    sources: [
      { file: source.file, hash: source.hash, line: paper.line, listingDate: date, importedAt },
    ],
    firstSeenAt: importedAt,
    lastSeenAt: importedAt,
    listingDate: date,
    titleSort: titleSortKey(paper.title),
    fieldDates: { authors: date, organization: date, published: date },
  };
}

/**
 * Merges one sighting into an existing record (same id). A sighting whose (hash, line) is already
 * in `sources` is a redelivery and changes nothing, which makes re-merging a batch idempotent.
 */
export function mergeSighting(existing: PaperRecord, s: Sighting): MergeOutcome {
  const { paper, source, importedAt } = s;
  if (existing.sources.some((src) => src.hash === source.hash && src.line === paper.line)) {
    return { record: existing, changed: false };
  }
  const date = source.listingDate;
  const dates = existing.fieldDates;
  const authors = mergeByListing(existing.authors, dates.authors, paper.authors, date);
  const organization = mergeByListing(
    existing.organization,
    dates.organization,
    paper.organization,
    date,
  );
  const published = mergeByListing(existing.published, dates.published, paper.published, date);
  const isNewUpvote = (u: UpvoteSighting): boolean =>
    !existing.upvoteHistory.some((h) => h.file === u.file && h.listingDate === u.listingDate);
  const upvoteHistory = [...existing.upvoteHistory, ...upvoteSighting(s).filter(isNewUpvote)];
  const fieldDates: FieldListingDates = {
    authors: authors.date,
    organization: organization.date,
    published: published.date,
  };
  const record: PaperRecord = {
    ...existing,
    abstract: mergeAbstract(existing.abstract, paper.abstract),
    authors: authors.value,
    organization: organization.value,
    published: published.value,
    upvotes: upvoteHistory.length > 0 ? currentUpvotes(upvoteHistory) : existing.upvotes,
    upvoteHistory,
    links: mergeLinks(existing.links, paper.links),
    sources: [
      ...existing.sources,
      { file: source.file, hash: source.hash, line: paper.line, listingDate: date, importedAt },
    ],
    firstSeenAt: importedAt < existing.firstSeenAt ? importedAt : existing.firstSeenAt,
    lastSeenAt: importedAt > existing.lastSeenAt ? importedAt : existing.lastSeenAt,
    listingDate: laterOf(existing.listingDate, date),
    fieldDates,
  };
  return { record, changed: true };
}
