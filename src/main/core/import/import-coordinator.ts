import { createHash, randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type {
  ImportAck,
  ImportBatch,
  ImportNotice,
  ImportOrigin,
  ImportSource,
} from '../../../shared/import-types';
import type { ImportFailure } from '../../../shared/ipc-validators';
import { errorMessage } from '../../../shared/error-message';
import type { ParseResult } from '../../../shared/paper';
import { formatDiagnostic, parseDump } from '../parser';
import type { EventSender } from './event-sender';
import type { ImportLedger } from './import-ledger';
import { PendingAcks } from './pending-acks';
import { readDumpFile, type DumpFile } from './read-dump-file';
import { sendNotice } from './send-notice';

/** A file waiting to be imported. `prepared` carries bytes already read and parsed (drops). */
interface QueuedImport {
  readonly path: string;
  origin: ImportOrigin;
  readonly prepared?: PreparedDump;
}

/** A dump already read, hashed and parsed (by the intake of dropped files or pasted text). */
export interface PreparedDump {
  readonly hash: string;
  readonly result: ParseResult;
}

/** Origins where the user acted and so wants to hear that a file was already imported. */
const USER_ORIGINS: ReadonlySet<ImportOrigin> = new Set(['drop', 'dialog', 'paste', 'samples']);

/** Tuning and clock, injectable for tests. */
export interface CoordinatorOptions {
  readonly batchSize?: number;
  /**
   * How many batches may be sent before the oldest is acknowledged (default 2): the renderer
   * commits one while the next is in transit, and never holds more than this many.
   */
  readonly batchesInFlight?: number;
  readonly ackTimeoutMs?: number;
  readonly now?: () => Date;
  readonly log?: (message: string) => void;
}

class RendererGoneError extends Error {}

/** SHA-256 of a dump's bytes, the identity of its content in the ledger. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Turns queued dump files into acknowledged batches, one file at a time.
 *
 * Invariants: batches of a file are sent in order and at most `batchesInFlight` of them are
 * unacknowledged at any time (back-pressure: the renderer is never flooded, yet commits one batch
 * while the next is in transit); a file is recorded in the ledger only after its last batch was
 * acknowledged; a failed or missing acknowledgement ends the file's import and later acks of it
 * are ignored; if the renderer goes away mid-import (reload, crash) the file is started again
 * from its first batch once a renderer is ready, which is safe because merging is idempotent.
 */
export class ImportCoordinator {
  private readonly queue: QueuedImport[] = [];
  private rendererReady = false;
  private running: Promise<void> | null = null;
  private readonly pendingAcks: PendingAcks;
  private readonly batchSize: number;
  private readonly batchesInFlight: number;
  private readonly now: () => Date;
  private readonly log: (message: string) => void;

  constructor(
    private readonly ledger: ImportLedger,
    private readonly send: EventSender,
    options: CoordinatorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.batchesInFlight = Math.max(1, options.batchesInFlight ?? 2);
    this.pendingAcks = new PendingAcks(
      options.ackTimeoutMs ?? 120_000,
      'the library did not confirm the import in time; it will be retried',
    );
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => undefined);
  }

  /** Queues a file. A path already waiting is not queued twice; a user origin wins over 'watcher'. */
  enqueue(path: string, origin: ImportOrigin, prepared?: PreparedDump): void {
    const waiting = this.queue.find((item) => item.path === path);
    if (waiting && !prepared) {
      if (origin !== 'watcher' && origin !== 'startup-scan') waiting.origin = origin;
    } else {
      this.queue.push(prepared ? { path, origin, prepared } : { path, origin });
    }
    this.kick();
  }

  /** Whether `hash` is already fully imported (or known not to be a dump). */
  knows(hash: string): boolean {
    return this.ledger.get(hash) !== undefined;
  }

  /** Called when a renderer has loaded (true) or is going away (false). */
  setRendererReady(ready: boolean): void {
    this.rendererReady = ready;
    if (!ready) this.pendingAcks.reject(null, new RendererGoneError('renderer went away'));
    this.kick();
  }

  /** The renderer confirms a batch is durably committed. Unknown or stale acks are ignored. */
  acknowledge(ack: ImportAck): void {
    this.pendingAcks.acknowledge(ack.importId, ack.index);
  }

  /** The renderer could not commit a batch (disk full, quota): the file stays pending. */
  fail(failure: ImportFailure): void {
    this.pendingAcks.reject(failure.importId, new Error(failure.message));
  }

  /** Resolves once the queue is empty and nothing is in flight (used by tests and shutdown). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  private kick(): void {
    if (this.running || !this.rendererReady || this.queue.length === 0) return;
    this.running = this.drain().finally(() => {
      this.running = null;
      this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (this.rendererReady && this.queue.length > 0) {
      const item = this.queue.shift();
      if (!item) break;
      try {
        await this.importOne(item);
      } catch (error) {
        if (error instanceof RendererGoneError) {
          this.queue.unshift(item);
          return;
        }
        this.notice(item, 'failed', `Could not import: ${errorMessage(error)}`);
      }
    }
  }

  private async importOne(item: QueuedImport): Promise<void> {
    const dump = item.prepared ?? (await this.readAndParse(item));
    if (!dump) return;
    const file = basename(item.path);
    if (this.skipKnown(item, dump.hash)) return;
    const { result } = dump;
    if (result.rejection !== null || result.format === null) {
      await this.ledger.record({
        hash: dump.hash,
        file,
        outcome: 'rejected',
        at: this.now().toISOString(),
        papers: 0,
      });
      this.notice(item, 'rejected', `${file} ${result.rejection ?? 'is not a listing dump'}.`);
      return;
    }
    await this.sendBatches(item, file, dump.hash, result);
    await this.ledger.record({
      hash: dump.hash,
      file,
      outcome: 'imported',
      at: this.now().toISOString(),
      papers: result.papers.length,
    });
    for (const diagnostic of result.diagnostics) this.log(formatDiagnostic(file, diagnostic));
  }

  private async readAndParse(item: QueuedImport): Promise<PreparedDump | null> {
    let dump: DumpFile;
    try {
      dump = await readDumpFile(item.path);
    } catch (error) {
      // A file deleted between the event and now is not an error worth showing.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      this.notice(item, 'failed', errorMessage(error));
      return null;
    }
    if (dump.tooLarge) {
      this.notice(item, 'rejected', dump.tooLarge);
      return null;
    }
    const hash = hashBytes(dump.bytes);
    if (this.skipKnown(item, hash)) return null;
    return { hash, result: parseDump(dump.bytes, { referenceDate: dump.modifiedAt }) };
  }

  /**
   * True when this content is already in the ledger (imported or refused), so it is neither parsed
   * nor imported again; a user who asked for it is told so, a watcher event stays silent.
   */
  private skipKnown(item: QueuedImport, hash: string): boolean {
    const known = this.ledger.get(hash);
    if (!known) return false;
    if (USER_ORIGINS.has(item.origin)) {
      const what = known.outcome === 'imported' ? 'was already imported' : 'was already refused';
      this.notice(
        item,
        'already-imported',
        `${basename(item.path)} ${what} on ${known.at.slice(0, 10)}; nothing changed.`,
      );
    }
    return true;
  }

  private async sendBatches(
    item: QueuedImport,
    file: string,
    hash: string,
    result: ParseResult,
  ): Promise<void> {
    const format = result.format;
    if (format === null) return;
    const source: ImportSource = {
      importId: randomUUID(),
      file,
      hash,
      origin: item.origin,
      format,
      listingDate: result.listingDate,
      startedAt: this.now().toISOString(),
    };
    const count = Math.max(1, Math.ceil(result.papers.length / this.batchSize));
    const unacknowledged: Promise<void>[] = [];
    try {
      for (let index = 0; index < count; index++) {
        if (unacknowledged.length >= this.batchesInFlight) await unacknowledged.shift();
        unacknowledged.push(this.sendBatch(source, result, index, count));
      }
      for (const acknowledged of unacknowledged) await acknowledged;
    } finally {
      // A rejection ends the import; later acks of the same import are then stale and ignored.
      this.pendingAcks.reject(source.importId, new Error('import abandoned'));
    }
  }

  /** Sends batch `index` of `result`; resolves when the renderer has acknowledged it. */
  private sendBatch(
    source: ImportSource,
    result: ParseResult,
    index: number,
    count: number,
  ): Promise<void> {
    const batch: ImportBatch = {
      source,
      index,
      count,
      papers: result.papers.slice(index * this.batchSize, (index + 1) * this.batchSize),
      diagnostics: index === count - 1 ? result.diagnostics : [],
      totalPapers: result.papers.length,
    };
    // A renderer that went away while this file was read and parsed has no batch to reject.
    if (!this.rendererReady) throw new RendererGoneError('renderer went away');
    const acknowledged = this.pendingAcks.await(source.importId, index);
    this.send('import:batch', batch);
    return acknowledged;
  }

  private notice(item: QueuedImport, kind: ImportNotice['kind'], message: string): void {
    this.log(`${basename(item.path)}: ${message}`);
    sendNotice(
      this.send,
      { file: basename(item.path), origin: item.origin, kind, message },
      this.now(),
    );
  }
}
