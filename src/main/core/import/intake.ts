import { stat } from 'node:fs/promises';
import type {
  ImportOrigin,
  ImportProblem,
  ImportRequestResult,
  IncomingFile,
} from '../../../shared/import-types';
import { errorMessage } from '../../../shared/error-message';
import { MAX_DUMP_BYTES } from '../../../shared/ipc-validators';
import {
  InboxWriteError,
  NODE_INBOX_FS,
  writeIntoInbox,
  type InboxFs,
} from '../inbox/inbox-writer';
import { parseDump } from '../parser';
import type { ImportCoordinator } from './import-coordinator';
import { hashBytes, type PreparedDump } from './queued-file';
import { readDumpFile } from './read-dump-file';

/** Tuning and file system, injectable for tests. */
export interface IntakeOptions {
  readonly fs?: InboxFs;
  /** How often writes that failed on a full disk are tried again. */
  readonly retryMs?: number;
  /** Most bytes kept in memory while waiting for disk space; more are refused. */
  readonly maxWaitingBytes?: number;
}

/** A handed-over dump waiting for disk space to be saved into the inbox. */
interface WaitingWrite {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly origin: ImportOrigin;
  readonly prepared: PreparedDump;
}

type Refusal = Pick<ImportProblem, 'kind' | 'message'>;

/** Handed-over files copied into the inbox concurrently (each copy waits for its fsync). */
const WRITES_AT_ONCE = 4;

/**
 * Intake of data the user hands over (dropped files, pasted text, picked files, the samples).
 * Invariant: the data is parsed before anything is written, so a non-dump is refused with its
 * reason and never reaches the inbox; accepted data is copied into the inbox (never overwriting)
 * and queued with its parse result, taking the same pipeline as a file the watcher found. One
 * request is one run (see `ImportRuns`): its refusals are reported with the run, not one by one.
 * A copy that fails because the disk is full leaves no file behind and is kept in memory and
 * tried again every `retryMs` until there is space, then imported.
 */
export class Intake {
  private readonly fs: InboxFs;
  private readonly retryMs: number;
  private readonly maxWaitingBytes: number;
  private readonly waiting: WaitingWrite[] = [];
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private turn: Promise<void> = Promise.resolve();

  constructor(
    private readonly coordinator: ImportCoordinator,
    private readonly inboxFolder: () => string,
    options: IntakeOptions = {},
  ) {
    this.fs = options.fs ?? NODE_INBOX_FS;
    this.retryMs = options.retryMs ?? 15_000;
    this.maxWaitingBytes = options.maxWaitingBytes ?? 256 * 1024 * 1024;
  }

  /** Takes every file it can; refusals are returned and reported with the request's run. */
  async acceptAll(
    files: readonly IncomingFile[],
    origin: ImportOrigin,
    unreadable: readonly { readonly file: string; readonly message: string }[] = [],
  ): Promise<ImportRequestResult> {
    const { runId, release } = this.coordinator.runs.hold(origin);
    // Requests are taken one after another, in the order they came: a drop handed over in
    // parts (the next part travelling while this one is copied) is queued in drop order.
    const previous = this.turn;
    let done = (): void => undefined;
    this.turn = new Promise<void>((resolve) => {
      done = resolve;
    });
    await previous;
    const accepted: string[] = [];
    const refused: { file: string; message: string }[] = [];
    const report = (file: string, refusal: Refusal): void => {
      refused.push({ file, message: refusal.message });
      this.coordinator.runs.problem(runId, { file, ...refusal }, 'unqueued');
    };
    try {
      for (const problem of unreadable) report(problem.file, { kind: 'failed', ...problem });
      // A few files at a time: one is parsed while the copies of the others are flushed to disk.
      for (let start = 0; start < files.length; start += WRITES_AT_ONCE) {
        const part = files.slice(start, start + WRITES_AT_ONCE);
        const outcomes = await Promise.all(part.map((file) => this.accept(file, origin)));
        // Queued in the order handed over, whichever copy was flushed first.
        part.forEach((file, i) => {
          const outcome = outcomes[i];
          if (outcome && 'path' in outcome) {
            this.coordinator.enqueue(outcome.path, origin, { prepared: outcome.prepared, runId });
            accepted.push(file.name);
          } else if (outcome) report(file.name, outcome);
        });
      }
    } finally {
      release();
      done();
    }
    return { accepted, refused };
  }

  /** Reads files chosen in a dialog or bundled as samples; unreadable ones are listed apart. */
  async readFiles(paths: readonly string[]): Promise<{
    readonly files: IncomingFile[];
    readonly unreadable: { readonly file: string; readonly message: string }[];
  }> {
    const files: IncomingFile[] = [];
    const unreadable: { file: string; message: string }[] = [];
    for (const path of paths) {
      const name = path.split(/[\\/]/).pop() ?? path;
      try {
        const dump = await readDumpFile(path);
        if (dump.kind === 'read') files.push({ name, bytes: dump.bytes });
        else unreadable.push({ file: name, message: dump.message });
      } catch (error) {
        unreadable.push({ file: name, message: errorMessage(error) });
      }
    }
    return { files, unreadable };
  }

  /** Stops retrying writes that wait for disk space (their bytes are dropped). */
  dispose(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.waiting.length = 0;
  }

  /** Parses and copies one file into the inbox; returns where, or why it was refused. */
  private async accept(
    file: IncomingFile,
    origin: ImportOrigin,
  ): Promise<Refusal | { readonly path: string; readonly prepared: PreparedDump }> {
    const { name, bytes } = file;
    if (bytes.byteLength > MAX_DUMP_BYTES) {
      const cap = MAX_DUMP_BYTES / (1024 * 1024);
      return { kind: 'rejected', message: `${name} is larger than ${cap} MB and was refused.` };
    }
    const hash = hashBytes(bytes);
    if (this.coordinator.knows(hash)) {
      return {
        kind: 'already-imported',
        message: `${name} was already imported; nothing changed.`,
      };
    }
    const result = parseDump(bytes, { referenceDate: new Date() });
    if (result.rejection !== null)
      return { kind: 'rejected', message: `${name} ${result.rejection}.` };
    const prepared = { hash, result };
    try {
      const path = await writeIntoInbox(this.inboxFolder(), name, bytes, this.fs, (created) =>
        this.coordinator.ownWrites.writing(created),
      );
      await this.noteOwnWrite(path);
      return { path, prepared };
    } catch (error) {
      if (!(error instanceof InboxWriteError && error.diskFull)) {
        return { kind: 'failed', message: errorMessage(error) };
      }
      if (!this.waitForSpace({ name, bytes, origin, prepared })) {
        return {
          kind: 'failed',
          message: `${error.message} Free up some space and drop it again.`,
        };
      }
      return {
        kind: 'failed',
        message: `${error.message} It is kept and will be imported as soon as there is free space.`,
      };
    }
  }

  /** Tells the coordinator about a copy just written, so its watcher event is not a new file. */
  private async noteOwnWrite(path: string): Promise<void> {
    const info = await stat(path).catch(() => null);
    if (info) this.coordinator.ownWrites.wrote(path, info.size, info.mtimeMs);
  }

  /** Keeps a write for later; false when too much is waiting already. */
  private waitForSpace(write: WaitingWrite): boolean {
    const waitingBytes = this.waiting.reduce((sum, item) => sum + item.bytes.byteLength, 0);
    if (waitingBytes + write.bytes.byteLength > this.maxWaitingBytes) return false;
    this.waiting.push(write);
    this.scheduleRetry();
    return true;
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== undefined || this.waiting.length === 0) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.retryWaiting();
    }, this.retryMs);
  }

  /** Tries the waiting writes in order; stops at the first that still finds the disk full. */
  private async retryWaiting(): Promise<void> {
    while (this.waiting.length > 0) {
      const write = this.waiting[0];
      if (!write) break;
      try {
        const path = await writeIntoInbox(
          this.inboxFolder(),
          write.name,
          write.bytes,
          this.fs,
          (created) => this.coordinator.ownWrites.writing(created),
        );
        await this.noteOwnWrite(path);
        this.waiting.shift();
        this.coordinator.enqueue(path, write.origin, { prepared: write.prepared });
      } catch (error) {
        if (error instanceof InboxWriteError && error.diskFull) break;
        this.waiting.shift();
        const { runId, release } = this.coordinator.runs.hold(write.origin);
        this.coordinator.runs.problem(
          runId,
          { file: write.name, kind: 'failed', message: errorMessage(error) },
          'unqueued',
        );
        release();
      }
    }
    this.scheduleRetry();
  }
}
