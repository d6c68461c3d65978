import { createHash, randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type {
  ImportAck,
  ImportFailure,
  ImportOrigin,
  ImportProblem,
  MergeCounts,
} from '../../../shared/import-types';
import { errorMessage } from '../../../shared/error-message';
import type { ParseResult } from '../../../shared/paper';
import { formatDiagnostic, parseDump } from '../parser';
import { BatchStream, RendererGoneError, type FileImport } from './batch-stream';
import type { EventSender } from './event-sender';
import type { ImportLedger } from './import-ledger';
import { ImportRuns, type RunOptions } from './import-runs';
import { PendingAcks } from './pending-acks';
import { readDumpFileWithin } from './read-dump-file';

/** A dump already read, hashed and parsed (by the intake of dropped files or pasted text). */
export interface PreparedDump {
  readonly hash: string;
  readonly result: ParseResult;
}

/** How a file is queued. */
export interface EnqueueOptions {
  /** Bytes already read and parsed (drops, pastes). */
  readonly prepared?: PreparedDump;
  /** The run the file belongs to (intake requests hold theirs); default: the open run. */
  readonly runId?: string;
  /** Import even when the ledger says this library has it (File → Re-import the Inbox). */
  readonly force?: boolean;
}

interface QueuedFile extends EnqueueOptions {
  readonly path: string;
  origin: ImportOrigin;
  readonly runId: string;
}

/**
 * How long packed papers wait for more files while the renderer is busy and has room for another
 * batch; after that they go as they are (a short file arriving alone is not held back).
 */
const PACK_WAIT_MS = 40;

/** How long a copy written by the intake is remembered while its watcher event is awaited. */
const OWN_WRITE_MEMORY_MS = 60_000;

/** Origins where the user acted and so wants to hear that a file was already imported. */
const USER_ORIGINS: ReadonlySet<ImportOrigin> = new Set(['drop', 'dialog', 'paste', 'samples']);

/** Tuning and clock, injectable for tests. */
export interface CoordinatorOptions extends RunOptions {
  readonly batchSize?: number;
  /** Batches sent before the oldest is acknowledged (default 2): one commits, one travels. */
  readonly batchesInFlight?: number;
  readonly ackTimeoutMs?: number;
  readonly readTimeoutMs?: number;
  readonly log?: (message: string) => void;
}

/** SHA-256 of a dump's bytes, the identity of its content in the ledger. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
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
  /** Copies the intake wrote recently, by path (see `wrote`). */
  private readonly ownWrites = new Map<string, { size: number; modifiedMs: number; at: number }>();
  private libraryId: string | null = null;
  private running: Promise<void> | null = null;
  private enqueued: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly acks: PendingAcks<MergeCounts>;
  private readonly batchSize: number;
  private readonly batchesInFlight: number;
  private readonly readTimeoutMs: number | undefined;
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
    this.readTimeoutMs = options.readTimeoutMs;
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => undefined);
    this.runs = new ImportRuns(send, options);
  }

  /** Notes that the intake is writing `path`: watcher events for it wait for `wrote`. */
  writing(path: string): void {
    this.ownWrites.set(path, { size: -1, modifiedMs: -1, at: Date.now() });
  }

  /**
   * Notes that the intake has just written `path` (a dropped file copied into the inbox), so the
   * watcher's event for that very copy is recognised and ignored rather than read and counted.
   */
  wrote(path: string, size: number, modifiedMs: number): void {
    const now = Date.now();
    for (const [known, write] of this.ownWrites) {
      if (now - write.at > OWN_WRITE_MEMORY_MS) this.ownWrites.delete(known);
    }
    this.ownWrites.set(path, { size, modifiedMs, at: now });
  }

  /** Queues a file. A path already waiting is not queued twice; a user origin wins over others. */
  enqueue(path: string, origin: ImportOrigin, options: EnqueueOptions = {}): void {
    if (origin === 'watcher' && this.ownWrites.has(path)) {
      void this.unlessOwnWrite(path);
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

  /** Queues a watcher event unless it is the echo of the intake's own, unchanged, copy. */
  private async unlessOwnWrite(path: string): Promise<void> {
    const write = this.ownWrites.get(path);
    // Still being written: the intake queues it itself once it is complete.
    if (write?.size === -1) return;
    const info = await stat(path).catch(() => null);
    if (!info) return;
    if (write && info.size === write.size && info.mtimeMs === write.modifiedMs) return;
    // Changed since the intake wrote it: a real change, imported like any other.
    this.ownWrites.delete(path);
    this.enqueue(path, 'watcher');
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
        const file = await this.prepare(item);
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

  /**
   * Reads, hashes and parses a queued file; returns what to send, or null when the file is
   * skipped (already imported), refused (not a dump) or failed, each accounted in its run.
   */
  private async prepare(item: QueuedFile): Promise<FileImport | null> {
    const file = basename(item.path);
    let dump = item.prepared ?? null;
    if (!dump) {
      try {
        const read = await readDumpFileWithin(item.path, this.readTimeoutMs);
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
    for (const diagnostic of result.diagnostics) this.log(formatDiagnostic(file, diagnostic));
    return {
      source: {
        importId: randomUUID(),
        runId: item.runId,
        file,
        hash: dump.hash,
        origin: item.origin,
        format: result.format,
        listingDate: result.listingDate,
        startedAt: this.now().toISOString(),
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
    const imported = !item.force && this.knows(hash);
    const importing = this.active.has(hash);
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
      .recordRefused({ hash: key, file, at: this.now().toISOString() })
      .catch((error: unknown) =>
        this.log(`Could not record ${file} as refused: ${errorMessage(error)}`),
      );
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

  private problem(item: QueuedFile, kind: ImportProblem['kind'], message: string): void {
    const file = basename(item.path);
    this.log(`${file}: ${message}`);
    this.runs.problem(item.runId, { file, kind, message }, 'queued');
  }
}
