import { app, dialog, type BrowserWindow } from 'electron';
import type { FlushResult } from './core/flush-requests';

/** How long closing the window waits for the renderer to save pending edits. */
const FLUSH_LIMIT_MS = 3000;

function confirmCloseUnsaved(window: BrowserWindow): boolean {
  const choice = dialog.showMessageBoxSync(window, {
    type: 'warning',
    buttons: ['Keep the Window Open', 'Close Without Saving'],
    defaultId: 0,
    cancelId: 0,
    message: 'A note could not be saved',
    detail:
      'Paper Queue could not save your latest note changes; the window says why. If you close it now, those changes are lost.',
  });
  return choice === 1;
}

/**
 * Holds the window's close (also when quitting) until the renderer has saved what is pending,
 * such as a note typed less than the autosave pause ago, waiting at most `FLUSH_LIMIT_MS` so a
 * hung renderer cannot keep the window open. When the renderer reports that something could not
 * be saved, the user chooses between keeping the window open and closing anyway.
 */
export function guardWindowClose(
  window: BrowserWindow,
  flush: (limitMs: number) => Promise<FlushResult>,
): void {
  let quitting = false;
  let flushing = false;
  let flushed = false;
  const onBeforeQuit = (): void => {
    quitting = true;
  };
  app.on('before-quit', onBeforeQuit);
  window.on('closed', () => app.removeListener('before-quit', onBeforeQuit));
  window.on('close', (event) => {
    if (flushed || window.webContents.isCrashed()) return;
    event.preventDefault();
    if (flushing) return;
    flushing = true;
    void flush(FLUSH_LIMIT_MS).then((result) => {
      flushing = false;
      if (window.isDestroyed()) return;
      if (result === 'failed' && !confirmCloseUnsaved(window)) {
        quitting = false;
        return;
      }
      flushed = true;
      if (quitting) app.quit();
      else window.close();
    });
  });
}
