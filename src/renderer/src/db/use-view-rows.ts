import { useEffect, useMemo, useReducer, useRef } from 'react';
import { changeSequence, onLibraryChanged } from './change-feed';
import { cachedFirstRows, FIRST_ROWS, rememberFirstRows } from './first-rows-cache';
import { rereadViewRows, useViewRowsBase } from './library-snapshot';
import {
  readPaperRows,
  rowComparator,
  type LibraryView,
  type PaperRow,
  type PaperSort,
} from './list-rows';
import { usePendingStatus } from './optimistic-status';
import { getLibrary } from './schema';
import { ViewRowsModel } from './view-rows-model';

/**
 * Changes naming more papers than this are left to the next full read (an import batch); smaller
 * ones (user actions, undo) are patched into the loaded list.
 */
const PATCH_LIMIT = 500;

/** The first rows are remembered this long after the list last changed. */
const REMEMBER_AFTER_MS = 800;

/** A stable dependency key for a view (object views compare by tag id, not identity). */
function viewKey(view: LibraryView): string {
  return typeof view === 'string' ? view : `tag:${view.tagId}`;
}

/** The rows of a view and whether they are all of them. */
export interface ViewRows {
  /** Undefined until the first rows are known. */
  readonly rows: PaperRow[] | undefined;
  /** False while only the remembered first rows of an earlier run are shown (cold start). */
  readonly complete: boolean;
}

/**
 * Rows of a view, kept live: a full (paged, paced) read, together with the counts, when imports
 * change the library (see `library-snapshot.ts`), a patch of just the changed papers after a user
 * action, and unconfirmed status changes shown at once. Until the first full read, the first rows
 * remembered from an earlier run are shown.
 */
export function useViewRows(view: LibraryView, sort: PaperSort): ViewRows {
  const key = viewKey(view);
  const db = getLibrary();
  const base = useViewRowsBase(view, sort);
  const cacheKey = `${key}|${sort}`;
  const model = useMemo(
    () =>
      new ViewRowsModel(
        view,
        rowComparator(view, sort),
        changeSequence(),
        cachedFirstRows(cacheKey),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [cacheKey],
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
        if (ids === 'all' || ids.length > PATCH_LIMIT) {
          model.skip(seq);
          rereadViewRows();
        } else model.applyPatch(seq, await readPaperRows(db, ids));
        if (live) bump();
      });
      chain = chain.catch((error: unknown) => console.error('Could not refresh the list', error));
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [db, model]);

  useEffect(() => {
    if (!model.fullyRead) return undefined;
    const remember = (): void =>
      rememberFirstRows(cacheKey, model.display([])?.slice(0, FIRST_ROWS) ?? []);
    const timer = setTimeout(remember, REMEMBER_AFTER_MS);
    window.addEventListener('pagehide', remember);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pagehide', remember);
    };
  }, [model, version, cacheKey]);

  const pending = usePendingStatus();
  const shown = useRef<PaperRow[] | undefined>(undefined);
  const rows = useMemo(() => {
    const next = model.display(pending) ?? undefined;
    // A patch or settled write that changes nothing on screen (the triaged paper already left
    // the view) keeps the same array, so nothing below re-renders for it.
    if (next && shown.current && sameRows(next, shown.current)) return shown.current;
    shown.current = next;
    return next;
    // `version` stands for the model's contents.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model, version, pending]);
  return { rows, complete: model.fullyRead };
}

function sameRows(a: readonly PaperRow[], b: readonly PaperRow[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}
