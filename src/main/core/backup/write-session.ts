import { createHash, randomUUID, type Hash } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Suffix of the temporary files write sessions create (swept by `SnapshotStore`). */
export const TEMP_SUFFIX = '.tmp';

/**
 * One file being written from chunks that arrive over IPC: bytes go to a hidden temporary sibling
 * of the target, in `seq` order whatever order the chunks arrive in, and are hashed and counted
 * on the way; `commit` flushes to disk and renames the temporary file over the target, so the
 * target never exists half-written. Any failure (disk full, a missing chunk, an abort) removes the
 * temporary file; the target is then as it was before.
 * Invariant: after `commit` or `abort` settles, no temporary file of this session remains.
 */
export class WriteSession {
  readonly id = randomUUID();
  private readonly temporary: string;
  private handle: FileHandle | null = null;
  private readonly hash: Hash = createHash('sha256');
  private readonly pending = new Map<number, string>();
  private nextSeq = 0;
  private writing: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  private finished = false;
  /** Bytes written so far (header and trailer included). */
  bytes = 0;
  /** Newlines in the hashed chunks (`appendHashed`), i.e. the record lines. */
  hashedLines = 0;
  /** When the session last received anything (for the idle timeout). */
  lastActivity = Date.now();

  private constructor(readonly target: string) {
    this.temporary = join(dirname(target), `.${basename(target)}.${this.id}${TEMP_SUFFIX}`);
  }

  /** Creates the temporary file next to `target` (which must not be written meanwhile). */
  static async start(target: string): Promise<WriteSession> {
    const session = new WriteSession(target);
    session.handle = await open(session.temporary, 'wx');
    return session;
  }

  /** Writes text at once, outside the sequence and the hash (a header line). */
  writeRaw(text: string): Promise<void> {
    return this.enqueue(text, false);
  }

  /**
   * Queues chunk `seq` (counting from 0), hashed; chunks are written in `seq` order. Resolves once
   * this chunk is on its way to the file, rejects when the session has failed.
   */
  append(seq: number, text: string): Promise<void> {
    this.touch();
    if (seq < this.nextSeq || this.pending.has(seq))
      return Promise.reject(new Error(`Chunk ${seq} was sent twice.`));
    this.pending.set(seq, text);
    let chained: Promise<void> = this.writing;
    for (let chunk = this.pending.get(this.nextSeq); chunk !== undefined;) {
      this.pending.delete(this.nextSeq);
      this.nextSeq += 1;
      chained = this.enqueue(chunk, true);
      chunk = this.pending.get(this.nextSeq);
    }
    return chained;
  }

  /** Hex SHA-256 of the hashed chunks written so far. */
  digest(): string {
    return this.hash.copy().digest('hex');
  }

  /**
   * Waits for every queued chunk, writes `trailer` (unhashed), flushes to disk and renames the file
   * over the target. Throws (after removing the temporary file) if a chunk is missing or any write
   * failed. `beforeTrailer` may inspect the counts and throw to abort.
   */
  async commit(trailer: (session: WriteSession) => string): Promise<void> {
    this.touch();
    try {
      await this.writing;
      if (this.failure !== null) throw this.failure;
      if (this.pending.size > 0) throw new Error('Some chunks of the file never arrived.');
      await this.enqueue(trailer(this), false);
      const handle = this.requireHandle();
      await handle.sync();
      await handle.close();
      this.handle = null;
      await rename(this.temporary, this.target);
      this.finished = true;
    } catch (error) {
      await this.abort();
      throw error;
    }
  }

  /** Stops writing and removes the temporary file (no-op once committed or aborted). */
  async abort(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.failure ??= new Error('The write was cancelled.');
    await this.writing.catch(() => undefined);
    await this.handle?.close().catch(() => undefined);
    this.handle = null;
    await rm(this.temporary, { force: true });
  }

  private touch(): void {
    this.lastActivity = Date.now();
  }

  private requireHandle(): FileHandle {
    if (this.handle === null || this.finished) throw new Error('The file is no longer open.');
    return this.handle;
  }

  private enqueue(text: string, hashed: boolean): Promise<void> {
    const write = async (): Promise<void> => {
      if (this.failure !== null) throw this.failure;
      const bytes = Buffer.from(text, 'utf8');
      try {
        await this.requireHandle().write(bytes);
      } catch (error) {
        this.failure = error;
        throw error;
      }
      this.bytes += bytes.byteLength;
      if (hashed) {
        this.hash.update(bytes);
        for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1))
          this.hashedLines += 1;
      }
    };
    const next = this.writing.then(write);
    this.writing = next.catch(() => undefined);
    return next;
  }
}
