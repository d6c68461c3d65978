/**
 * The sidebar counts and the rows of the list on screen, read together in ONE transaction, so
 * they always describe the same moment: during an import the sidebar can no longer say "Inbox
 * 125" while the list header says 44. One paced query (see `PacedQuery`) serves both hooks; while
 * no list is shown it reads the counts alone.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { getViewCounts, listPaperRows, type ViewCounts } from './queries';
import type { LibraryView, PaperRow, PaperSort } from './list-rows';
import type { LibraryDb } from './schema';
import { getLibrary } from './schema';
import { PacedQuery } from './throttled-query';

/** Counts of every view, and the rows of the view `key` names (null: no list was asked for). */
export interface LibrarySnapshot {
  readonly counts: ViewCounts;
  readonly key: string | null;
  readonly rows: readonly PaperRow[] | null;
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
): Promise<{ readonly counts: ViewCounts; readonly rows: PaperRow[] | null }> {
  return db.transaction('r', db.entries, db.paperSummaries, async () => {
    const counts = await getViewCounts(db);
    const rows = view === null ? null : await listPaperRows(db, view, sort);
    return { counts, rows };
  });
}

/** A stable key for a view and sort (tag views compare by tag id, not identity). */
function snapshotKey(view: LibraryView, sort: PaperSort): string {
  return `${typeof view === 'string' ? view : `tag:${view.tagId}`}\u0000${sort}`;
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

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!paced) {
    const db = getLibrary();
    const query = new PacedQuery<LibrarySnapshot>(
      db.name,
      async () => {
        const asked = requested;
        const read = await readLibrarySnapshot(db, asked?.view ?? null, asked?.sort ?? 'listing');
        return { ...read, key: asked?.key ?? null };
      },
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

/** Paper counts per status and in total, consistent with the rows `useViewRows` shows. */
export function useViewCounts(): ViewCounts | undefined {
  return useSyncExternalStore(subscribe, snapshot)?.counts;
}

/** Rows of a view, kept live; undefined until the rows of this very view and sort are read. */
export function useViewRows(view: LibraryView, sort: PaperSort): readonly PaperRow[] | undefined {
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
  return value?.key === key ? (value.rows ?? undefined) : undefined;
}
