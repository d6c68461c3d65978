import { errorMessage } from '../../../../shared/error-message';
import { useEffect, useState } from 'react';
import { getLibrary, loadSearchDocuments, onLibraryChanged } from '../../db';
import { createRecommendClient, type RecommendClient } from '../../recommend/recommend-client';
import { showToast } from '../toasts/toast-store';

/** Time after the library screen opens before the recommender loads the library. */
const START_DELAY_MS = 4000;
/** Quiet time after a few changes (triage) before they are sent. */
const QUIET_MS = 250;
/** Pending changes this many or more look like an import: wait for it to pause. */
const IMPORT_SIZED = 500;
const IMPORT_QUIET_MS = 3000;
/** From this many changed papers on, reloading everything is cheaper than per-id reads. */
const REBUILD_FROM_IDS = 5000;

/**
 * Owns the recommend worker for the lifetime of the library screen: loads every paper once
 * (through the same db projection the search index uses), then sends only the papers each write
 * touched, as the change feed names them, so the model retrains on the next question after a
 * triage decision. `revision` counts the changes sent, so open answers (For-you order, similar
 * papers, tag suggestions) can be asked again. Changes are gathered until the library is quiet
 * (briefly after a triage decision, longer during an import), so an import of thousands of papers
 * is sent once at its end instead of batch by batch, competing with the import for both cores.
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
    // Loading every paper costs seconds of both cores at 50k: it waits until the window has shown
    // its lists and the search index has been built, which the user is waiting for.
    let started = false;
    const start = setTimeout(() => {
      started = true;
      enqueue(rebuild);
    }, START_DELAY_MS);
    const changed = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const sendChanged = (): void => {
      const ids = [...changed];
      changed.clear();
      if (ids.length >= REBUILD_FROM_IDS) {
        enqueue(rebuild);
        return;
      }
      enqueue(async () => {
        const loaded = await loadSearchDocuments(getLibrary(), ids);
        if (!live) return;
        const found = new Set(loaded.map((doc) => doc.id));
        recommender.upsert(loaded);
        const gone = ids.filter((id) => !found.has(id));
        if (gone.length > 0) recommender.remove(gone);
      });
    };
    const unsubscribe = onLibraryChanged((ids) => {
      if (!started) return;
      clearTimeout(timer);
      if (ids === 'all') {
        changed.clear();
        enqueue(rebuild);
        return;
      }
      for (const id of ids) changed.add(id);
      timer = setTimeout(sendChanged, changed.size >= IMPORT_SIZED ? IMPORT_QUIET_MS : QUIET_MS);
    });
    setClient(recommender);
    return () => {
      live = false;
      clearTimeout(start);
      clearTimeout(timer);
      unsubscribe();
      recommender.dispose();
    };
  }, []);
  return { client, revision };
}
