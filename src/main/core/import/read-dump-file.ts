import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename } from 'node:path';
import { MAX_DUMP_BYTES } from '../../../shared/ipc-validators';
import { describeFsError } from '../fs/atomic-write';

/** A dump file read from disk, or why it was refused without reading it. */
export type DumpRead =
  | { readonly kind: 'read'; readonly bytes: Uint8Array; readonly modifiedAt: Date }
  | {
      readonly kind: 'refused';
      readonly message: string;
      /** Identifies this refusal without the content (name, size, time), for the ledger. */
      readonly fingerprint: string;
    };

/** How long one file may take to read before the queue moves on without it. */
const READ_TIMEOUT_MS = 30_000;

const MB = 1024 * 1024;

function fingerprintOf(path: string, stats: Stats): string {
  return `stat:${basename(path)}:${stats.size}:${Math.trunc(stats.mtimeMs)}`;
}

/** Why a file with these stats is not read: not a regular file, or over the size cap. */
function refusalOf(path: string, stats: Stats): DumpRead | null {
  const name = basename(path);
  if (!stats.isFile()) {
    const what = stats.isDirectory()
      ? 'a folder'
      : stats.isFIFO()
        ? 'a named pipe'
        : stats.isSocket()
          ? 'a socket'
          : 'a device or special file';
    return {
      kind: 'refused',
      message: `${name} is ${what}, not a regular file, and was skipped.`,
      fingerprint: fingerprintOf(path, stats),
    };
  }
  if (stats.size > MAX_DUMP_BYTES) {
    return {
      kind: 'refused',
      message: `${name} is ${Math.round(stats.size / MB)} MB; listing dumps over ${MAX_DUMP_BYTES / MB} MB are refused.`,
      fingerprint: fingerprintOf(path, stats),
    };
  }
  return null;
}

function readableError(error: unknown, path: string): Error {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return error as Error;
  return new Error(describeFsError(error, path), { cause: error });
}

/**
 * Reads a dump safely. Symbolic links are followed (one rule everywhere: the watcher, the startup
 * scan, drops and the name-clash check all follow them), and only a regular file within the size
 * cap is read: type and size are checked with `stat` before opening, so a FIFO, a device such as
 * /dev/zero or a 1.5 GiB video is refused without a byte read. The file is opened non-blocking
 * (a FIFO swapped in after the check cannot hang the open), checked again on the open handle, and
 * read at most up to its checked size. File-system errors become readable messages, except ENOENT,
 * which keeps its code so callers can ignore files deleted in the meantime.
 */
export async function readDumpFile(path: string): Promise<DumpRead> {
  let stats: Stats;
  try {
    stats = await stat(path);
  } catch (error) {
    throw readableError(error, path);
  }
  const refusal = refusalOf(path, stats);
  if (refusal) return refusal;
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw readableError(error, path);
  }
  try {
    const opened = await handle.stat();
    const changed = refusalOf(path, opened);
    if (changed) return changed;
    const bytes = new Uint8Array(opened.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { kind: 'read', bytes: bytes.subarray(0, filled), modifiedAt: opened.mtime };
  } catch (error) {
    throw readableError(error, path);
  } finally {
    await handle.close();
  }
}

/**
 * `readDumpFile` with a time limit: a file on a hung network drive fails with a message after
 * `timeoutMs` instead of stalling every later import (the read itself finishes in the background).
 */
export async function readDumpFileWithin(
  path: string,
  timeoutMs: number = READ_TIMEOUT_MS,
  read: (path: string) => Promise<DumpRead> = readDumpFile,
): Promise<DumpRead> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `${basename(path)} could not be read within ${Math.round(timeoutMs / 1000)} s and was skipped (is it on a disconnected drive?).`,
          ),
        ),
      timeoutMs,
    );
  });
  const reading = read(path);
  reading.catch(() => undefined);
  try {
    return await Promise.race([reading, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
