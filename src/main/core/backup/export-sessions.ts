import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  AppendRequest,
  ExportBeginRequest,
  ExportFileRequest,
  ExportResult,
  WriteSessionInfo,
} from '../../../shared/backup-types';
import { describeFsError } from '../fs/atomic-write';
import { EXPORT_FILTERS, type BackupDialogs } from './backup-dialogs';
import { TEMP_SUFFIX, WriteSession } from './write-session';

/** A folder export being written: files go to a hidden folder renamed into place at the end. */
interface FolderExport {
  readonly kind: 'folder';
  readonly parent: string;
  readonly name: string;
  readonly temporary: string;
  readonly files: Set<string>;
  lastActivity: number;
}

interface FileExport {
  readonly kind: 'file';
  readonly session: WriteSession;
}

type ExportSession = FolderExport | FileExport;

/** `name`, or `name (2)`, `name (3)`… whichever does not exist yet in `parent`. */
async function freeName(parent: string, name: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name} (${n})`;
    if ((await stat(join(parent, candidate)).catch(() => null)) === null) return candidate;
  }
}

/**
 * Exports for other tools, written like backups: one file through a `WriteSession` (atomic), or a
 * folder of files (Markdown, one per paper or per tag) written into a hidden temporary folder and
 * renamed into place on commit, so a failed export never leaves a partial folder. Existing files
 * and folders are never overwritten except a file the user chose in the save dialog.
 */
export class ExportSessions {
  private readonly sessions = new Map<string, ExportSession>();

  constructor(private readonly dialogs: BackupDialogs) {}

  async begin(request: ExportBeginRequest): Promise<WriteSessionInfo | null> {
    if (request.layout === 'file') {
      const path = await this.dialogs.chooseSavePath({
        title: 'Export papers',
        defaultName: request.suggestedName,
        filters: [EXPORT_FILTERS[request.format]],
      });
      if (path === null) return null;
      const session = await WriteSession.start(path).catch((error: unknown) => {
        throw new Error(describeFsError(error, path), { cause: error });
      });
      this.sessions.set(session.id, { kind: 'file', session });
      return { sessionId: session.id, fileName: request.suggestedName };
    }
    const parent = await this.dialogs.chooseExportFolder();
    if (parent === null) return null;
    const id = randomUUID();
    const temporary = join(parent, `.${request.suggestedName}.${id}${TEMP_SUFFIX}`);
    await mkdir(temporary).catch((error: unknown) => {
      throw new Error(describeFsError(error, parent), { cause: error });
    });
    const folder: FolderExport = {
      kind: 'folder',
      parent,
      name: request.suggestedName,
      temporary,
      files: new Set(),
      lastActivity: Date.now(),
    };
    this.sessions.set(id, folder);
    return { sessionId: id, fileName: request.suggestedName };
  }

  async append({ sessionId, seq, text }: AppendRequest): Promise<null> {
    const session = this.get(sessionId);
    if (session.kind !== 'file') throw new Error('This export writes a folder, not one file.');
    await session.session.append(seq, text);
    return null;
  }

  async addFile({ sessionId, name, text }: ExportFileRequest): Promise<null> {
    const session = this.get(sessionId);
    if (session.kind !== 'folder') throw new Error('This export writes one file, not a folder.');
    if (session.files.has(name.toLowerCase()))
      throw new Error(`The export already has a file named ${name}.`);
    session.files.add(name.toLowerCase());
    session.lastActivity = Date.now();
    try {
      await writeFile(join(session.temporary, name), text, { flag: 'wx' });
    } catch (error) {
      await this.abort(sessionId);
      throw new Error(describeFsError(error, join(session.parent, session.name, name)), {
        cause: error,
      });
    }
    return null;
  }

  async commit(sessionId: string): Promise<ExportResult> {
    const session = this.get(sessionId);
    this.sessions.delete(sessionId);
    if (session.kind === 'file') {
      try {
        await session.session.commit(() => '');
      } catch (error) {
        throw new Error(describeFsError(error, session.session.target), { cause: error });
      }
      return { path: session.session.target, files: 1 };
    }
    const path = join(session.parent, await freeName(session.parent, session.name));
    try {
      await rename(session.temporary, path);
    } catch (error) {
      await rm(session.temporary, { recursive: true, force: true });
      throw new Error(describeFsError(error, path), { cause: error });
    }
    return { path, files: session.files.size };
  }

  async abort(sessionId: string): Promise<null> {
    const session = this.sessions.get(sessionId);
    this.sessions.delete(sessionId);
    if (session?.kind === 'file') await session.session.abort();
    if (session?.kind === 'folder') await rm(session.temporary, { recursive: true, force: true });
    return null;
  }

  /** Aborts sessions idle for more than `idleMs` (every session for a negative value). */
  async closeIdle(idleMs: number): Promise<void> {
    const cutoff = Date.now() - idleMs;
    for (const [id, session] of this.sessions) {
      const last = session.kind === 'file' ? session.session.lastActivity : session.lastActivity;
      if (idleMs < 0 || last <= cutoff) await this.abort(id);
    }
  }

  private get(sessionId: string): ExportSession {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error('This export is no longer being written (it was cancelled).');
    return session;
  }
}
