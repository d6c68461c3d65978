/**
 * Bookkeeping of import batches sent to the renderer and not yet acknowledged, for
 * `ImportCoordinator`. Each batch is identified by its stream id and index.
 * Invariants: an awaited batch settles exactly once (acknowledged, rejected or timed out) and its
 * timer is cleared then; a promise returned by `await` never counts as an unhandled rejection,
 * because a batch may be rejected while the caller is still awaiting an earlier one.
 */

interface AwaitedAck<T> {
  readonly streamId: string;
  resolve(value: T): void;
  reject(reason: Error): void;
}

function ackKey(streamId: string, index: number): string {
  return `${streamId}:${index}`;
}

/** Batches awaiting their acknowledgement, which carries a value of type `T`. */
export class PendingAcks<T> {
  private readonly awaited = new Map<string, AwaitedAck<T>>();

  /** @param timeoutMs how long a batch may wait; `timeoutMessage` is the rejection's message. */
  constructor(
    private readonly timeoutMs: number,
    private readonly timeoutMessage: string,
  ) {}

  /** Starts waiting for batch `index` of `streamId`; settles with its acknowledgement. */
  await(streamId: string, index: number): Promise<T> {
    const key = ackKey(streamId, index);
    const acknowledged = new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error(this.timeoutMessage)), this.timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.awaited.delete(key);
      };
      const fail = (reason: Error): void => {
        done();
        reject(reason);
      };
      this.awaited.set(key, {
        streamId,
        resolve: (value) => {
          done();
          resolve(value);
        },
        reject: fail,
      });
    });
    // Marks the promise handled; the caller still sees the rejection when it awaits it.
    acknowledged.catch(() => undefined);
    return acknowledged;
  }

  /** Resolves the matching batch; unknown or stale acknowledgements are ignored. */
  acknowledge(streamId: string, index: number, value: T): void {
    this.awaited.get(ackKey(streamId, index))?.resolve(value);
  }

  /** Rejects every awaited batch of `streamId`, or every batch when `streamId` is null. */
  reject(streamId: string | null, reason: Error): void {
    for (const awaited of [...this.awaited.values()]) {
      if (streamId === null || awaited.streamId === streamId) awaited.reject(reason);
    }
  }
}
