import { useEffect, useMemo, useReducer } from 'react';
import { changeSequence, onLibraryChanged } from './change-feed';
import {
  listSortableRows,
  readSortableRows,
  rowComparator,
  type LibraryView,
  type PaperRow,
  type PaperSort,
} from './list-rows';
import { usePendingStatus } from './optimistic-status';
import { getLibrary } from './schema';
import { useThrottledQuery } from './throttled-query';
import { ViewRowsModel, type RowsBase } from './view-rows-model';

/**
 * Changes naming more papers than this are left to the next full read (an import batch); smaller
 * ones (user actions, undo) are patched into the loaded list.
 */
const PATCH_LIMIT = 500;

/**
 * Only writes to the paper summaries (imports, restores) call for reading the whole view again:
 * user writes touch `entries` and `tags` only, and every one of them is announced on the change
 * feed with its paper ids, which are patched in instead.
 */
function needsFullRead(tables: ReadonlySet<string>): boolean {
  return tables.has('paperSummaries') || tables.has('papers');
}

/** A stable dependency key for a view (object views compare by tag id, not identity). */
function viewKey(view: LibraryView): string {
  return typeof view === 'string' ? view : `tag:${view.tagId}`;
}

/**
 * Rows of a view, kept live: a full (paged, throttled) read when imports change the library, a
 * patch of just the changed papers after a user action, and unconfirmed status changes shown at
 * once. Undefined until the first read.
 */
export function useViewRows(view: LibraryView, sort: PaperSort): PaperRow[] | undefined {
  const key = viewKey(view);
  const db = getLibrary();
  // `view` is represented by `key`, so an inline `{ tagId }` object does not re-query every render.
  const base = useThrottledQuery<RowsBase>(
    db.name,
    async () => {
      const since = changeSequence();
      return { since, rows: await listSortableRows(db, view, sort) };
    },
    [key, sort],
    needsFullRead,
  );
  const model = useMemo(
    () => new ViewRowsModel(view, rowComparator(view, sort), changeSequence()),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, sort],
  );
  const [version, bump] = useReducer((count: number) => count + 1, 0);

  useEffect(() => {
    if (base === undefined) return;
    model.setBase(base);
    bump();
  }, [base, model]);

  useEffect(() => {
    // Patches are read and applied one after another, in the order the changes were announced.
    let chain: Promise<void> = Promise.resolve();
    let live = true;
    const unsubscribe = onLibraryChanged((ids) => {
      const seq = changeSequence();
      chain = chain.then(async () => {
        if (!live) return;
        if (ids === 'all' || ids.length > PATCH_LIMIT) model.skip(seq);
        else model.applyPatch(seq, await readSortableRows(db, ids));
        if (live) bump();
      });
      chain = chain.catch((error: unknown) => console.error('Could not refresh the list', error));
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [db, model]);

  const pending = usePendingStatus();
  return useMemo(
    () => model.display(pending)?.map((item) => item.row),
    // `version` stands for the model's contents.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [model, version, pending],
  );
}
