import { useCallback, useEffect, useState } from 'react';
import type { BackupSource } from '../../../../shared/backup-types';
import { errorMessage } from '../../../../shared/error-message';
import type { PaperQueueApi } from '../../../../shared/ipc-contract';
import { showToast } from '../toasts/toast-store';
import { backUpWithDialog } from './backup-actions';
import './backup.css';
import { BackupsDialog } from './BackupsDialog';
import { ExportDialog } from './ExportDialog';
import { RestoreDialog } from './RestoreDialog';
import { useDailySnapshot } from './use-daily-snapshot';

/**
 * Backups, snapshots, restores and exports: answers the File menu commands (Back Up Library…,
 * Restore from Backup…, Export…, Show Backups, Open Snapshots Folder), writes the daily snapshot,
 * and shows the Backups, Restore and Export dialogs. Mounted once by the app shell.
 */
export function BackupCenter({ api }: { readonly api: PaperQueueApi }): React.JSX.Element {
  const [showBackups, setShowBackups] = useState(false);
  const [restoring, setRestoring] = useState<BackupSource | null>(null);
  const [exporting, setExporting] = useState(false);
  const [revision, setRevision] = useState(0);
  const refresh = useCallback(() => setRevision((n) => n + 1), []);
  useDailySnapshot(api, refresh);

  const backUp = useCallback(() => {
    void backUpWithDialog(api).then(refresh);
  }, [api, refresh]);
  const closeRestore = useCallback(() => {
    setRestoring(null);
    refresh();
  }, [refresh]);

  useEffect(
    () =>
      api.onMenuCommand((command) => {
        if (command === 'back-up-library') backUp();
        else if (command === 'restore-backup') setRestoring({ kind: 'file' });
        else if (command === 'show-backups') setShowBackups(true);
        else if (command === 'export-library') setExporting(true);
        else if (command === 'open-snapshots-folder') {
          api.revealSnapshots().catch((error: unknown) =>
            showToast({
              kind: 'error',
              title: 'Could not open the snapshots folder',
              detail: errorMessage(error),
            }),
          );
        }
      }),
    [api, backUp],
  );

  return (
    <>
      {showBackups && restoring === null ? (
        <BackupsDialog
          api={api}
          revision={revision}
          onBackUp={backUp}
          onRestoreFile={() => setRestoring({ kind: 'file' })}
          onRestoreSnapshot={(name) => setRestoring({ kind: 'snapshot', name })}
          onClose={() => setShowBackups(false)}
        />
      ) : null}
      {restoring ? <RestoreDialog api={api} source={restoring} onClose={closeRestore} /> : null}
      {exporting ? <ExportDialog api={api} onClose={() => setExporting(false)} /> : null}
    </>
  );
}
