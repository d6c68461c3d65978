/**
 * Backups of the library: streaming it out (`backUpLibrary`, the pre-upgrade snapshot), reading
 * a backup back with full validation (`readBackupRows`), the restore preview and the two restore
 * modes. Everything outside db/ reaches these through db/index.ts.
 */
import { CURRENT_SCHEMA_VERSION, type LibraryDb } from '../schema';
import { BACKUP_TABLES } from './backup-records';
import { dumpTables, type BackupSink } from './dump-tables';

export type { BackupRows } from './backup-records';
export type { BackupSink } from './dump-tables';
export { KEPT_NOTE_MARKER } from './merge-records';
export { snapshotBeforeUpgrade, type SnapshotWriter, type TableDump } from './pre-upgrade-snapshot';
export { readBackupRows } from './read-backup';
export type { MergeCounts as RestoreMergeCounts, ReplaceCounts } from './restore-plan';
export {
  mergeRestore,
  previewRestore,
  replaceRestore,
  type RestorePreview,
} from './restore-repository';

/** The schema version of the rows `backUpLibrary` writes. */
export const BACKUP_SCHEMA_VERSION = CURRENT_SCHEMA_VERSION;

/**
 * Streams the whole library (tags, papers with their sources and upvote history, entries, import
 * history, settings) into `sink` as backup record lines, from one consistent read. Returns rows
 * per table.
 */
export function backUpLibrary(db: LibraryDb, sink: BackupSink): Promise<Record<string, number>> {
  return dumpTables(db, BACKUP_TABLES, sink);
}

/** True when the library holds no paper and no tag: a snapshot of it would protect nothing. */
export async function isLibraryEmpty(db: LibraryDb): Promise<boolean> {
  return db.transaction('r', db.papers, db.tags, async () => {
    return (await db.papers.count()) === 0 && (await db.tags.count()) === 0;
  });
}
