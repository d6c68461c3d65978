/**
 * The rows of list views: `paperSummaries` (no abstracts, history or provenance) joined with
 * `entries` in memory and sorted. A view of thousands of papers is read in key-aligned pages of
 * both tables, and each page is joined, sorted and merged into the result as it arrives, so the
 * work is spread over many short tasks: one join and sort of 50k rows at the end took over 100 ms
 * of the UI thread.
 */
import type { LibraryDb } from './schema';
import type { EntryRecord, PaperStatus, PaperSummary } from './types';

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
  /** The title's sort key (lower-cased, diacritics folded): keeps a changed row's place findable. */
  readonly titleSort: string;
}

/** Views covering more entries than this are read page by page over the whole tables. */
const LARGE_VIEW = 1000;

/** Entries (and their summaries) read per page of a large view. */
export const ROWS_PAGE_SIZE = 2000;

function toRow(summary: PaperSummary, entry: EntryRecord): PaperRow {
  const { id, title, organization, authors, published, listingDate, upvotes } = summary;
  const { status, tagIds, queueRank, readAt, changedAt, note } = entry;
  const hasNote = note.trim().length > 0;
  const { titleSort } = summary;
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
    titleSort,
  };
}

/** Descending comparison where null/undefined sorts last. */
function desc<T extends string | number>(a: T | null, b: T | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}

function byTitle(a: PaperRow, b: PaperRow): number {
  if (a.titleSort !== b.titleSort) return a.titleSort < b.titleSort ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const COMPARATORS: Record<PaperSort, (a: PaperRow, b: PaperRow) => number> = {
  listing: (a, b) =>
    desc(a.listingDate, b.listingDate) || desc(a.published, b.published) || byTitle(a, b),
  published: (a, b) => desc(a.published, b.published) || byTitle(a, b),
  upvotes: (a, b) => desc(a.upvotes, b.upvotes) || byTitle(a, b),
  title: byTitle,
  changed: (a, b) => desc(a.changedAt, b.changedAt) || byTitle(a, b),
};

/** Queue order: rank ascending (an unranked row last), then id. */
function byQueueRank(a: PaperRow, b: PaperRow): number {
  const x = a.queueRank ?? Number.POSITIVE_INFINITY;
  const y = b.queueRank ?? Number.POSITIVE_INFINITY;
  if (x !== y) return x < y ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The total order rows of `view` are listed in (the queue ignores `sort`). */
export function rowComparator(
  view: LibraryView,
  sort: PaperSort,
): (a: PaperRow, b: PaperRow) => number {
  return view === 'queued' ? byQueueRank : COMPARATORS[sort];
}

/** Whether a row belongs in `view` (by its status, or its tags for a tag view). */
export function rowInView(view: LibraryView, row: PaperRow): boolean {
  if (view === 'all') return true;
  if (typeof view === 'string') return row.status === view;
  return row.tagIds.includes(view.tagId);
}

/** Joins entries with their summaries (an entry without a summary is skipped). */
function join(
  entries: readonly EntryRecord[],
  summaries: readonly (PaperSummary | undefined)[],
): PaperRow[] {
  const byId = new Map<string, PaperSummary>();
  for (const summary of summaries) if (summary) byId.set(summary.id, summary);
  const rows: PaperRow[] = [];
  for (const entry of entries) {
    const summary = byId.get(entry.paperId);
    if (summary) rows.push(toRow(summary, entry));
  }
  return rows;
}

/** Merges two lists sorted by `compare` into one (ties keep `a` first). */
export function mergeSorted<T>(
  a: readonly T[],
  b: readonly T[],
  compare: (x: T, y: T) => number,
): T[] {
  const out: T[] = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as T;
    const y = b[j] as T;
    if (compare(y, x) < 0) {
      out[k++] = y;
      j++;
    } else {
      out[k++] = x;
      i++;
    }
  }
  while (i < a.length) out[k++] = a[i++] as T;
  while (j < b.length) out[k++] = b[j++] as T;
  return out;
}

/** Whether a status view is large enough to be read page by page over the whole tables. */
async function isLargeStatus(db: LibraryDb, status: PaperStatus): Promise<boolean> {
  return (await db.entries.where('status').equals(status).count()) > LARGE_VIEW;
}

/**
 * The page of entries after key `after` (null: from the start) and the summaries of the same key
 * range (both tables are keyed by paper id), read in one transaction so they agree.
 */
async function readPage(
  db: LibraryDb,
  after: string | null,
): Promise<{ entries: EntryRecord[]; summaries: PaperSummary[] }> {
  return db.transaction('r', db.entries, db.paperSummaries, async () => {
    const entries =
      after === null
        ? await db.entries.orderBy(':id').limit(ROWS_PAGE_SIZE).toArray()
        : await db.entries.where(':id').above(after).limit(ROWS_PAGE_SIZE).toArray();
    const first = entries[0];
    const last = entries[entries.length - 1];
    if (first === undefined || last === undefined) return { entries, summaries: [] };
    const summaries = await db.paperSummaries
      .where(':id')
      .between(first.paperId, last.paperId, true, true)
      .toArray();
    return { entries, summaries };
  });
}

/**
 * Every row with `status` (null: all), sorted: pages of entries in key order with their
 * summaries, each joined, sorted and merged into the result as it arrives, so no single task
 * joins and sorts the whole view. Called inside a transaction (the library snapshot reads the
 * counts in the same one), every page belongs to it and the rows match the counts exactly;
 * called alone, each page is its own transaction.
 */
async function largeViewRows(
  db: LibraryDb,
  status: PaperStatus | null,
  compare: (a: PaperRow, b: PaperRow) => number,
): Promise<PaperRow[]> {
  let sorted: PaperRow[] = [];
  let after: string | null = null;
  for (;;) {
    const { entries, summaries } = await readPage(db, after);
    const last = entries[entries.length - 1];
    if (last === undefined) return sorted;
    const page = join(
      status === null ? entries : entries.filter((entry) => entry.status === status),
      summaries,
    );
    sorted = mergeSorted(sorted, page.sort(compare), compare);
    if (entries.length < ROWS_PAGE_SIZE) return sorted;
    after = last.paperId;
  }
}

/** Entries of a small view: the queue in queue order, a tag's papers, or a small status. */
async function smallViewEntries(db: LibraryDb, view: LibraryView): Promise<EntryRecord[]> {
  if (view === 'queued') return db.entries.orderBy('queueRank').toArray();
  if (typeof view !== 'string') return db.entries.where('tagIds').equals(view.tagId).toArray();
  return db.entries.where('status').equals(view).toArray();
}

/**
 * The rows of a view in the requested order. Sorts are descending (newest, most upvoted, latest
 * change first; unknown values last) except 'title' (A→Z); ties fall back to title, then id, so the
 * order is total and stable. The 'queued' view ignores `sort` and is in queue order. Small views
 * are read in one transaction; large ones page by page (see `largeViewRows`).
 */
export async function listPaperRows(
  db: LibraryDb,
  view: LibraryView,
  sort: PaperSort,
): Promise<PaperRow[]> {
  const compare = rowComparator(view, sort);
  if (view === 'all') return largeViewRows(db, null, compare);
  if (typeof view === 'string' && view !== 'queued' && (await isLargeStatus(db, view))) {
    return largeViewRows(db, view, compare);
  }
  return db.transaction('r', db.entries, db.paperSummaries, async () => {
    const entries = await smallViewEntries(db, view);
    const summaries = await db.paperSummaries.bulkGet(entries.map((entry) => entry.paperId));
    return join(entries, summaries).sort(compare);
  });
}

/**
 * The current rows of the given papers, read in one transaction: null for a paper that no longer
 * exists (or has no summary yet). Used to patch a loaded list after a few papers changed, instead
 * of reading the whole view again.
 */
export async function readPaperRows(
  db: LibraryDb,
  ids: readonly string[],
): Promise<Map<string, PaperRow | null>> {
  return db.transaction('r', db.entries, db.paperSummaries, async () => {
    const [entries, summaries] = await Promise.all([
      db.entries.bulkGet([...ids]),
      db.paperSummaries.bulkGet([...ids]),
    ]);
    const rows = new Map<string, PaperRow | null>();
    ids.forEach((id, i) => {
      const entry = entries[i];
      const summary = summaries[i];
      rows.set(id, entry && summary ? toRow(summary, entry) : null);
    });
    return rows;
  });
}
