/**
 * Backups of an older library schema (the snapshot taken before an upgrade, or a backup written
 * by an older app) are upgraded by the app's own migrations: the rows are written into a scratch
 * database declared with the old schema, which is then opened as the current library (running
 * every migration since), read back and validated like any backup, and deleted. The user's
 * library is never touched by this.
 */
import { errorMessage } from '../../../../shared/error-message';
import { Dexie } from 'dexie';
import { BackupRefusal } from '../../../../shared/backup-format';
import { LibraryDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5 } from '../schema';
import { BACKUP_TABLES, BackupRowCollector, type BackupRows } from './backup-records';

/** Every published schema by version number (index 0 = version 1). */
const SCHEMAS: readonly Readonly<Record<string, string>>[] = [
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
];

/** Upgrades raw rows of schema `version` to the current schema and validates them. */
export async function upgradeLegacyRows(
  version: number,
  raw: ReadonlyMap<string, unknown[]>,
): Promise<BackupRows> {
  if (version > SCHEMAS.length || version < 1)
    throw new BackupRefusal(`This backup has an unknown library version (${version}).`);
  const name = `paper-queue-restore-${crypto.randomUUID()}`;
  const scratch = new Dexie(name);
  SCHEMAS.slice(0, version).forEach((schema, i) => scratch.version(i + 1).stores(schema));
  try {
    await scratch.open();
    const known = new Set(scratch.tables.map((table) => table.name));
    await scratch.transaction('rw', scratch.tables, async () => {
      for (const [table, rows] of raw) {
        if (!known.has(table))
          throw new BackupRefusal(
            `The backup is damaged: it names a table "${table.slice(0, 40)}" that library version ${version} does not have.`,
          );
        await scratch.table(table).bulkAdd(rows);
      }
    });
    scratch.close();
    const upgraded = new LibraryDb(name);
    try {
      const collector = new BackupRowCollector();
      for (const table of BACKUP_TABLES) {
        const rows: unknown[] = await upgraded.table(table).toArray();
        rows.forEach((row, i) => collector.add(table, row, i + 1));
      }
      return collector.rows;
    } finally {
      upgraded.close();
    }
  } catch (error) {
    if (error instanceof BackupRefusal) throw error;
    throw new BackupRefusal(
      `The backup could not be upgraded to this version of the library: ${errorMessage(error)}`,
    );
  } finally {
    scratch.close();
    await Dexie.delete(name);
  }
}
