import { createHash } from 'node:crypto';
import type { ImportOrigin } from '../../../shared/import-types';
import type { ParseResult } from '../../../shared/paper';

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

/** A file waiting in the import queue. */
export interface QueuedFile extends EnqueueOptions {
  readonly path: string;
  origin: ImportOrigin;
  readonly runId: string;
}

/** Origins where the user acted and so wants to hear that a file was already imported. */
export const USER_ORIGINS: ReadonlySet<ImportOrigin> = new Set([
  'drop',
  'dialog',
  'paste',
  'samples',
]);

/** SHA-256 of a dump's bytes, the identity of its content in the ledger. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
