import { randomUUID } from 'node:crypto';
import type {
  ImportBatch,
  ImportSegment,
  ImportSource,
  MergeCounts,
} from '../../../shared/import-types';
import type { ParseDiagnostic, ParsedPaper } from '../../../shared/paper';
import type { PendingAcks } from './pending-acks';

/** A parsed file whose papers go to the library. */
export interface FileImport {
  readonly source: ImportSource;
  readonly papers: readonly ParsedPaper[];
  readonly diagnostics: readonly ParseDiagnostic[];
}

function noop(): void {
  // Only whether a promise settled matters.
}

/** The renderer went away (reload, crash): unfinished files are started again once it is back. */
export class RendererGoneError extends Error {}

/** What a stream needs from the coordinator. */
export interface StreamHost {
  readonly batchSize: number;
  readonly batchesInFlight: number;
  readonly acks: PendingAcks<MergeCounts>;
  isRendererReady(): boolean;
  send(batch: ImportBatch): void;
  /** A batch was committed; `runId` is the run of its files. */
  onCommitted(runId: string, counts: MergeCounts): void;
  /** Every segment of `file` was committed. */
  onFileCommitted(file: FileImport): void;
}

interface FileState {
  readonly file: FileImport;
  readonly segmentCount: number;
  /** Segments sent and not yet acknowledged, plus segments not yet sent. */
  outstanding: number;
  sent: boolean;
}

interface SentBatch {
  readonly files: readonly FileState[];
  readonly runId: string;
  readonly acknowledged: Promise<MergeCounts>;
}

/**
 * Packs the papers of consecutive files into batches of up to `batchSize` papers (a batch may hold
 * the tail of one file and the head of the next, so hundreds of small daily dumps travel in a few
 * large batches instead of one round trip each) and sends them with at most `batchesInFlight`
 * unacknowledged. A file counts as committed only once the batches holding all of its segments
 * are acknowledged. Acknowledgements arrive in order; the first rejection ends the stream (the
 * coordinator then fails or re-queues what is unfinished and starts a new stream).
 */
export class BatchStream {
  readonly streamId = randomUUID();
  private nextIndex = 0;
  private segments: ImportSegment[] = [];
  private packedFiles: FileState[] = [];
  private packedPapers = 0;
  private readonly inFlight: SentBatch[] = [];
  private readonly files: FileState[] = [];

  constructor(private readonly host: StreamHost) {}

  /** Whether papers are packed and not yet sent. */
  get packed(): boolean {
    return this.segments.length > 0;
  }

  /** Number of batches sent and not yet settled by `settleOldest`. */
  get inFlightCount(): number {
    return this.inFlight.length;
  }

  /** Resolves (never rejects) once the oldest batch in flight is acknowledged or rejected. */
  oldestSettled(): Promise<void> {
    const oldest = this.inFlight[0];
    return oldest ? oldest.acknowledged.then(noop, noop) : Promise.resolve();
  }

  /** Packs `file` into batches, sending each full batch (after waiting for room in flight). */
  async add(file: FileImport): Promise<void> {
    const { batchSize } = this.host;
    const total = file.papers.length;
    const first = Math.min(total, batchSize - this.packedPapers);
    const segmentCount = 1 + Math.ceil((total - first) / batchSize);
    const state: FileState = { file, segmentCount, outstanding: segmentCount, sent: false };
    this.files.push(state);
    let offset = 0;
    for (let index = 0; index < segmentCount; index++) {
      const take = Math.min(total - offset, batchSize - this.packedPapers);
      this.segments.push({
        source: file.source,
        index,
        count: segmentCount,
        papers: file.papers.slice(offset, offset + take),
        diagnostics: index === segmentCount - 1 ? file.diagnostics : [],
        totalPapers: total,
      });
      this.packedFiles.push(state);
      this.packedPapers += take;
      offset += take;
      if (this.packedPapers >= batchSize) await this.flush();
    }
  }

  /** Sends the partly filled batch, if any (after waiting for room in flight). */
  async flush(): Promise<void> {
    if (this.segments.length === 0) return;
    while (this.inFlight.length >= this.host.batchesInFlight) await this.settleOldest();
    if (!this.host.isRendererReady()) throw new RendererGoneError('renderer went away');
    const batch: ImportBatch = {
      streamId: this.streamId,
      index: this.nextIndex++,
      segments: this.segments,
    };
    const files = this.packedFiles;
    const firstSegment = batch.segments[0];
    if (!firstSegment) return;
    const acknowledged = this.host.acks.await(this.streamId, batch.index);
    for (const state of files) state.sent = true;
    this.inFlight.push({ files, runId: firstSegment.source.runId, acknowledged });
    this.segments = [];
    this.packedFiles = [];
    this.packedPapers = 0;
    this.host.send(batch);
  }

  /** Waits for the oldest batch in flight; rethrows its rejection. */
  async settleOldest(): Promise<void> {
    const oldest = this.inFlight[0];
    if (!oldest) return;
    const counts = await oldest.acknowledged;
    this.inFlight.shift();
    this.host.onCommitted(oldest.runId, counts);
    for (const state of oldest.files) {
      state.outstanding -= 1;
      if (state.outstanding === 0) this.host.onFileCommitted(state.file);
    }
  }

  /**
   * Ends the stream after a failure: later acknowledgements are ignored. Returns the unfinished
   * files, split into those with papers already sent (their fate is unknown) and those not sent.
   */
  abandon(reason: Error): { readonly sent: FileImport[]; readonly unsent: FileImport[] } {
    this.host.acks.reject(this.streamId, reason);
    const unfinished = this.files.filter((state) => state.outstanding > 0);
    return {
      sent: unfinished.filter((state) => state.sent).map((state) => state.file),
      unsent: unfinished.filter((state) => !state.sent).map((state) => state.file),
    };
  }
}
