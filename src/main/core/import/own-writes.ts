import { stat } from 'node:fs/promises';

/** How long a copy written by the intake is remembered while its watcher event is awaited. */
const MEMORY_MS = 60_000;

interface OwnWrite {
  /** -1 while the copy is still being written. */
  readonly size: number;
  readonly modifiedMs: number;
  readonly at: number;
}

/**
 * The copies the intake wrote into the inbox recently, so the watcher's events for those very
 * copies (which the intake queues itself) are neither read again nor counted as more files.
 * A copy changed since it was written is a real change and is not an echo.
 */
export class OwnWrites {
  private readonly writes = new Map<string, OwnWrite>();

  /** The intake created `path` and is writing it. */
  writing(path: string): void {
    this.writes.set(path, { size: -1, modifiedMs: -1, at: Date.now() });
  }

  /** The intake finished writing `path` (its size and modification time, to tell later changes). */
  wrote(path: string, size: number, modifiedMs: number): void {
    const now = Date.now();
    for (const [known, write] of this.writes) {
      if (now - write.at > MEMORY_MS) this.writes.delete(known);
    }
    this.writes.set(path, { size, modifiedMs, at: now });
  }

  /** Whether `path` may be an own copy (then `isEcho` decides). */
  has(path: string): boolean {
    return this.writes.has(path);
  }

  /** Whether an event for `path` is only the echo of the intake's own, unchanged, copy. */
  async isEcho(path: string): Promise<boolean> {
    const write = this.writes.get(path);
    if (!write) return false;
    if (write.size === -1) return true;
    const info = await stat(path).catch(() => null);
    if (!info) return true;
    if (info.size === write.size && info.mtimeMs === write.modifiedMs) return true;
    this.writes.delete(path);
    return false;
  }
}
