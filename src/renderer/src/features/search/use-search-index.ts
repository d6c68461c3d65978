import { errorMessage } from '../../../../shared/error-message';
import { useEffect, useState } from 'react';
import { getLibrary, loadSearchDocuments, onLibraryChanged } from '../../db';
import { createSearchWorker, SearchClient } from '../../search/search-client';
import { showToast } from '../toasts/toast-store';

/**
 * Owns the search worker for the lifetime of the library screen: loads every paper into the index
 * once, then keeps it in step with the library by re-indexing only the papers each write touched
 * (the db change feed names them), so typing never waits for a rebuild. If the worker reports a
 * failed index change (its buffered changes are then lost), the index is rebuilt from the library.
 * `revision` counts index updates so open searches can re-run against the new index.
 */
export function useSearchIndex(): {
  readonly client: SearchClient | null;
  readonly revision: number;
} {
  const [client, setClient] = useState<SearchClient | null>(null);
  const [revision, setRevision] = useState(0);
  const bump = (): void => setRevision((value) => value + 1);
  useEffect(() => {
    let live = true;
    // One rebuild from the library is allowed after a failed index change; a successful change
    // allows the next. A failure right after a rebuild is reported instead of retried forever.
    let rebuildAllowed = true;
    const report = (title: string, error: unknown): void => {
      if (!live) return;
      const detail = errorMessage(error);
      showToast({ kind: 'error', title, detail });
    };
    const rebuild = async (): Promise<void> => {
      const docs = await loadSearchDocuments(getLibrary());
      if (!live) return;
      searchClient.replaceAll(docs);
      bump();
    };
    // Steps run one after another; a failed step is reported and does not stop later ones.
    let pending: Promise<void> = Promise.resolve();
    const enqueue = (step: () => Promise<void>, failureTitle: string): void => {
      pending = pending.then(step).catch((error: unknown) => report(failureTitle, error));
    };
    const searchClient = new SearchClient(createSearchWorker(), {
      onReady: () => {
        rebuildAllowed = true;
      },
      onError: (message) => {
        if (!rebuildAllowed) {
          report('Search index could not be updated', message);
          return;
        }
        rebuildAllowed = false;
        enqueue(rebuild, 'Search is unavailable');
      },
    });
    enqueue(rebuild, 'Search is unavailable');
    const unsubscribe = onLibraryChanged((ids, documents) => {
      if (ids === 'all') {
        enqueue(rebuild, 'Search index could not be updated');
        return;
      }
      enqueue(async () => {
        if (!live) return;
        // Documents that came with the change are current; only the others are read back.
        const supplied = new Set(documents.map((doc) => doc.id));
        const toLoad = ids.filter((id) => !supplied.has(id));
        const loaded = toLoad.length > 0 ? await loadSearchDocuments(getLibrary(), toLoad) : [];
        if (!live) return;
        const found = new Set(loaded.map((doc) => doc.id));
        searchClient.upsert([...documents, ...loaded]);
        const gone = toLoad.filter((id) => !found.has(id));
        if (gone.length > 0) searchClient.remove(gone);
        bump();
      }, 'Search index could not be updated');
    });
    setClient(searchClient);
    return () => {
      live = false;
      unsubscribe();
      searchClient.dispose();
    };
  }, []);
  return { client, revision };
}
