import type { ExportFormat } from '../../../shared/backup-types';

/** A file type offered in a save or open dialog. */
export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

/** What a save dialog shows. */
export interface SaveDialogRequest {
  readonly title: string;
  readonly defaultName: string;
  readonly filters: readonly FileFilter[];
}

/**
 * The native dialogs backups and exports need, implemented by Electron in the app and scripted by
 * the e2e bridge. Each resolves to an absolute path, or null when the user cancelled.
 */
export interface BackupDialogs {
  chooseSavePath(request: SaveDialogRequest): Promise<string | null>;
  chooseBackupFile(): Promise<string | null>;
  chooseExportFolder(): Promise<string | null>;
}

/** The filter of a backup file in save and open dialogs. */
export const BACKUP_FILTER: FileFilter = { name: 'Paper Queue backups', extensions: ['json'] };

/** File extension and dialog filter of each single-file export format. */
export const EXPORT_FILTERS: Readonly<Record<ExportFormat, FileFilter>> = {
  markdown: { name: 'Markdown', extensions: ['md'] },
  csv: { name: 'CSV (comma-separated values)', extensions: ['csv'] },
  bibtex: { name: 'BibTeX', extensions: ['bib'] },
  'csl-json': { name: 'CSL-JSON', extensions: ['json'] },
};
