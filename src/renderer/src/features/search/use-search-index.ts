import { useEffect, useState } from 'react';
import { getLibrary, loadSearchDocuments, onLibraryChanged } from '../../db';
import { createSearchWorker, SearchClient } from '../../search/search-client';
import { showToast } from '../toasts/toast-store';

/**
 * Owns the search worker for the lifetime of the library screen: loads every paper into the index
 * once, then keeps it in step with the library by re-indexing only the papers each write touched
 * (the db change feed names them), so typing never waits for a rebuild. `revision` counts index
 * updates so open searches can re-run against the new index.
 */
export function useSearchIndex(): {
  readonly client: SearchClient | null;
  readonly revision: number;
} {
  const [client, setClient] = useState<SearchClient | null>(null);
  const [revision, setRevision] = useState(0);
  const bump = (): void => setRevision((value) => value + 1);
  useEffect(() => {
    const searchClient = new SearchClient(createSearchWorker());
    let live = true;
    let pending: Promise<void> = loadSearchDocuments(getLibrary())
      .then((docs) => {
        if (!live) return;
        searchClient.replaceAll(docs);
        bump();
      })
      .catch((error: unknown) => {
        showToast({
          kind: 'error',
          title: 'Search is unavailable',
          detail: error instanceof Error ? error.message : String(error),
        });
      });
    const unsubscribe = onLibraryChanged((ids, documents) => {
      pending = pending.then(async () => {
        if (!live) return;
        if (ids === 'all') {
          searchClient.replaceAll(await loadSearchDocuments(getLibrary()));
          bump();
          return;
        }
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
      });
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
