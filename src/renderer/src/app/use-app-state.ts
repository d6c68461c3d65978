import { useCallback, useEffect, useState } from 'react';
import type { InboxStatus } from '../../../shared/import-types';
import type { PaperQueueApi } from '../../../shared/ipc-contract';
import type { AppSettings, MenuCommand } from '../../../shared/settings';
import { getLibrary, libraryHello, requestPersistentStorage, type PersistenceAnswer } from '../db';
import { recoverNoteDrafts } from '../features/notes/note-drafts';
import { showToast } from '../features/toasts/toast-store';
import { errorMessage } from '../../../shared/error-message';

/** Settings, inbox status and the actions every screen needs. */
export interface AppState {
  readonly settings: AppSettings | null;
  readonly inbox: InboxStatus | null;
  readonly persistence: PersistenceAnswer | null;
  readonly busy: boolean;
  readonly loadSamples: () => void;
  readonly importFiles: () => void;
  readonly openInbox: () => void;
  readonly chooseInbox: () => void;
  readonly reimportInbox: () => void;
}

function reportError(title: string) {
  return (error: unknown): void => {
    showToast({
      kind: 'error',
      title,
      detail: errorMessage(error),
    });
  };
}

/**
 * Loads settings, tells main the renderer is ready (which starts the startup scan and any pending
 * imports), follows the inbox status and dispatches menu commands that need no view state.
 */
export function useAppState(api: PaperQueueApi, onMenu: (command: MenuCommand) => void): AppState {
  const [settings, setSettings] = useState<AppSettings | null>(null);
  const [inbox, setInbox] = useState<InboxStatus | null>(null);
  const [persistence, setPersistence] = useState<PersistenceAnswer | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback((title: string, action: () => Promise<unknown>) => {
    setBusy(true);
    action()
      .catch(reportError(title))
      .finally(() => setBusy(false));
  }, []);

  const loadSamples = useCallback(
    () => run('Could not load the samples', () => api.importSamples()),
    [api, run],
  );
  const importFiles = useCallback(
    () => run('Could not import', () => api.pickFilesToImport()),
    [api, run],
  );
  const openInbox = useCallback(() => {
    api.revealInboxFolder().catch(reportError('Could not open the inbox folder'));
  }, [api]);
  const chooseInbox = useCallback(() => {
    api
      .chooseInboxFolder()
      .then((next) => {
        if (next) setSettings(next);
      })
      .catch(reportError('Could not change the inbox folder'));
  }, [api]);

  const reimportInbox = useCallback(
    () =>
      run('Could not re-import the inbox', async () => {
        const { queued } = await api.reimportInbox();
        if (queued === 0) {
          showToast({ kind: 'info', title: 'The inbox folder holds no files to import.' });
        }
      }),
    [api, run],
  );

  useEffect(() => {
    let live = true;
    api
      .getSettings()
      .then((value) => live && setSettings(value), reportError('Could not read settings'));
    const unsubscribeStatus = api.onInboxStatus((status) => setInbox(status));
    void recoverNoteDrafts();
    libraryHello(getLibrary())
      .then((hello) => api.rendererReady(hello))
      .then((status) => live && setInbox(status), reportError('Could not start importing'));
    requestPersistentStorage().then(
      (answer) => live && setPersistence(answer),
      () => undefined,
    );
    return () => {
      live = false;
      unsubscribeStatus();
    };
  }, [api]);

  useEffect(() => {
    return api.onMenuCommand((command) => {
      if (command === 'import-files') importFiles();
      else if (command === 'load-samples') loadSamples();
      else if (command === 'open-inbox-folder') openInbox();
      else if (command === 'choose-inbox-folder') chooseInbox();
      else if (command === 'reimport-inbox') reimportInbox();
      else onMenu(command);
    });
  }, [api, importFiles, loadSamples, openInbox, chooseInbox, reimportInbox, onMenu]);

  return {
    settings,
    inbox,
    persistence,
    busy,
    loadSamples,
    importFiles,
    openInbox,
    chooseInbox,
    reimportInbox,
  };
}
