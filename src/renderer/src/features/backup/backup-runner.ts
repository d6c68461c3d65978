/**
 * Writing and reading backups through main: the renderer streams record lines into a write
 * session (main adds the envelope and renames the file into place) and reads a verified backup
 * back chunk by chunk. Used by the menu commands, the daily and pre-upgrade snapshots, the
 * snapshot before a restore, the tests and the benchmark.
 */
import type { BackupHeader, BackupKind } from '../../../../shared/backup-format';
import { BackupRefusal } from '../../../../shared/backup-format';
import type { BackupSource, SavedFile } from '../../../../shared/backup-types';
import type { PaperQueueApi } from '../../../../shared/ipc-contract';
import {
  BACKUP_SCHEMA_VERSION,
  backUpLibrary,
  readBackupRows,
  type BackupRows,
  type LibraryDb,
  type TableDump,
} from '../../db';

/**
 * Streams `dump` into a new backup of `kind` and commits it; null when the user cancelled the save
 * dialog. On any failure the session is aborted (main removes the temporary file) and the error
 * rethrown.
 */
export async function writeBackup(
  api: PaperQueueApi,
  kind: BackupKind,
  schemaVersion: number,
  dump: TableDump,
): Promise<SavedFile | null> {
  const session = await api.beginBackup({ kind, schemaVersion });
  if (session === null) return null;
  const { sessionId } = session;
  try {
    const tables = await dump({
      append: async (seq, text) => {
        await api.appendBackup({ sessionId, seq, text });
      },
    });
    return await api.commitBackup({ sessionId, tables });
  } catch (error) {
    await api.abortBackup({ sessionId }).catch(() => undefined);
    throw error;
  }
}

/** Backs up the whole library `db` as a backup of `kind` (see `writeBackup`). */
export function backUpLibraryTo(
  api: PaperQueueApi,
  db: LibraryDb,
  kind: BackupKind,
): Promise<SavedFile | null> {
  return writeBackup(api, kind, BACKUP_SCHEMA_VERSION, (sink) => backUpLibrary(db, sink));
}

/** A backup read back and validated, refused with a reason, or not chosen. */
export type LoadedBackup =
  | {
      readonly status: 'ready';
      readonly fileName: string;
      readonly bytes: number;
      readonly header: BackupHeader;
      readonly rows: BackupRows;
    }
  | { readonly status: 'refused'; readonly fileName: string; readonly reason: string }
  | { readonly status: 'cancelled' };

/**
 * Opens a backup through main (which verifies its envelope and checksum), reads every record and
 * validates them all. Nothing is written anywhere: a refusal changes nothing.
 */
export async function loadBackup(
  api: PaperQueueApi,
  source: BackupSource,
  onProgress?: (records: number, total: number) => void,
): Promise<LoadedBackup> {
  const opened = await api.openBackup(source);
  if (opened.status !== 'opened') return opened;
  const { readerId, fileName, bytes, header, trailer } = opened;
  try {
    const rows = await readBackupRows(
      header,
      trailer,
      () => api.readBackup({ readerId }),
      (records) => onProgress?.(records, trailer.records),
    );
    return { status: 'ready', fileName, bytes, header, rows };
  } catch (error) {
    if (error instanceof BackupRefusal)
      return { status: 'refused', fileName, reason: error.message };
    throw error;
  } finally {
    await api.closeBackup({ readerId }).catch(() => undefined);
  }
}
