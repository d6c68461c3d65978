/**
 * Persistence of the origin's storage (so the browser never evicts the library) and turning
 * IndexedDB failures into messages a user can act on.
 */
import { Dexie } from 'dexie';

/** Whether the library's storage is persistent: granted, refused, or not offered by the browser. */
export type PersistenceAnswer = 'granted' | 'denied' | 'unsupported';

/** Storage use of the origin, in bytes; null fields when the browser does not say. */
export interface StorageEstimateResult {
  readonly usage: number | null;
  readonly quota: number | null;
}

function storageManager(): StorageManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/**
 * Asks for persistent storage unless it is already granted. Never throws: a failing API counts
 * as 'unsupported'.
 */
export async function requestPersistentStorage(): Promise<PersistenceAnswer> {
  const storage = storageManager();
  if (typeof storage?.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'unsupported';
  }
}

/** The browser's storage estimate for this origin (nulls when unavailable). */
export async function estimateStorage(): Promise<StorageEstimateResult> {
  const storage = storageManager();
  if (typeof storage?.estimate !== 'function') return { usage: null, quota: null };
  try {
    const { usage, quota } = await storage.estimate();
    return { usage: usage ?? null, quota: quota ?? null };
  } catch {
    return { usage: null, quota: null };
  }
}

interface NamedError {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly inner?: unknown;
  readonly code?: unknown;
  readonly failures?: unknown;
}

const MAX_CHAIN = 32;

/**
 * Every error the failure is made of: the error itself, what it wraps (`inner`, as Dexie wraps
 * IndexedDB's DOMExceptions) and, for Dexie's BulkError/ModifyError, each failed operation, in
 * that order. Bounded, so a cyclic or huge error object cannot hang the caller.
 */
function errorParts(error: unknown): NamedError[] {
  const parts: NamedError[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && parts.length < MAX_CHAIN) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null) continue;
    const part: NamedError = current;
    if (parts.includes(part)) continue;
    parts.push(part);
    queue.push(part.inner);
    if (Array.isArray(part.failures)) queue.push(...(part.failures as unknown[]).slice(0, 8));
  }
  return parts;
}

function hasName(error: unknown, names: readonly string[]): boolean {
  return errorParts(error).some((e) => typeof e.name === 'string' && names.includes(e.name));
}

function mentions(error: unknown, pattern: RegExp): boolean {
  return errorParts(error).some((e) => typeof e.message === 'string' && pattern.test(e.message));
}

/**
 * True when the error came from the library's storage (Dexie or IndexedDB, also wrapped), as
 * opposed to a bug elsewhere: such errors are explained with `describeDbError`.
 */
export function isLibraryError(error: unknown): boolean {
  return errorParts(error).some(
    (part) =>
      part instanceof Dexie.DexieError ||
      (typeof DOMException !== 'undefined' && part instanceof DOMException),
  );
}

/** True when the error (or one it wraps) means the disk or the origin's quota is full. */
export function isQuotaError(error: unknown): boolean {
  return errorParts(error).some(
    (e) =>
      e.name === 'QuotaExceededError' || e.code === 22 || e.name === 'NS_ERROR_DOM_QUOTA_REACHED',
  );
}

/**
 * True when the browser's storage itself failed or is missing (Chromium's "Internal error opening
 * backing store", an IndexedDB that is not there or refuses to open), as opposed to one change
 * being refused.
 */
export function isStorageUnavailableError(error: unknown): boolean {
  return (
    hasName(error, ['UnknownError', 'MissingAPIError', 'NotReadableError']) ||
    mentions(error, /backing store|IndexedDB API missing/i)
  );
}

/** What went wrong, in the user's terms; `other` keeps the error's own words. */
type DbFailure =
  'quota' | 'unavailable' | 'newer-version' | 'upgrade' | 'closed' | 'cancelled' | 'other';

function classify(error: unknown): DbFailure {
  if (isQuotaError(error)) return 'quota';
  if (isStorageUnavailableError(error)) return 'unavailable';
  if (hasName(error, ['VersionError'])) return 'newer-version';
  if (hasName(error, ['UpgradeError'])) return 'upgrade';
  if (hasName(error, ['DatabaseClosedError', 'VersionChangeError'])) return 'closed';
  if (hasName(error, ['AbortError'])) return 'cancelled';
  return 'other';
}

const NOTHING_CHANGED = 'nothing was changed';

const MESSAGES: Readonly<Record<Exclude<DbFailure, 'other'>, string>> = {
  quota: `Your disk is full (or the space Paper Queue may use is used up), so ${NOTHING_CHANGED}. Free up some disk space and try again.`,
  unavailable: `The browser storage that holds your library is damaged or unavailable, so ${NOTHING_CHANGED}. Restart Paper Queue; if this keeps happening, check the disk.`,
  'newer-version': `The library was last saved by a newer version of Paper Queue, which this version cannot change, so ${NOTHING_CHANGED}. Use the newer version.`,
  upgrade: `The library could not be upgraded to this version's format, so ${NOTHING_CHANGED}: it stays in its previous format. Restart Paper Queue to try again.`,
  closed: `The library is being upgraded or was closed by another Paper Queue window, so ${NOTHING_CHANGED}. Close the other window, then reload this one.`,
  cancelled: `The browser storage cancelled this change before it was saved, so ${NOTHING_CHANGED}. This usually means the disk is full or failing: free up some disk space and try again.`,
};

/**
 * One line explaining a failed library operation in words, never a raw "BulkError … AbortError":
 * a full disk or quota, storage that is damaged or missing, a library from a newer version, a
 * failed upgrade, a library closed by another window, or a write the storage cancelled. Every
 * library write is one transaction, so each of these says that nothing was changed. Any other
 * error names its innermost cause.
 */
export function describeDbError(error: unknown): string {
  const failure = classify(error);
  if (failure !== 'other') return MESSAGES[failure];
  let inner: NamedError | undefined;
  for (let link: unknown = error, depth = 0; depth < MAX_CHAIN; depth++) {
    if (typeof link !== 'object' || link === null) break;
    inner = link;
    link = inner.inner;
  }
  const message =
    typeof inner?.message === 'string' && inner.message.length > 0 ? inner.message : null;
  const name = typeof inner?.name === 'string' && inner.name !== 'Error' ? `${inner.name}: ` : '';
  if (message !== null)
    return `The library could not complete this change (${name}${message.split('\n')[0]}).`;
  return `The library could not complete this change (${String(error)}).`;
}
