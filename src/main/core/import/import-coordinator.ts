import type {
  ImportAck,
  ImportFailure,
  ImportOrigin,
  MergeCounts,
} from '../../../shared/import-types';
import { errorMessage } from '../../../shared/error-message';
import { BatchStream, RendererGoneError, type FileImport } from './batch-stream';
import type { EventSender } from './event-sender';
import { FilePreparer } from './file-preparer';
import type { ImportLedger } from './import-ledger';
import { ImportRuns, type RunOptions } from './import-runs';
import { OwnWrites } from './own-writes';
import { PendingAcks } from './pending-acks';
import { USER_ORIGINS, type EnqueueOptions, type QueuedFile } from './queued-file';

/**
 * How long packed papers wait for more files while the renderer is busy and has room for another
 * batch; after that they go as they are (a short file arriving alone is not held back).
 */
const PACK_WAIT_MS = 40;

/** Tuning and clock, injectable for tests. */
export interface CoordinatorOptions extends RunOptions {
  readonly batchSize?: number;
  /** Batches sent before the oldest is acknowledged (default 2): one commits, one travels. */
  readonly batchesInFlight?: number;
  readonly ackTimeoutMs?: number;
  readonly readTimeoutMs?: number;
  readonly log?: (message: string) => void;
}

/**
 * Turns queued dump files into acknowledged batches. Files are read, hashed and parsed one at a
 * time while earlier batches commit; their papers are packed into batches that may span files
 * (see `BatchStream`). Invariants: a file is recorded in the ledger, for the library that said it
 * is ready, only after every batch holding its papers was acknowledged; a failed commit fails the
 * files whose papers were sent with it (they stay pending, so the next start retries them) and
 * later acknowledgements of that stream are ignored; if the renderer goes away mid-import, its
 * unfinished files are queued again and start over once a renderer is ready, which is safe because
 * merging is idempotent. A file stuck in a read (a hung drive) times out and the queue moves on.
 */
export class ImportCoordinator {
  readonly runs: ImportRuns;
  private readonly queue: QueuedFile[] = [];
  /** Hashes being imported now: a watcher event for the copy a drop just wrote is not a new file. */
  private readonly active = new Set<string>();
  /** The queued item each file being sent came from, to queue it again after an interruption. */
  private readonly queuedOf = new WeakMap<FileImport, QueuedFile>();
  /** Copies the intake wrote recently (see `OwnWrites`). */
  readonly ownWrites = new OwnWrites();
  private readonly preparer: FilePreparer;
  private libraryId: string | null = null;
  private running: Promise<void> | null = null;
  private enqueued: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly acks: PendingAcks<MergeCounts>;
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
    this.acks = new PendingAcks(
      options.ackTimeoutMs ?? 120_000,
      'the library did not confirm the import in time; it will be retried',
    );
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => undefined);
    this.runs = new ImportRuns(send, options);
    this.preparer = new FilePreparer(ledger, this.runs, {
      knows: (hash) => this.knows(hash),
      importing: (hash) => this.active.has(hash),
      readTimeoutMs: options.readTimeoutMs,
      now: this.now,
      log: this.log,
    });
  }

  /** Queues a file. A path already waiting is not queued twice; a user origin wins over others. */
  enqueue(path: string, origin: ImportOrigin, options: EnqueueOptions = {}): void {
    if (origin === 'watcher' && this.ownWrites.has(path)) {
      void this.ownWrites.isEcho(path).then((echo) => {
        if (!echo) this.enqueue(path, 'watcher');
      });
      return;
    }
    const waiting = this.queue.find((item) => item.path === path);
    if (waiting && !options.prepared) {
      if (USER_ORIGINS.has(origin) || origin === 'reimport') waiting.origin = origin;
      return;
    }
    const runId = this.runs.fileQueued(origin, options.runId);
    this.queue.push({ ...options, path, origin, runId });
    const wake = this.wake;
    this.wake = null;
    this.enqueued = null;
    wake?.();
    this.kick();
  }

  /** Whether this library already has `hash` (or it is known not to be a dump). */
  knows(hash: string): boolean {
    const entry = this.ledger.get(hash);
    if (entry?.outcome === 'rejected') return true;
    return this.libraryId !== null && this.ledger.importedInto(hash, this.libraryId);
  }

  /** A renderer holding library `libraryId` is ready: queued files are imported into it. */
  rendererReady(libraryId: string): void {
    this.libraryId = libraryId;
    this.runs.resend();
    this.kick();
  }

  /** The renderer is reloading or gone: in-flight files start over once one is ready again. */
  rendererGone(): void {
    this.libraryId = null;
    this.acks.reject(null, new RendererGoneError('renderer went away'));
  }

  /** The renderer confirms a batch is durably committed. Unknown or stale acks are ignored. */
  acknowledge(ack: ImportAck): void {
    this.acks.acknowledge(ack.streamId, ack.index, ack.counts);
  }

  /** The renderer could not commit a batch (disk full, quota): its stream ends. */
  fail(failure: ImportFailure): void {
    this.acks.reject(failure.streamId, new Error(failure.message));
  }

  /** Resolves once the queue is empty, nothing is in flight and the ledger is written. */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
    await this.ledger.flush();
  }

  private kick(): void {
    if (this.running || this.libraryId === null || this.queue.length === 0) return;
    this.running = this.drain().finally(() => {
      this.running = null;
      this.kick();
    });
  }

  /** Imports queued files through one stream after another (a failure ends a stream). */
  private async drain(): Promise<void> {
    while (this.libraryId !== null && this.queue.length > 0) {
      const stream = this.newStream();
      try {
        await this.feed(stream);
      } catch (error) {
        const { sent, unsent } = stream.abandon(
          error instanceof Error ? error : new Error('failed'),
        );
        const requeue = error instanceof RendererGoneError ? [...sent, ...unsent] : unsent;
        for (const file of [...sent, ...unsent]) this.active.delete(file.source.hash);
        this.queue.unshift(...requeue.flatMap((file) => this.queuedOf.get(file) ?? []));
        if (error instanceof RendererGoneError) return;
        for (const file of sent) this.failFile(file, error);
      }
    }
  }

  /**
   * Feeds queued files into `stream` until the queue is empty and every batch is acknowledged.
   * Batching adapts to the renderer: while it is idle, what is packed goes at once (a single file
   * shows up without delay); while it is busy committing, files that arrive meanwhile (a drop is
   * handed over file by file) are packed into the next batch instead of travelling alone, until
   * the batch is full, the renderer is idle again, or no file came for `PACK_WAIT_MS`.
   */
  private async feed(stream: BatchStream): Promise<void> {
    for (;;) {
      const item = this.queue.shift();
      if (item) {
        const file = await this.preparer.prepare(item);
        if (file) {
          this.active.add(file.source.hash);
          this.queuedOf.set(file, item);
          this.runs.fileStarted(item.runId, file.source.file);
          await stream.add(file);
        }
        continue;
      }
      if (stream.inFlightCount === 0) {
        if (!stream.packed) return;
        await stream.flush();
        continue;
      }
      let settled = false;
      let waited = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        stream.oldestSettled().then(() => {
          settled = true;
        }),
        this.nextEnqueue(),
        new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            waited = true;
            resolve();
          }, PACK_WAIT_MS);
        }),
      ]);
      clearTimeout(timer);
      if (settled) await stream.settleOldest();
      else if (waited && stream.packed && stream.inFlightCount < this.batchesInFlight) {
        await stream.flush();
      }
    }
  }

  /** Resolves at the next `enqueue`. */
  private nextEnqueue(): Promise<void> {
    this.enqueued ??= new Promise<void>((resolve) => {
      this.wake = resolve;
    });
    return this.enqueued;
  }

  private newStream(): BatchStream {
    return new BatchStream({
      batchSize: this.batchSize,
      batchesInFlight: this.batchesInFlight,
      acks: this.acks,
      isRendererReady: () => this.libraryId !== null,
      send: (batch) => this.send('import:batch', batch),
      onCommitted: (runId, counts) => this.runs.committed(runId, counts),
      onFileCommitted: (file) => this.fileCommitted(file),
    });
  }

  private fileCommitted(file: FileImport): void {
    const { source } = file;
    this.active.delete(source.hash);
    this.runs.fileImported(source.runId, file.diagnostics.length);
    const libraryId = this.libraryId;
    if (libraryId === null) return;
    const entry = {
      hash: source.hash,
      file: source.file,
      at: this.now().toISOString(),
      papers: file.papers.length,
    };
    // The papers are in: a ledger that cannot be written only means the file may be checked
    // again at the next start (without duplicates); it is a warning, not a failed import.
    this.ledger.recordImported(entry, libraryId).catch((error: unknown) => {
      this.log(`${source.file}: the import ledger could not be written: ${errorMessage(error)}`);
      this.runs.problem(
        source.runId,
        {
          file: source.file,
          kind: 'warning',
          message: `${source.file} was imported, but Paper Queue could not note that in its import ledger (${errorMessage(error)}). It may be checked again at the next start; nothing will be duplicated.`,
        },
        'note',
      );
    });
  }

  private failFile(file: FileImport, error: unknown): void {
    const { source } = file;
    const message = `${source.file} could not be imported: ${errorMessage(error)} It stays in the inbox and will be tried again at the next start.`;
    this.log(message);
    this.runs.problem(source.runId, { file: source.file, kind: 'failed', message }, 'queued');
  }
}
