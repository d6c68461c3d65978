/**
 * In-process notification of committed library changes, for consumers that keep derived state
 * outside IndexedDB (the search index re-indexes only the papers named here).
 * Invariant: write functions call `emitLibraryChanged` only after their transaction committed.
 */
import { markUserWrite } from './import-activity';
import type { LibrarySearchDocument } from './search-documents';

/** Affected paper ids, or 'all' when every paper may be affected. */
export type LibraryChange = readonly string[] | 'all';

/**
 * Receives the ids of papers whose searchable data may have changed, and the current search
 * documents of some of them (`documents`, possibly empty), built from the committed records so
 * listeners need not read those papers back: an import of 1000 new papers would otherwise read
 * back every abstract it just wrote, competing with the next batch for IndexedDB.
 */
export type LibraryChangeListener = (
  paperIds: LibraryChange,
  documents: readonly LibrarySearchDocument[],
) => void;

const listeners = new Set<LibraryChangeListener>();
let sequence = 0;

/**
 * How many changes have been announced so far. Data read after this returned `n` includes every
 * change up to `n`, so views can tell which of their patches and optimistic overlays are outdated.
 */
export function changeSequence(): number {
  return sequence;
}

/**
 * Subscribes to committed changes; returns the unsubscribe function. Listeners run synchronously
 * after the commit; an exception in one listener is reported and does not affect the others.
 */
export function onLibraryChanged(listener: LibraryChangeListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Who made a change: the user (an action, an undo) or an import. */
export type ChangeOrigin = 'user' | 'import';

/**
 * Notifies every listener; an empty id list notifies nobody (nothing changed). `documents` must
 * describe papers in `paperIds` exactly as committed. A user change is also recorded in the import
 * activity, so views show it at once even while an import is running.
 */
export function emitLibraryChanged(
  paperIds: LibraryChange,
  documents: readonly LibrarySearchDocument[] = [],
  origin: ChangeOrigin = 'user',
): void {
  if (paperIds !== 'all' && paperIds.length === 0) return;
  if (origin === 'user') markUserWrite();
  sequence += 1;
  for (const listener of [...listeners]) {
    try {
      listener(paperIds, documents);
    } catch (error) {
      console.error('A library change listener failed', error);
    }
  }
}
