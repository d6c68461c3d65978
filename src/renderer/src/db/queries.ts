/**
 * Read functions for the UI and the search worker. List views read `paperSummaries` (no abstracts,
 * history or provenance) joined with `entries` in memory, so even the 'all' view of 50k papers
 * stays a pair of bulk reads and one sort.
 */
import { readAllPaged } from './paged-read';
import type { LibraryDb } from './schema';
import type {
  EntryRecord,
  ImportRecord,
  PaperRecord,
  PaperStatus,
  PaperSummary,
  TagRecord,
} from './types';
import { PAPER_STATUSES } from './types';

/** Which papers a list shows: one status, all papers, or papers with one tag. */
export type LibraryView = PaperStatus | 'all' | { readonly tagId: string };

/** Order of a list (the 'queued' view is always in queue order). */
export type PaperSort = 'listing' | 'published' | 'upvotes' | 'title' | 'changed';

/** One line of a paper list: summary fields plus the user's fields, no abstract or note text. */
export interface PaperRow {
  readonly id: string;
  readonly title: string;
  readonly organization: string | null;
  readonly authors: number | null;
  readonly published: string | null;
  readonly listingDate: string | null;
  readonly upvotes: number | null;
  readonly status: PaperStatus;
  readonly tagIds: readonly string[];
  readonly queueRank: number | null;
  readonly readAt: string | null;
  readonly changedAt: string;
  readonly hasNote: boolean;
}

/** Number of papers per status, plus `all`. */
export type ViewCounts = Readonly<Record<PaperStatus | 'all', number>>;

/** A tag with the number of papers carrying it. */
export interface TagCount {
  readonly tag: TagRecord;
  readonly count: number;
}

/** Everything the detail pane shows for one paper. */
export interface PaperDetail {
  readonly paper: PaperRecord;
  readonly entry: EntryRecord;
}

/** Views covering more entries than this read whole tables page by page instead of by key. */
const LARGE_VIEW = 1000;

async function entriesOfView(db: LibraryDb, view: LibraryView): Promise<EntryRecord[]> {
  if (view === 'queued') return db.entries.orderBy('queueRank').toArray();
  if (typeof view !== 'string') return db.entries.where('tagIds').equals(view.tagId).toArray();
  if (view !== 'all' && (await db.entries.where('status').equals(view).count()) <= LARGE_VIEW) {
    return db.entries.where('status').equals(view).toArray();
  }
  const entries = await readAllPaged(db.entries, 'paperId');
  return view === 'all' ? entries : entries.filter((entry) => entry.status === view);
}

async function summariesFor(
  db: LibraryDb,
  entries: readonly EntryRecord[],
): Promise<(PaperSummary | undefined)[]> {
  if (entries.length > LARGE_VIEW) return readAllPaged(db.paperSummaries, 'id');
  return db.paperSummaries.bulkGet(entries.map((entry) => entry.paperId));
}

function toRow(summary: PaperSummary, entry: EntryRecord): PaperRow {
  const { id, title, organization, authors, published, listingDate, upvotes } = summary;
  const { status, tagIds, queueRank, readAt, changedAt, note } = entry;
  const hasNote = note.trim().length > 0;
  return {
    id,
    title,
    organization,
    authors,
    published,
    listingDate,
    upvotes,
    status,
    tagIds,
    queueRank,
    readAt,
    changedAt,
    hasNote,
  };
}

/** Descending comparison where null/undefined sorts last. */
function desc<T extends string | number>(a: T | null, b: T | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}

interface Sortable {
  readonly row: PaperRow;
  readonly titleSort: string;
}

function byTitle(a: Sortable, b: Sortable): number {
  if (a.titleSort !== b.titleSort) return a.titleSort < b.titleSort ? -1 : 1;
  return a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0;
}

const COMPARATORS: Record<PaperSort, (a: Sortable, b: Sortable) => number> = {
  listing: (a, b) =>
    desc(a.row.listingDate, b.row.listingDate) ||
    desc(a.row.published, b.row.published) ||
    byTitle(a, b),
  published: (a, b) => desc(a.row.published, b.row.published) || byTitle(a, b),
  upvotes: (a, b) => desc(a.row.upvotes, b.row.upvotes) || byTitle(a, b),
  title: byTitle,
  changed: (a, b) => desc(a.row.changedAt, b.row.changedAt) || byTitle(a, b),
};

/**
 * The rows of a view in the requested order. Sorts are descending (newest, most upvoted, latest
 * change first; unknown values last) except 'title' (A→Z); ties fall back to title, then id, so the
 * order is total and stable. The 'queued' view ignores `sort` and is in queue order.
 */
export async function listPaperRows(
  db: LibraryDb,
  view: LibraryView,
  sort: PaperSort,
): Promise<PaperRow[]> {
  return db.transaction('r', db.entries, db.paperSummaries, async () => {
    const entries = await entriesOfView(db, view);
    const summaries = await summariesFor(db, entries);
    const byId = new Map<string, PaperSummary>();
    for (const summary of summaries) if (summary) byId.set(summary.id, summary);
    const rows: Sortable[] = [];
    for (const entry of entries) {
      const summary = byId.get(entry.paperId);
      if (summary) rows.push({ row: toRow(summary, entry), titleSort: summary.titleSort });
    }
    if (view !== 'queued') rows.sort(COMPARATORS[sort]);
    return rows.map((item) => item.row);
  });
}

/** The full paper and its entry, or null when either is missing. */
export async function getPaperDetail(db: LibraryDb, id: string): Promise<PaperDetail | null> {
  return db.transaction('r', db.papers, db.entries, async () => {
    const [paper, entry] = await Promise.all([db.papers.get(id), db.entries.get(id)]);
    return paper && entry ? { paper, entry } : null;
  });
}

/** Papers per status and in total (index counts, no records loaded). */
export async function getViewCounts(db: LibraryDb): Promise<ViewCounts> {
  return db.transaction('r', db.entries, async () => {
    const counts = await Promise.all(
      PAPER_STATUSES.map((status) => db.entries.where('status').equals(status).count()),
    );
    const all = await db.entries.count();
    const result: Record<string, number> = { all };
    PAPER_STATUSES.forEach((status, i) => {
      result[status] = counts[i] ?? 0;
    });
    return result as ViewCounts;
  });
}

/** Every tag with its paper count, sorted by name (case-insensitive). */
export async function getTagCounts(db: LibraryDb): Promise<TagCount[]> {
  return db.transaction('r', db.tags, db.entries, async () => {
    const tags = await db.tags.orderBy('nameKey').toArray();
    const counts = await Promise.all(
      tags.map((tag) => db.entries.where('tagIds').equals(tag.id).count()),
    );
    return tags.map((tag, i) => ({ tag, count: counts[i] ?? 0 }));
  });
}

/** Import history, newest first. */
export async function listImports(db: LibraryDb): Promise<ImportRecord[]> {
  return db.imports.orderBy('startedAt').reverse().toArray();
}
