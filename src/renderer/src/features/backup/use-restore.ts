import { useCallback, useEffect, useState } from 'react';
import type { BackupSource } from '../../../../shared/backup-types';
import { errorMessage } from '../../../../shared/error-message';
import type { PaperQueueApi } from '../../../../shared/ipc-contract';
import {
  describeDbError,
  getLibrary,
  isLibraryEmpty,
  libraryHello,
  mergeRestore,
  previewRestore,
  replaceRestore,
  type RestorePreview,
} from '../../db';
import { showToast } from '../toasts/toast-store';
import { clearUndo } from '../undo/undo-stack';
import { backUpLibraryTo, loadBackup, type LoadedBackup } from './backup-runner';
import { plural } from './format';

/** How a restore treats the current library. */
export type RestoreMode = 'merge' | 'replace';

/** Where a restore is: reading and checking the file, refused, previewed, writing, or failed. */
export type RestoreState =
  | { readonly phase: 'reading'; readonly records: number; readonly total: number }
  | { readonly phase: 'refused'; readonly fileName: string; readonly reason: string }
  | {
      readonly phase: 'ready';
      readonly backup: Extract<LoadedBackup, { status: 'ready' }>;
      readonly preview: RestorePreview;
    }
  | { readonly phase: 'restoring'; readonly step: string }
  | { readonly phase: 'failed'; readonly message: string };

/**
 * Loads and previews a backup, then restores it on `restore(mode)`: first a 'pre-restore'
 * snapshot of the current library (skipped when the library is empty; if it fails, nothing is
 * restored), then the merge or replace in one transaction. `onFinished` closes the dialog.
 */
export function useRestore(
  api: PaperQueueApi,
  source: BackupSource,
  onFinished: () => void,
): { readonly state: RestoreState; readonly restore: (mode: RestoreMode) => void } {
  const [state, setState] = useState<RestoreState>({ phase: 'reading', records: 0, total: 0 });
  useEffect(() => {
    let live = true;
    const load = async (): Promise<void> => {
      const loaded = await loadBackup(api, source, (records, total) => {
        if (live) setState({ phase: 'reading', records, total });
      });
      if (!live) return;
      if (loaded.status === 'cancelled') onFinished();
      else if (loaded.status === 'refused') setState({ phase: 'refused', ...loaded });
      else
        setState({
          phase: 'ready',
          backup: loaded,
          preview: await previewRestore(getLibrary(), loaded.rows),
        });
    };
    load().catch(
      (error: unknown) => live && setState({ phase: 'failed', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
    // `source` is compared by value: an inline object must not reload the file every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, JSON.stringify(source), onFinished]);

  const restore = useCallback(
    (mode: RestoreMode) => {
      if (state.phase !== 'ready') return;
      const { backup } = state;
      const run = async (): Promise<void> => {
        const db = getLibrary();
        if (!(await isLibraryEmpty(db))) {
          setState({ phase: 'restoring', step: 'Saving a snapshot of the current library…' });
          try {
            await backUpLibraryTo(api, db, 'pre-restore');
          } catch (error) {
            throw new Error(
              `Could not save a snapshot of the current library first, so nothing was restored: ${errorMessage(error)}`,
              { cause: error },
            );
          }
        }
        setState({ phase: 'restoring', step: 'Restoring…' });
        try {
          if (mode === 'merge') await mergeRestore(db, backup.rows);
          else await replaceRestore(db, backup.rows);
        } catch (error) {
          throw new Error(`${describeDbError(error)} The library is as it was before.`, {
            cause: error,
          });
        }
        showToast({
          kind: 'success',
          title: `Restored ${plural(backup.rows.papers.length, 'paper')} from ${backup.fileName}`,
          detail: mode === 'merge' ? 'Merged into the library.' : 'The library was replaced.',
        });
        if (mode === 'replace') {
          // Undo records describe the library that was replaced; applied now they would mix it in.
          clearUndo();
          await announceReplacedLibrary(api);
        }
        onFinished();
      };
      run().catch((error: unknown) => setState({ phase: 'failed', message: errorMessage(error) }));
    },
    [api, state, onFinished],
  );
  return { state, restore };
}

/**
 * A replaced library has a new identity: announcing it makes main re-offer every inbox file the
 * backup may lack (files imported after it was taken). The restore itself already succeeded, so a
 * failure here is a notice with the manual way out, not a failed restore.
 */
async function announceReplacedLibrary(api: PaperQueueApi): Promise<void> {
  try {
    await api.rendererReady(await libraryHello(getLibrary()));
  } catch (error) {
    showToast({
      kind: 'error',
      title: 'The inbox could not be checked for papers the backup lacks',
      detail: `${errorMessage(error)} Use File → Re-import the Inbox.`,
    });
  }
}
