/**
 * The snapshot before a schema upgrade. Dexie upgrades the stored library the moment it opens it,
 * so this runs once before the library is first opened: it reads the stored version without
 * opening (`indexedDB.databases()`), and when that is older than the current schema it opens the
 * database WITHOUT a schema (Dexie's dynamic mode: no upgrade happens), streams every table of the
 * old version into a 'pre-upgrade' snapshot and closes it; only then may the app open the library
 * and run the migrations. Restoring that snapshot later runs the same migrations on a scratch copy.
 */
import { Dexie } from 'dexie';
import { CURRENT_SCHEMA_VERSION, DEFAULT_LIBRARY_NAME } from '../schema';
import { dumpTables, type BackupSink } from './dump-tables';

/** Streams tables into a sink and returns rows per table (see `dumpTables`). */
export type TableDump = (sink: BackupSink) => Promise<Record<string, number>>;

/** Writes one snapshot of a library of `schemaVersion` from `dump` (the feature layer's writer). */
export type SnapshotWriter = (schemaVersion: number, dump: TableDump) => Promise<unknown>;

/**
 * The schema version of the stored library, or null when there is none or the browser cannot
 * tell without opening it (then no snapshot is possible before the upgrade).
 */
export async function storedSchemaVersion(name: string): Promise<number | null> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return null;
  const found = (await indexedDB.databases()).find((database) => database.name === name);
  return found?.version ? found.version / 10 : null;
}

/**
 * Writes a pre-upgrade snapshot when the stored library is older than the current schema (and
 * not empty of tables). Returns the old version it snapshotted, or null when no upgrade is due.
 * Throws if the snapshot could not be written; the caller decides whether to upgrade anyway.
 */
export async function snapshotBeforeUpgrade(
  write: SnapshotWriter,
  name: string = DEFAULT_LIBRARY_NAME,
): Promise<number | null> {
  const version = await storedSchemaVersion(name);
  if (version === null || version >= CURRENT_SCHEMA_VERSION) return null;
  const old = new Dexie(name);
  try {
    await old.open();
    const tables = old.tables.map((table) => table.name).sort();
    if (tables.length === 0) return null;
    await write(old.verno, (sink) => dumpTables(old, tables, sink));
    return old.verno;
  } finally {
    old.close();
  }
}
