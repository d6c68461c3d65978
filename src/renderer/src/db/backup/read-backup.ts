/**
 * Reading a backup back: record lines arrive in chunks from main (whose reader has already
 * verified the envelope, the record count and the checksum); each line is parsed and validated on
 * arrival, then the rows are checked against each other. Backups of an older library schema are
 * first upgraded by the app's own migrations (`upgradeLegacyRows`). Nothing here writes to the
 * library: a refused backup changes nothing.
 */
import {
  BackupRefusal,
  parseRecordLine,
  type BackupHeader,
  type BackupTrailer,
} from '../../../../shared/backup-format';
import type { ReadChunk } from '../../../../shared/backup-types';
import { CURRENT_SCHEMA_VERSION } from '../schema';
import {
  BACKUP_TABLES,
  BackupRowCollector,
  checkConsistency,
  type BackupRows,
} from './backup-records';
import { upgradeLegacyRows } from './legacy-upgrade';

/** Yields to the event loop so a long read never blocks the UI for long. */
function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Raw rows by table, for backups of an older schema. */
type RawRows = Map<string, unknown[]>;

async function collectLines(
  next: () => Promise<ReadChunk>,
  onLine: (table: string, row: unknown, lineNumber: number) => void,
  onProgress?: (lines: number) => void,
): Promise<number> {
  let lines = 0;
  for (;;) {
    const chunk = await next();
    if (chunk.done) return lines;
    const parts = chunk.text.split('\n');
    parts.pop();
    parts.forEach((line, i) => {
      const lineNumber = chunk.firstLine + i;
      const record = parseRecordLine(line, lineNumber);
      onLine(record.table, record.row, lineNumber);
    });
    lines += parts.length;
    onProgress?.(lines);
    await yieldToUi();
  }
}

/**
 * Reads and validates a whole backup whose envelope main has verified. Throws `BackupRefusal`
 * with a sentence for the user when any record is invalid, the rows contradict each other or the
 * counts differ from the trailer.
 */
export async function readBackupRows(
  header: BackupHeader,
  trailer: BackupTrailer,
  next: () => Promise<ReadChunk>,
  onProgress?: (lines: number) => void,
): Promise<BackupRows> {
  if (header.schemaVersion > CURRENT_SCHEMA_VERSION) {
    throw new BackupRefusal(
      `This backup was written by a newer version of Paper Queue (library version ${header.schemaVersion}; this version has ${CURRENT_SCHEMA_VERSION}). Update Paper Queue to restore it.`,
    );
  }
  let rows: BackupRows;
  if (header.schemaVersion === CURRENT_SCHEMA_VERSION) {
    const collector = new BackupRowCollector();
    await collectLines(next, (table, row, line) => collector.add(table, row, line), onProgress);
    rows = collector.rows;
  } else {
    const raw: RawRows = new Map();
    await collectLines(
      next,
      (table, row) => {
        const list = raw.get(table) ?? [];
        list.push(row);
        raw.set(table, list);
      },
      onProgress,
    );
    rows = await upgradeLegacyRows(header.schemaVersion, raw);
  }
  if (header.schemaVersion === CURRENT_SCHEMA_VERSION) {
    for (const table of BACKUP_TABLES) {
      const expected = trailer.tables[table] ?? 0;
      if (rows[table].length !== expected) {
        throw new BackupRefusal(
          `The backup is damaged: it should hold ${expected} ${table} rows but holds ${rows[table].length}.`,
        );
      }
    }
  }
  checkConsistency(rows);
  return rows;
}
