/**
 * The Paper Queue backup file format, version 1: one JSON document laid out one record per line,
 * so that any JSON tool can open it whole, and the app can write and read it as a stream.
 *
 * ```
 * {"format":"paper-queue-backup","version":1,"createdAt":…,"app":…,"schemaVersion":4,"kind":"manual","records":[
 * {"table":"tags","row":{…}},
 * {"table":"papers","row":{…}},
 * …
 * {"end":{"records":1234,"tables":{"papers":1000,…},"sha256":"…"}}]}
 * ```
 *
 * Why this layout rather than JSON Lines: the file is one valid JSON document (the issue asks for
 * "one versioned JSON file"; `jq` or any editor reads it), yet every line is a self-contained JSON
 * value, so a writer appends records without ever holding the library in one string, and a reader
 * validates record by record. The first line names the format and version, so a foreign or newer
 * file is refused before anything else is read; the last line carries the record count and the
 * SHA-256 of every record line, so a truncated or damaged file is refused as a whole.
 * Pure functions and types only (the shared layer has no dependencies).
 */

/** Value of the `format` field: identifies a Paper Queue backup. */
export const BACKUP_FORMAT = 'paper-queue-backup';

/** The format version this app writes and the newest it reads. */
export const BACKUP_FORMAT_VERSION = 1;

/** Why a backup was written: by the user, or one of the automatic snapshots. */
export type SnapshotKind = 'daily' | 'pre-upgrade' | 'pre-restore';
export type BackupKind = 'manual' | SnapshotKind;

/** Every snapshot kind, for validation. */
export const SNAPSHOT_KINDS: readonly SnapshotKind[] = ['daily', 'pre-upgrade', 'pre-restore'];

/** The first line's fields (everything but `records`). */
export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: number;
  /** ISO time the backup was started. */
  readonly createdAt: string;
  /** Name and version of the app that wrote it, e.g. "Paper Queue 0.1.0". */
  readonly app: string;
  /** Library schema version of the rows (older ones are upgraded by the app's migrations). */
  readonly schemaVersion: number;
  readonly kind: BackupKind;
}

/** The last record: how many record lines precede it and their checksum. */
export interface BackupTrailer {
  readonly records: number;
  /** Rows per table, as the writer counted them. */
  readonly tables: Readonly<Record<string, number>>;
  /** Lowercase hex SHA-256 of the UTF-8 bytes of every record line, `,\n` terminators included. */
  readonly sha256: string;
}

/** One row of one library table, as stored in a record line. */
export interface BackupRecord {
  readonly table: string;
  readonly row: unknown;
}

const RECORDS_OPEN = ',"records":[';
const FILE_CLOSE = ']}\n';

/** The first line of a backup, newline included. */
export function headerLine(header: BackupHeader): string {
  return `${JSON.stringify(header).slice(0, -1)}${RECORDS_OPEN}\n`;
}

/** One record line, terminator included. */
export function recordLine(record: BackupRecord): string {
  return `${JSON.stringify(record)},\n`;
}

/** The last line of a backup (the trailer record and the closing brackets). */
export function trailerLine(trailer: BackupTrailer): string {
  return `${JSON.stringify({ end: trailer })}${FILE_CLOSE}`;
}

/** A file that cannot be restored, with a sentence saying why. */
export class BackupRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefusal';
  }
}

function isRecordObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const NOT_A_BACKUP = 'This file is not a Paper Queue backup.';

/**
 * Parses and checks the first line (without its newline). Throws `BackupRefusal` for a foreign
 * file, a newer format version or a malformed header.
 */
export function parseHeaderLine(line: string): BackupHeader {
  if (!line.startsWith('{"format":') || !line.endsWith(RECORDS_OPEN))
    throw new BackupRefusal(NOT_A_BACKUP);
  let value: unknown;
  try {
    value = JSON.parse(`${line.slice(0, -RECORDS_OPEN.length)}}`);
  } catch {
    throw new BackupRefusal(NOT_A_BACKUP);
  }
  if (!isRecordObject(value) || value.format !== BACKUP_FORMAT)
    throw new BackupRefusal(NOT_A_BACKUP);
  const version = value.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1)
    throw new BackupRefusal('The backup is damaged: its format version is not valid.');
  if (version > BACKUP_FORMAT_VERSION) {
    throw new BackupRefusal(
      `This backup was written by a newer version of Paper Queue (backup format ${version}; this version reads format ${BACKUP_FORMAT_VERSION}). Update Paper Queue to restore it.`,
    );
  }
  const kinds: readonly unknown[] = ['manual', ...SNAPSHOT_KINDS];
  if (
    typeof value.createdAt !== 'string' ||
    Number.isNaN(Date.parse(value.createdAt)) ||
    typeof value.app !== 'string' ||
    typeof value.schemaVersion !== 'number' ||
    !Number.isSafeInteger(value.schemaVersion) ||
    value.schemaVersion < 1 ||
    !kinds.includes(value.kind)
  ) {
    throw new BackupRefusal('The backup is damaged: its first line is incomplete.');
  }
  return value as unknown as BackupHeader;
}

/**
 * Parses and checks the last line (without its newline). Throws `BackupRefusal` when it is not a
 * trailer, which means the file was cut off.
 */
export function parseTrailerLine(line: string): BackupTrailer {
  const incomplete = new BackupRefusal(
    'The backup is incomplete: the file ends before its last record (it was cut off while being written or copied).',
  );
  if (!line.startsWith('{"end":') || !line.endsWith(FILE_CLOSE.trimEnd())) throw incomplete;
  let value: unknown;
  try {
    value = JSON.parse(line.slice(0, -FILE_CLOSE.trimEnd().length));
  } catch {
    throw incomplete;
  }
  const end = isRecordObject(value) ? value.end : undefined;
  if (
    !isRecordObject(end) ||
    typeof end.records !== 'number' ||
    !Number.isSafeInteger(end.records) ||
    end.records < 0 ||
    typeof end.sha256 !== 'string' ||
    !/^[0-9a-f]{64}$/.test(end.sha256) ||
    !isRecordObject(end.tables) ||
    !Object.values(end.tables).every((n) => typeof n === 'number' && Number.isSafeInteger(n))
  ) {
    throw incomplete;
  }
  return end as unknown as BackupTrailer;
}

/**
 * Parses one record line (without its newline). `lineNumber` (1-based, in the file) is named in
 * the refusal so a damaged file can be inspected.
 */
export function parseRecordLine(line: string, lineNumber: number): BackupRecord {
  const damaged = (): BackupRefusal =>
    new BackupRefusal(`The backup is damaged: line ${lineNumber} is not a valid record.`);
  if (!line.endsWith(',')) throw damaged();
  let value: unknown;
  try {
    value = JSON.parse(line.slice(0, -1));
  } catch {
    throw damaged();
  }
  if (!isRecordObject(value) || typeof value.table !== 'string' || !('row' in value))
    throw damaged();
  return { table: value.table, row: value.row };
}
