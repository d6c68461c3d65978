/**
 * The sidebar counts and the full read of the list on screen come from ONE paced query and, when
 * the rows are read, from one transaction, so they always describe the same moment: during an
 * import the sidebar can no longer say "Inbox 125" while the list header says 44.
 *
 * Only writes to the papers (imports, restores) call for reading the whole view again. A user's
 * write touches entries and tags only and is announced on the change feed with its paper ids,
 * which the list patches in (see `use-view-rows.ts`); the query then re-reads the counts alone.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { changeSequence } from './change-feed';
import { getViewCounts, type ViewCounts } from './queries';
import { listPaperRows, type LibraryView, type PaperSort } from './list-rows';
import type { LibraryDb } from './schema';
import { getLibrary } from './schema';
import { PacedQuery, type ChangedTables } from './throttled-query';
import type { RowsBase } from './view-rows-model';

/** Counts of every view, and the last full read of the view `key` names (null: none asked). */
interface LibrarySnapshot {
  readonly counts: ViewCounts;
  readonly key: string | null;
  readonly base: RowsBase | null;
}

/**
 * Reads the counts and (when `view` is given) the rows of `view` in one read transaction: both
 * see exactly the same committed writes. Large views are still read page by page (short tasks),
 * all pages inside this transaction.
 */
export async function readLibrarySnapshot(
  db: LibraryDb,
  view: LibraryView | null,
  sort: PaperSort,
): Promise<{ readonly counts: ViewCounts; readonly base: RowsBase | null }> {
  return db.transaction('r', db.entries, db.paperSummaries, async () => {
    const since = changeSequence();
    const counts = await getViewCounts(db);
    const rows = view === null ? null : await listPaperRows(db, view, sort);
    return { counts, base: rows === null ? null : { rows, since } };
  });
}

/** A stable key for a view and sort (tag views compare by tag id, not identity). */
export function snapshotKey(view: LibraryView, sort: PaperSort): string {
  return `${typeof view === 'string' ? view : `tag:${view.tagId}`}\u0000${sort}`;
}

/** Whether writes to `changed` leave a full read of the rows current (no paper was written). */
function rowsUnaffected(changed: ChangedTables): boolean {
  return changed !== null && !changed.has('papers') && !changed.has('paperSummaries');
}

interface Requested {
  readonly key: string;
  readonly view: LibraryView;
  readonly sort: PaperSort;
}

let requested: Requested | null = null;
let current: LibrarySnapshot | undefined;
let paced: PacedQuery<LibrarySnapshot> | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of [...listeners]) listener();
}

async function runSnapshot(db: LibraryDb, changed: ChangedTables): Promise<LibrarySnapshot> {
  const asked = requested;
  const key = asked?.key ?? null;
  const previous = current;
  if (previous && previous.key === key && (key === null || rowsUnaffected(changed))) {
    return { ...previous, counts: await getViewCounts(db) };
  }
  const read = await readLibrarySnapshot(db, asked?.view ?? null, asked?.sort ?? 'listing');
  return { ...read, key };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!paced) {
    const db = getLibrary();
    const query = new PacedQuery<LibrarySnapshot>(
      db.name,
      (changed) => runSnapshot(db, changed),
      (snapshot) => {
        current = snapshot;
        emit();
      },
    );
    paced = query;
    query.start();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    paced?.stop();
    paced = null;
    current = undefined;
  };
}

function snapshot(): LibrarySnapshot | undefined {
  return current;
}

/** Asks for the rows of `view` from now on (one list is shown at a time). */
function request(next: Requested | null): void {
  if (requested?.key === next?.key) return;
  requested = next;
  paced?.refresh();
}

/**
 * Reads the counts and the shown view again in full, soon: for changes too large to patch into
 * the list (a bulk action over hundreds of papers).
 */
export function rereadViewRows(): void {
  paced?.refresh();
}

/** Paper counts per status and in total, consistent with the rows of the shown view. */
export function useViewCounts(): ViewCounts | undefined {
  return useSyncExternalStore(subscribe, snapshot)?.counts;
}

/**
 * The last full read of a view, kept live (re-read after imports and restores); undefined until
 * this very view and sort has been read. The same object is returned while it stays current, so
 * user writes (patched in by the caller) do not cause a 50k-row read.
 */
export function useViewRowsBase(view: LibraryView, sort: PaperSort): RowsBase | undefined {
  const key = snapshotKey(view, sort);
  const value = useSyncExternalStore(subscribe, snapshot);
  useEffect(() => {
    request({ key, view, sort });
    return () => {
      if (requested?.key === key) request(null);
    };
    // `view` is represented by `key`, so an inline `{ tagId }` object does not re-request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return value?.key === key ? (value.base ?? undefined) : undefined;
}
