import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_DUMP_BYTES } from '../../../shared/ipc-validators';
import { describeFsError } from '../fs/atomic-write';

/** A dump file's bytes and modification time, or why it was not read. */
export interface DumpFile {
  readonly bytes: Uint8Array;
  readonly modifiedAt: Date;
  /** Set (and `bytes` empty) when the file exceeds the size cap and was not read. */
  readonly tooLarge: string | null;
}

/**
 * Reads a dump, refusing files over the cap before reading them so a stray video in the inbox
 * cannot exhaust memory. File-system errors are rethrown with a readable message, except ENOENT
 * which keeps its code so callers can ignore files deleted in the meantime.
 */
export async function readDumpFile(path: string): Promise<DumpFile> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    throw new Error(describeFsError(error, path), { cause: error });
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new Error(`${basename(path)} is not a regular file.`);
    if (stats.size > MAX_DUMP_BYTES) {
      const megabytes = Math.round(stats.size / (1024 * 1024));
      return {
        bytes: new Uint8Array(0),
        modifiedAt: stats.mtime,
        tooLarge: `${basename(path)} is ${megabytes} MB; listing dumps over ${MAX_DUMP_BYTES / (1024 * 1024)} MB are refused.`,
      };
    }
    const bytes = await handle.readFile();
    return {
      bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      modifiedAt: stats.mtime,
      tooLarge: null,
    };
  } finally {
    await handle.close();
  }
}
