import {
  dialog,
  type BrowserWindow,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import { BACKUP_FILTER, type BackupDialogs } from './core/backup/backup-dialogs';

/** Electron's native dialogs for backups, restores and exports, attached to the main window. */
export function createBackupDialogs(window: () => BrowserWindow | null): BackupDialogs {
  const showSave = async (options: SaveDialogOptions): Promise<string | null> => {
    const parent = window();
    const result = parent
      ? await dialog.showSaveDialog(parent, options)
      : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
  const showOpen = async (options: OpenDialogOptions): Promise<string | null> => {
    const parent = window();
    const result = parent
      ? await dialog.showOpenDialog(parent, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  return {
    chooseSavePath: (request) =>
      showSave({
        title: request.title,
        defaultPath: request.defaultName,
        filters: request.filters.map((filter) => ({
          ...filter,
          extensions: [...filter.extensions],
        })),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      }),
    chooseBackupFile: () =>
      showOpen({
        title: 'Restore from a backup',
        filters: [
          { ...BACKUP_FILTER, extensions: [...BACKUP_FILTER.extensions] },
          { name: 'All files', extensions: ['*'] },
        ],
        properties: ['openFile'],
      }),
    chooseExportFolder: () =>
      showOpen({
        title: 'Export into folder',
        properties: ['openDirectory', 'createDirectory'],
      }),
  };
}
