/**
 * Bookkeeping of import batches sent to the renderer and not yet acknowledged, for
 * `ImportCoordinator`. Each batch is identified by its import id and index.
 * Invariants: an awaited batch settles exactly once (acknowledged, rejected or timed out) and its
 * timer is cleared then; a promise returned by `await` never counts as an unhandled rejection,
 * because a batch may be rejected while the caller is still awaiting an earlier one.
 */

interface AwaitedAck {
  readonly importId: string;
  resolve(): void;
  reject(reason: Error): void;
}

function ackKey(importId: string, index: number): string {
  return `${importId}:${index}`;
}

/** Batches awaiting their acknowledgement. */
export class PendingAcks {
  private readonly awaited = new Map<string, AwaitedAck>();

  /** @param timeoutMs how long a batch may wait; `timeoutMessage` is the rejection's message. */
  constructor(
    private readonly timeoutMs: number,
    private readonly timeoutMessage: string,
  ) {}

  /** Starts waiting for batch `index` of `importId`; settles with its acknowledgement. */
  await(importId: string, index: number): Promise<void> {
    const key = ackKey(importId, index);
    const acknowledged = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => settle(new Error(this.timeoutMessage)), this.timeoutMs);
      const settle = (reason?: Error): void => {
        clearTimeout(timer);
        this.awaited.delete(key);
        if (reason) reject(reason);
        else resolve();
      };
      this.awaited.set(key, { importId, resolve: () => settle(), reject: settle });
    });
    // Marks the promise handled; the caller still sees the rejection when it awaits it.
    acknowledged.catch(() => undefined);
    return acknowledged;
  }

  /** Resolves the matching batch; unknown or stale acknowledgements are ignored. */
  acknowledge(importId: string, index: number): void {
    this.awaited.get(ackKey(importId, index))?.resolve();
  }

  /** Rejects every awaited batch of `importId`, or every batch when `importId` is null. */
  reject(importId: string | null, reason: Error): void {
    for (const awaited of [...this.awaited.values()]) {
      if (importId === null || awaited.importId === importId) awaited.reject(reason);
    }
  }
}
