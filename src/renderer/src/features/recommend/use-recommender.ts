import { errorMessage } from '../../../../shared/error-message';
import { useEffect, useState } from 'react';
import { getLibrary, loadSearchDocuments, onLibraryChanged } from '../../db';
import { createRecommendClient, type RecommendClient } from '../../recommend/recommend-client';
import { showToast } from '../toasts/toast-store';

/**
 * Owns the recommend worker for the lifetime of the library screen: loads every paper once
 * (through the same db projection the search index uses), then sends only the papers each write
 * touched, as the change feed names them, so the model retrains on the next question after a
 * triage decision. `revision` counts the changes sent, so open answers (For-you order, similar
 * papers, tag suggestions) can be asked again.
 */
export function useRecommender(): {
  readonly client: RecommendClient | null;
  readonly revision: number;
} {
  const [client, setClient] = useState<RecommendClient | null>(null);
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    let live = true;
    const report = (error: unknown): void => {
      if (!live) return;
      const detail = errorMessage(error);
      showToast({ kind: 'error', title: 'Recommendations could not be updated', detail });
    };
    const recommender = createRecommendClient(report);
    const bump = (): void => {
      if (live) setRevision((value) => value + 1);
    };
    let pending: Promise<void> = Promise.resolve();
    const enqueue = (step: () => Promise<void>): void => {
      pending = pending.then(step).then(bump).catch(report);
    };
    const rebuild = async (): Promise<void> => {
      const docs = await loadSearchDocuments(getLibrary());
      if (live) recommender.replaceAll(docs);
    };
    enqueue(rebuild);
    const unsubscribe = onLibraryChanged((ids, documents) => {
      if (ids === 'all') {
        enqueue(rebuild);
        return;
      }
      enqueue(async () => {
        const supplied = new Set(documents.map((doc) => doc.id));
        const toLoad = ids.filter((id) => !supplied.has(id));
        const loaded = toLoad.length > 0 ? await loadSearchDocuments(getLibrary(), toLoad) : [];
        if (!live) return;
        const found = new Set(loaded.map((doc) => doc.id));
        recommender.upsert([...documents, ...loaded]);
        const gone = toLoad.filter((id) => !found.has(id));
        if (gone.length > 0) recommender.remove(gone);
      });
    });
    setClient(recommender);
    return () => {
      live = false;
      unsubscribe();
      recommender.dispose();
    };
  }, []);
  return { client, revision };
}
