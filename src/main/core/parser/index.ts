/**
 * Public API of the listing-dump parser (pure Node: imports only node:* and src/shared).
 * Other layers import from here only, never from the individual modules.
 */
import { MAX_DUMP_BYTES as SHARED_MAX_DUMP_BYTES } from '../../../shared/ipc-validators';

/**
 * Size cap for one dump, in bytes (64 MiB; the same constant the IPC validators enforce).
 * `parseDump` rejects larger inputs up front, without scanning them, with a reason naming the
 * cap; callers reading files should `stat` first and refuse to read anything larger. Real dumps
 * are ~100 KB, so the cap only stops wrong files (videos, disk images) from exhausting memory.
 */
export const MAX_DUMP_BYTES: number = SHARED_MAX_DUMP_BYTES;

export { parseDump } from './parse-dump';
export type { ParseOptions } from './parse-dump';
export { normalizeTitle, paperIdFromTitle } from './paper-id';
export { formatDiagnostic } from './format-diagnostic';
