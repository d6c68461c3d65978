import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { ImportProblem } from '../../../shared/import-types';
import { errorMessage } from '../../../shared/error-message';
import { formatDiagnostic, parseDump } from '../parser';
import type { FileImport } from './batch-stream';
import type { ImportLedger } from './import-ledger';
import type { ImportRuns } from './import-runs';
import { hashBytes, USER_ORIGINS, type QueuedFile } from './queued-file';
import { readDumpFileWithin } from './read-dump-file';

/** What the preparer asks the coordinator. */
export interface PreparerHost {
  /** Whether the ready library has `hash` already (or it is known not to be a dump). */
  knows(hash: string): boolean;
  /** Whether `hash` is being imported right now. */
  importing(hash: string): boolean;
  readonly readTimeoutMs: number | undefined;
  now(): Date;
  log(message: string): void;
}

/**
 * Turns a queued file into papers to send: reads it safely (see `readDumpFile`), hashes and
 * parses it, or accounts for it in its run when it is skipped (already imported, being imported),
 * refused (not a dump, too large, not a regular file: remembered in the ledger, so it is explained
 * once) or failed (unreadable).
 */
export class FilePreparer {
  constructor(
    private readonly ledger: ImportLedger,
    private readonly runs: ImportRuns,
    private readonly host: PreparerHost,
  ) {}

  /** The file's papers to send, or null when it is skipped, refused or failed. */
  async prepare(item: QueuedFile): Promise<FileImport | null> {
    const file = basename(item.path);
    let dump = item.prepared ?? null;
    if (!dump) {
      try {
        const read = await readDumpFileWithin(item.path, this.host.readTimeoutMs);
        if (read.kind === 'refused') {
          // Refused before (same name, size and time): not reported again.
          if (!this.skipKnown(item, read.fingerprint)) {
            this.refuse(item, read.fingerprint, read.message);
          }
          return null;
        }
        const hash = hashBytes(read.bytes);
        if (this.skipKnown(item, hash)) return null;
        dump = { hash, result: parseDump(read.bytes, { referenceDate: read.modifiedAt }) };
      } catch (error) {
        // A file deleted between the event and now is not an error worth showing.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') this.runs.fileSkipped(item.runId);
        else this.problem(item, 'failed', errorMessage(error));
        return null;
      }
    } else if (this.skipKnown(item, dump.hash)) return null;
    const { result } = dump;
    if (result.rejection !== null || result.format === null) {
      this.refuse(item, dump.hash, `${file} ${result.rejection ?? 'is not a listing dump'}.`);
      return null;
    }
    for (const diagnostic of result.diagnostics) this.host.log(formatDiagnostic(file, diagnostic));
    return {
      source: {
        importId: randomUUID(),
        runId: item.runId,
        file,
        hash: dump.hash,
        origin: item.origin,
        format: result.format,
        listingDate: result.listingDate,
        startedAt: this.host.now().toISOString(),
      },
      papers: result.papers,
      diagnostics: result.diagnostics,
    };
  }

  /**
   * True when this library has this content already, it is being imported right now, or it is
   * known not to be a dump: it is neither parsed nor imported again. A user who handed it over
   * is told so; a watcher or scan event stays silent.
   */
  private skipKnown(item: QueuedFile, hash: string): boolean {
    const known = this.ledger.get(hash);
    const refused = known?.outcome === 'rejected';
    const imported = !item.force && this.host.knows(hash);
    const importing = this.host.importing(hash);
    if (!refused && !imported && !importing) return false;
    if (USER_ORIGINS.has(item.origin)) {
      const name = basename(item.path);
      const message = importing
        ? `${name} is being imported already.`
        : `${name} ${refused ? 'was already refused' : 'was already imported'} on ${known?.at.slice(0, 10) ?? 'an earlier day'}; nothing changed.`;
      this.runs.problem(item.runId, { file: name, kind: 'already-imported', message }, 'queued');
    } else {
      this.runs.fileSkipped(item.runId);
    }
    return true;
  }

  /** A refused file is remembered, so it is explained once and not again at every start. */
  private refuse(item: QueuedFile, key: string, message: string): void {
    const file = basename(item.path);
    this.problem(item, 'rejected', message);
    this.ledger
      .recordRefused({ hash: key, file, at: this.host.now().toISOString() })
      .catch((error: unknown) =>
        this.host.log(`Could not record ${file} as refused: ${errorMessage(error)}`),
      );
  }

  private problem(item: QueuedFile, kind: ImportProblem['kind'], message: string): void {
    const file = basename(item.path);
    this.host.log(`${file}: ${message}`);
    this.runs.problem(item.runId, { file, kind, message }, 'queued');
  }
}
