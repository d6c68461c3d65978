import { useEffect } from 'react';
import type { ImportBatch } from '../../../../shared/import-types';
import type { PaperQueueApi } from '../../../../shared/ipc-contract';
import { describeDbError, getLibrary, mergeImportBatch, setImportRunWaiting } from '../../db';
import { showToast } from '../toasts/toast-store';
import { receiveProgress, runSummary } from './import-progress';

/**
 * Connects main's import events to the library. Each batch (papers of one or more files) is merged
 * in one transaction and only then acknowledged. A batch's merge starts as soon as it arrives, so
 * IndexedDB queues its transaction right behind the previous one instead of idling while the next
 * is prepared; acknowledgements still leave strictly in arrival order (IndexedDB commits
 * overlapping transactions in the order they were created). A failed commit is reported to main,
 * which keeps the files pending, and later batches of that stream are dropped. Progress arrives per
 * run (a drop, a scan), not per file: it feeds the activity indicator, and a finished run becomes
 * one summary toast.
 */
export function useImportPipeline(api: PaperQueueApi): void {
  useEffect(() => {
    const failedStreams = new Set<string>();
    let acknowledged: Promise<void> = Promise.resolve();

    const onBatch = (batch: ImportBatch): void => {
      const { streamId, index } = batch;
      if (failedStreams.has(streamId)) return;
      const committed = mergeImportBatch(getLibrary(), batch);
      // Handled in order below; this keeps a failure from counting as unhandled meanwhile.
      committed.catch(() => undefined);
      acknowledged = acknowledged.then(async () => {
        if (failedStreams.has(streamId)) return;
        try {
          const counts = await committed;
          // Not awaited: one that never arrives makes main time out and keep the files pending.
          api
            .acknowledgeBatch({ streamId, index, counts })
            .catch((error: unknown) =>
              console.error('Could not acknowledge an import batch', error),
            );
        } catch (error) {
          failedStreams.add(streamId);
          const message = describeDbError(error);
          await api.reportBatchFailure({ streamId, index, message }).catch(() => undefined);
        }
      });
    };

    const unsubscribeBatch = api.onImportBatch(onBatch);
    const unsubscribeProgress = api.onImportProgress((progress) => {
      receiveProgress(progress);
      setImportRunWaiting(progress.finishedAt === null && progress.filesDone < progress.filesTotal);
      if (progress.finishedAt === null) return;
      const summary = runSummary(progress);
      if (summary) showToast(summary);
    });
    return () => {
      unsubscribeBatch();
      unsubscribeProgress();
    };
  }, [api]);
}
