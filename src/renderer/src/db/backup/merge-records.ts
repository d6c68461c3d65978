/**
 * Merging a restored library into the current one, record by record. Pure (no Dexie, no clock).
 *
 * Bibliographic data follows the import rules of `merge.ts` (a backup is one more sighting of each
 * paper): the longer abstract, the value from the later listing per field, the union of links,
 * sources and upvote sightings. User data: the side whose `changedAt` is newer decides status,
 * queue and read date; nothing a user wrote is dropped: tags are united, and two different notes
 * are both kept (the newer first, the older below a marker) unless one already contains the other.
 */
import {
  currentUpvotes,
  isLaterListing,
  mergeAbstract,
  mergeByListing,
  mergeLinks,
} from '../merge';
import type { EntryRecord, PaperRecord, UpvoteSighting } from '../types';

/** The later of two listing dates (unknown is earliest). */
function laterListing(a: string | null, b: string | null): string | null {
  return isLaterListing(b, a) ? b : a;
}

/** `current` merged with `incoming` (same id) by the import merge rules; `current` if unchanged. */
export function mergePaperRecords(current: PaperRecord, incoming: PaperRecord): PaperRecord {
  const dates = current.fieldDates;
  const other = incoming.fieldDates;
  const authors = mergeByListing(current.authors, dates.authors, incoming.authors, other.authors);
  const organization = mergeByListing(
    current.organization,
    dates.organization,
    incoming.organization,
    other.organization,
  );
  const published = mergeByListing(
    current.published,
    dates.published,
    incoming.published,
    other.published,
  );
  const sameSighting = (a: UpvoteSighting, b: UpvoteSighting): boolean =>
    a.file === b.file && a.listingDate === b.listingDate;
  const upvoteHistory = [
    ...current.upvoteHistory,
    ...incoming.upvoteHistory.filter((u) => !current.upvoteHistory.some((h) => sameSighting(h, u))),
  ];
  const sources = [
    ...current.sources,
    ...incoming.sources.filter(
      (s) => !current.sources.some((c) => c.hash === s.hash && c.line === s.line),
    ),
  ];
  const merged: PaperRecord = {
    ...current,
    abstract: mergeAbstract(current.abstract, incoming.abstract),
    authors: authors.value,
    organization: organization.value,
    published: published.value,
    upvoteHistory,
    upvotes: upvoteHistory.length > 0 ? currentUpvotes(upvoteHistory) : current.upvotes,
    links: mergeLinks(current.links, incoming.links),
    sources,
    firstSeenAt:
      incoming.firstSeenAt < current.firstSeenAt ? incoming.firstSeenAt : current.firstSeenAt,
    lastSeenAt: incoming.lastSeenAt > current.lastSeenAt ? incoming.lastSeenAt : current.lastSeenAt,
    listingDate: laterListing(current.listingDate, incoming.listingDate),
    fieldDates: {
      authors: authors.date,
      organization: organization.date,
      published: published.date,
    },
  };
  return samePaper(current, merged) ? current : merged;
}

/** True when two records of one paper store the same values (JSON-equal). */
export function samePaper(a: PaperRecord, b: PaperRecord): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Marks where an older note kept by a merge-restore begins. */
export const KEPT_NOTE_MARKER =
  '\n\n---\n\n*Earlier version of this note, kept when a backup was restored:*\n\n';

/**
 * The note of a merge: if either note is empty or contains the other, the fuller one; otherwise
 * the newer note, then the marker, then the older one (so neither text is lost).
 */
export function mergeNotes(newer: string, older: string): string {
  if (newer.includes(older)) return newer;
  if (older.includes(newer)) return older;
  return `${newer}${KEPT_NOTE_MARKER}${older}`;
}

/** A merged entry and what the merge did, for the preview and the change feed. */
export interface EntryMerge {
  readonly entry: EntryRecord;
  readonly changed: boolean;
  /** The backup's status/queue/read date won (it changed later). */
  readonly backupWon: boolean;
}

/**
 * True for an entry the user never touched: still as an import created it (in the inbox, no tags,
 * no note) and not changed since the paper was first seen. Such an entry never outweighs user
 * data: after a lost library is re-imported, every entry is new but holds nothing.
 */
export function isPristine(entry: EntryRecord, paper: PaperRecord): boolean {
  return (
    entry.status === 'inbox' &&
    entry.tagIds.length === 0 &&
    entry.note === '' &&
    entry.readAt === null &&
    entry.changedAt <= paper.firstSeenAt
  );
}

/**
 * Merges the backup's entry of a paper (tag ids already mapped onto the library's tags) into the
 * library's entry. The side that changed later decides status, queue rank, read date and status
 * time, except that a pristine entry (see `isPristine`) never wins over one the user touched;
 * tags are united; notes merged by `mergeNotes`. A backup entry that wins while queued keeps its
 * backup rank, which the caller renumbers into the library's queue.
 */
export function mergeEntries(
  current: EntryRecord,
  backup: EntryRecord,
  pristine: { readonly current: boolean; readonly backup: boolean },
): EntryMerge {
  const backupWon =
    pristine.current !== pristine.backup ? pristine.current : backup.changedAt > current.changedAt;
  const [newer, older] = backupWon ? [backup, current] : [current, backup];
  const tagIds = [...new Set([...newer.tagIds, ...older.tagIds])];
  const entry: EntryRecord = {
    paperId: current.paperId,
    status: newer.status,
    queueRank: newer.queueRank,
    readAt: newer.readAt,
    statusChangedAt: newer.statusChangedAt,
    tagIds,
    note: mergeNotes(newer.note, older.note),
    changedAt: newer.changedAt,
  };
  const changed =
    entry.status !== current.status ||
    entry.queueRank !== current.queueRank ||
    entry.readAt !== current.readAt ||
    entry.statusChangedAt !== current.statusChangedAt ||
    entry.note !== current.note ||
    entry.changedAt !== current.changedAt ||
    entry.tagIds.length !== current.tagIds.length ||
    entry.tagIds.some((id, i) => id !== current.tagIds[i]);
  return { entry: changed ? entry : current, changed, backupWon };
}
