import { basename, join } from 'node:path';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupRefusal,
  headerLine,
  trailerLine,
  type BackupKind,
} from '../../../shared/backup-format';
import type { OpenBackupResult } from '../../../shared/backup-types';
import type { InvokeChannel, RequestOf, ResponseOf } from '../../../shared/ipc-contract';
import { describeFsError } from '../fs/atomic-write';
import { BackupFileReader } from './backup-file-reader';
import { BACKUP_FILTER, type BackupDialogs } from './backup-dialogs';
import { ExportSessions } from './export-sessions';
import { snapshotFileName, SnapshotStore } from './snapshot-store';
import { WriteSession } from './write-session';

/** The channels this service answers. */
export type BackupChannel = Extract<InvokeChannel, `backup:${string}` | `export:${string}`>;

/** One handler per backup or export channel. */
export type BackupHandlers = {
  readonly [C in BackupChannel]: (payload: RequestOf<C>) => Promise<ResponseOf<C>>;
};

/** What the service needs from the backend. */
export interface BackupServiceOptions {
  readonly userDataFolder: string;
  /** "Paper Queue 0.1.0", written into every backup. */
  readonly appLabel: string;
  readonly dialogs: BackupDialogs;
  revealFolder(path: string): Promise<void>;
  /** Sessions and readers idle for longer are closed (the renderer went away). */
  readonly idleTimeoutMs?: number;
}

const DEFAULT_IDLE_MS = 2 * 60 * 1000;

/** Local date `YYYY-MM-DD` for file names. */
function today(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Main's side of backups, snapshots, restores and exports. The renderer streams record lines in;
 * this service owns every path (dialogs, the snapshots folder), writes atomically through
 * `WriteSession`, adds the format's envelope (header and checksummed trailer), rotates snapshots
 * and serves verified backups back in chunks (`BackupFileReader`).
 */
export class BackupService {
  readonly snapshots: SnapshotStore;
  readonly handlers: BackupHandlers;
  private readonly sessions = new Map<string, WriteSession>();
  private readonly snapshotSessions = new Set<string>();
  private readonly readers = new Map<string, BackupFileReader>();
  private readonly exports: ExportSessions;
  private readonly sweeper: ReturnType<typeof setInterval>;

  constructor(private readonly options: BackupServiceOptions) {
    this.snapshots = new SnapshotStore(join(options.userDataFolder, 'snapshots'));
    this.exports = new ExportSessions(options.dialogs);
    const idle = options.idleTimeoutMs ?? DEFAULT_IDLE_MS;
    this.sweeper = setInterval(() => void this.closeIdle(idle), Math.min(idle, 30_000));
    this.sweeper.unref();
    this.handlers = {
      'backup:begin': ({ kind, schemaVersion }) => this.begin(kind, schemaVersion),
      'backup:append': async ({ sessionId, seq, text }) => {
        await this.session(sessionId).append(seq, text);
        return null;
      },
      'backup:commit': ({ sessionId, tables }) => this.commit(sessionId, tables),
      'backup:abort': async ({ sessionId }) => {
        await this.sessions.get(sessionId)?.abort();
        this.sessions.delete(sessionId);
        return null;
      },
      'backup:list-snapshots': () => this.snapshots.list(),
      'backup:reveal-snapshots': async () => {
        await this.snapshots.ensure();
        await options.revealFolder(this.snapshots.folder);
        return null;
      },
      'backup:open': (source) =>
        source.kind === 'file'
          ? this.openFile()
          : this.openPath(this.snapshots.pathOf(source.name), source.name),
      'backup:read': ({ readerId }) => this.reader(readerId).read(),
      'backup:close': async ({ readerId }) => {
        await this.readers.get(readerId)?.close();
        this.readers.delete(readerId);
        return null;
      },
      'export:begin': (request) => this.exports.begin(request),
      'export:append': (request) => this.exports.append(request),
      'export:add-file': (request) => this.exports.addFile(request),
      'export:commit': ({ sessionId }) => this.exports.commit(sessionId),
      'export:abort': ({ sessionId }) => this.exports.abort(sessionId),
    };
  }

  /** Aborts every write (removing its temporary file) and closes every reader. */
  async dispose(): Promise<void> {
    clearInterval(this.sweeper);
    await this.closeIdle(-1);
  }

  private async begin(kind: BackupKind, schemaVersion: number) {
    const now = new Date();
    let target: string;
    if (kind === 'manual') {
      const chosen = await this.options.dialogs.chooseSavePath({
        title: 'Back up the library',
        defaultName: `Paper Queue backup ${today(now)}.json`,
        filters: [BACKUP_FILTER],
      });
      if (chosen === null) return null;
      target = chosen;
    } else {
      await this.snapshots.ensure();
      target = this.snapshots.pathOf(snapshotFileName(kind, now));
    }
    const session = await WriteSession.start(target).catch((error: unknown) => {
      throw new Error(describeFsError(error, target), { cause: error });
    });
    const header = {
      format: BACKUP_FORMAT,
      version: BACKUP_FORMAT_VERSION,
      createdAt: now.toISOString(),
      app: this.options.appLabel,
      schemaVersion,
      kind,
    } as const;
    await session.writeRaw(headerLine(header));
    this.sessions.set(session.id, session);
    if (kind !== 'manual') this.snapshotSessions.add(session.id);
    return { sessionId: session.id, fileName: basename(target) };
  }

  private async commit(sessionId: string, tables: Readonly<Record<string, number>>) {
    const session = this.session(sessionId);
    this.sessions.delete(sessionId);
    const isSnapshot = this.snapshotSessions.delete(sessionId);
    const records = Object.values(tables).reduce((sum, n) => sum + n, 0);
    try {
      await session.commit((written) => {
        if (written.hashedLines !== records) {
          throw new Error(
            `The backup lost records on the way (${records} sent, ${written.hashedLines} written).`,
          );
        }
        return trailerLine({ records, tables, sha256: written.digest() });
      });
    } catch (error) {
      throw new Error(describeFsError(error, session.target), { cause: error });
    }
    if (isSnapshot) await this.snapshots.rotate();
    return { path: session.target, fileName: basename(session.target), bytes: session.bytes };
  }

  private async openFile(): Promise<OpenBackupResult> {
    const path = await this.options.dialogs.chooseBackupFile();
    return path === null ? { status: 'cancelled' } : this.openPath(path, basename(path));
  }

  private async openPath(path: string, fileName: string): Promise<OpenBackupResult> {
    try {
      const reader = await BackupFileReader.open(path);
      this.readers.set(reader.id, reader);
      const { bytes, header, trailer } = reader;
      return { status: 'opened', readerId: reader.id, fileName, bytes, header, trailer };
    } catch (error) {
      const reason =
        error instanceof BackupRefusal ? error.message : describeFsError(error, fileName);
      return { status: 'refused', fileName, reason };
    }
  }

  private session(id: string): WriteSession {
    const session = this.sessions.get(id);
    if (!session) throw new Error('This backup is no longer being written (it was cancelled).');
    return session;
  }

  private reader(id: string): BackupFileReader {
    const reader = this.readers.get(id);
    if (!reader) throw new Error('This backup is no longer open.');
    return reader;
  }

  /** Closes sessions and readers idle for more than `idleMs` (all of them for a negative value). */
  private async closeIdle(idleMs: number): Promise<void> {
    const cutoff = Date.now() - idleMs;
    for (const [id, session] of this.sessions) {
      if (idleMs >= 0 && session.lastActivity > cutoff) continue;
      this.sessions.delete(id);
      this.snapshotSessions.delete(id);
      await session.abort();
    }
    for (const [id, reader] of this.readers) {
      if (idleMs >= 0 && reader.lastActivity > cutoff) continue;
      this.readers.delete(id);
      await reader.close().catch(() => undefined);
    }
    await this.exports.closeIdle(idleMs);
  }
}
