import { useEffect } from 'react';
import type { ImportBatch, ImportNotice, MergeCounts } from '../../../../shared/import-types';
import type { PaperQueueApi } from '../../../../shared/ipc-contract';
import { describeDbError, getLibrary, mergeImportBatch } from '../../db';
import { showToast } from '../toasts/toast-store';

interface RunningImport {
  toastId: number;
  added: number;
  updated: number;
  unchanged: number;
}

function summary(counts: MergeCounts): string {
  return `${counts.added} new, ${counts.updated} updated, ${counts.unchanged} unchanged`;
}

/**
 * Connects main's import events to the library: each batch is merged in one transaction and only
 * then acknowledged, in arrival order (a promise chain serialises them; main keeps at most a couple
 * of batches in flight, so the next one is already here when a commit ends). Progress and a per-file
 * report are shown as toasts; a failed commit is reported to main, which keeps the file pending.
 */
export function useImportPipeline(api: PaperQueueApi): void {
  useEffect(() => {
    const running = new Map<string, RunningImport>();
    // Main may already have sent the next batch of an import whose commit failed; it is dropped.
    const failed = new Set<string>();
    let chain: Promise<void> = Promise.resolve();

    const commit = async (batch: ImportBatch): Promise<void> => {
      const { source } = batch;
      if (failed.has(source.importId)) {
        if (batch.index === batch.count - 1) failed.delete(source.importId);
        return;
      }
      let state = running.get(source.importId);
      if (!state) {
        state = {
          toastId: showToast({ kind: 'info', title: `Importing ${source.file}…`, progress: 0 }),
          added: 0,
          updated: 0,
          unchanged: 0,
        };
        running.set(source.importId, state);
      }
      try {
        const counts = await mergeImportBatch(getLibrary(), batch);
        state.added += counts.added;
        state.updated += counts.updated;
        state.unchanged += counts.unchanged;
        // Not awaited: the next batch is usually here already and commits while the ack travels.
        // Acks still leave in commit order; one that never arrives makes main time out and keep
        // the file pending, so nothing is lost.
        api
          .acknowledgeBatch({ importId: source.importId, index: batch.index, counts })
          .catch((error: unknown) => console.error('Could not acknowledge an import batch', error));
      } catch (error) {
        running.delete(source.importId);
        failed.add(source.importId);
        const message = describeDbError(error);
        await api.reportBatchFailure({ importId: source.importId, message }).catch(() => undefined);
        showToast(
          { kind: 'error', title: `Could not import ${source.file}`, detail: message },
          state.toastId,
        );
        return;
      }
      if (batch.index < batch.count - 1) {
        showToast(
          {
            kind: 'info',
            title: `Importing ${source.file}…`,
            progress: (batch.index + 1) / batch.count,
          },
          state.toastId,
        );
        return;
      }
      running.delete(source.importId);
      const warnings = batch.diagnostics.length;
      showToast(
        {
          kind: warnings > 0 ? 'warning' : 'success',
          title: `Imported ${source.file}`,
          detail: `${summary(state)}${warnings > 0 ? ` · ${warnings} warning${warnings === 1 ? '' : 's'} (see Import history)` : ''}`,
        },
        state.toastId,
      );
    };

    const onNotice = (notice: ImportNotice): void => {
      // A refused paste is reported by the paste handler, which can quote what was pasted.
      if (notice.origin === 'paste' && notice.kind === 'rejected') return;
      showToast({
        kind: notice.kind === 'already-imported' ? 'info' : 'error',
        title:
          notice.kind === 'rejected'
            ? `Not imported: ${notice.file}`
            : notice.kind === 'failed'
              ? `Import failed: ${notice.file}`
              : notice.file,
        detail: notice.message,
      });
    };

    const unsubscribeBatch = api.onImportBatch((batch) => {
      chain = chain.then(() => commit(batch));
    });
    const unsubscribeNotice = api.onImportNotice(onNotice);
    return () => {
      unsubscribeBatch();
      unsubscribeNotice();
    };
  }, [api]);
}
