import { useEffect } from 'react';
import { errorMessage } from '../../../../shared/error-message';
import type { PaperQueueApi } from '../../../../shared/ipc-contract';
import { isImportActive } from '../../db';
import { showToast } from '../toasts/toast-store';
import { takeDailySnapshot } from './backup-actions';

/** How soon after start the first check runs (the window has settled by then). */
const FIRST_CHECK_MS = 1500;
/** How often the check runs while the app stays open (it crosses midnight). */
const CHECK_EVERY_MS = 15 * 60 * 1000;
/** While an import commits, the check waits this long and tries again. */
const IMPORT_RETRY_MS = 10 * 1000;

/**
 * One snapshot a day while the app runs: shortly after start and then every quarter of an hour,
 * a daily snapshot is written unless today's exists (main rotates old ones). It waits while an
 * import is committing, since its read would hold the import's writes back. A failure is shown once.
 * `onWritten` is told after each snapshot (the Backups dialog refreshes its list).
 */
export function useDailySnapshot(api: PaperQueueApi, onWritten: () => void): void {
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let reported = false;
    const schedule = (ms: number): void => {
      timer = setTimeout(() => void check(), ms);
    };
    const check = async (): Promise<void> => {
      if (!live) return;
      if (isImportActive()) {
        schedule(IMPORT_RETRY_MS);
        return;
      }
      try {
        if (await takeDailySnapshot(api)) onWritten();
      } catch (error) {
        if (!reported) {
          reported = true;
          showToast({
            kind: 'error',
            title: "Could not write today's snapshot",
            detail: `${errorMessage(error)} Paper Queue will try again later.`,
          });
        }
      }
      if (live) schedule(CHECK_EVERY_MS);
    };
    schedule(FIRST_CHECK_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, onWritten]);
}
