/**
 * Run-time validators for the backup, snapshot, restore and export channels (see
 * `backup-types.ts`). Like every IPC validator they treat the renderer as untrusted: ids have a
 * fixed shape, text chunks and names are bounded, and no payload can carry a path.
 */
import { SNAPSHOT_KINDS } from './backup-format';
import type {
  AppendRequest,
  BackupBeginRequest,
  BackupCommitRequest,
  BackupSource,
  ExportBeginRequest,
  ExportFileRequest,
  SessionRequest,
} from './backup-types';
import { isCount, isRecord, isSafeFileName } from './ipc-validators';

/** Largest chunk of text one append may carry (the renderer sends pages of ~1 MB). */
export const MAX_CHUNK_CHARS = 16 * 1024 * 1024;

const SESSION_ID = /^[0-9a-f-]{36}$/;
const MAX_TABLES = 32;

function isSessionId(value: unknown): value is string {
  return typeof value === 'string' && SESSION_ID.test(value);
}

/** A snapshot file name as main lists them (no path, `.json`). */
export function isSnapshotName(value: unknown): value is string {
  return isSafeFileName(value) && /^paper-queue-[a-z-]+-[0-9TZ-]+\.json$/.test(value);
}

export function isBackupBeginRequest(value: unknown): value is BackupBeginRequest {
  const kinds: readonly unknown[] = ['manual', ...SNAPSHOT_KINDS];
  return (
    isRecord(value) &&
    kinds.includes(value.kind) &&
    isCount(value.schemaVersion) &&
    value.schemaVersion >= 1
  );
}

export function isAppendRequest(value: unknown): value is AppendRequest {
  return (
    isRecord(value) &&
    isSessionId(value.sessionId) &&
    isCount(value.seq) &&
    typeof value.text === 'string' &&
    value.text.length <= MAX_CHUNK_CHARS
  );
}

export function isBackupCommitRequest(value: unknown): value is BackupCommitRequest {
  if (!isRecord(value) || !isSessionId(value.sessionId) || !isRecord(value.tables)) return false;
  const entries = Object.entries(value.tables);
  return (
    entries.length <= MAX_TABLES &&
    entries.every(([name, count]) => /^[A-Za-z]{1,40}$/.test(name) && isCount(count))
  );
}

export function isSessionRequest(value: unknown): value is SessionRequest {
  return isRecord(value) && isSessionId(value.sessionId);
}

export function isReaderRequest(value: unknown): value is { readonly readerId: string } {
  return isRecord(value) && isSessionId(value.readerId);
}

export function isBackupSource(value: unknown): value is BackupSource {
  if (!isRecord(value)) return false;
  if (value.kind === 'file') return true;
  return value.kind === 'snapshot' && isSnapshotName(value.name);
}

export function isExportBeginRequest(value: unknown): value is ExportBeginRequest {
  return (
    isRecord(value) &&
    ['markdown', 'csv', 'bibtex', 'csl-json'].includes(value.format as string) &&
    (value.layout === 'file' || value.layout === 'folder') &&
    isSafeFileName(value.suggestedName)
  );
}

export function isExportFileRequest(value: unknown): value is ExportFileRequest {
  return (
    isRecord(value) &&
    isSessionId(value.sessionId) &&
    isSafeFileName(value.name) &&
    typeof value.text === 'string' &&
    value.text.length <= MAX_CHUNK_CHARS
  );
}
