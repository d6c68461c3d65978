/**
 * The backup actions the menu and the Backups dialog share: back up now (with a toast for the
 * outcome) and the daily snapshot. Failures are shown in words; a failed backup leaves no file.
 */
import type { SavedFile } from '../../../../shared/backup-types';
import { errorMessage } from '../../../../shared/error-message';
import type { PaperQueueApi } from '../../../../shared/ipc-contract';
import { getLibrary, getViewCounts, isLibraryEmpty } from '../../db';
import { dismissToast, showToast } from '../toasts/toast-store';
import { backUpLibraryTo } from './backup-runner';
import { formatBytes, localDay, plural } from './format';

/** Asks where to save, writes a full backup and reports the outcome; null when cancelled. */
export async function backUpWithDialog(api: PaperQueueApi): Promise<SavedFile | null> {
  const toastId = showToast({ kind: 'info', title: 'Backing up the library…', sticky: true });
  try {
    const papers = (await getViewCounts(getLibrary())).all;
    const saved = await backUpLibraryTo(api, getLibrary(), 'manual');
    if (saved === null) {
      dismissToast(toastId);
      return null;
    }
    showToast(
      {
        kind: 'success',
        title: `Backed up ${plural(papers, 'paper')}`,
        detail: `${saved.path} (${formatBytes(saved.bytes)})`,
      },
      toastId,
    );
    return saved;
  } catch (error) {
    showToast(
      {
        kind: 'error',
        title: 'Could not back up the library',
        detail: `${errorMessage(error)} No backup file was written.`,
      },
      toastId,
    );
    return null;
  }
}

/**
 * Writes today's snapshot unless one exists or the library is empty (nothing to protect).
 * Returns whether it wrote one. Throws when writing failed.
 */
export async function takeDailySnapshot(api: PaperQueueApi, now = new Date()): Promise<boolean> {
  const today = localDay(now);
  const snapshots = await api.listSnapshots();
  if (snapshots.some((s) => s.kind === 'daily' && localDay(new Date(s.createdAt)) === today))
    return false;
  if (await isLibraryEmpty(getLibrary())) return false;
  return (await backUpLibraryTo(api, getLibrary(), 'daily')) !== null;
}
