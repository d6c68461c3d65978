/**
 * Persistence of the origin's storage (so the browser never evicts the library) and turning
 * IndexedDB failures into messages a user can act on.
 */

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
}

/** The error and its `inner` chain (Dexie wraps IndexedDB errors as `inner`), outermost first. */
function errorChain(error: unknown): NamedError[] {
  const chain: NamedError[] = [];
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && chain.length < 10) {
    const link: NamedError = current;
    chain.push(link);
    current = link.inner;
  }
  return chain;
}

/** True when the error (or one it wraps) means the disk or the origin's quota is full. */
export function isQuotaError(error: unknown): boolean {
  return errorChain(error).some(
    (e) =>
      e.name === 'QuotaExceededError' || e.code === 22 || e.name === 'NS_ERROR_DOM_QUOTA_REACHED',
  );
}

/**
 * One line explaining a failed library operation. A full disk/quota (also when wrapped by Dexie)
 * says so and that nothing was changed (the transaction rolled back); other errors name the
 * innermost cause.
 */
export function describeDbError(error: unknown): string {
  if (isQuotaError(error)) {
    return 'Your disk is full: the library could not save this change, so nothing was changed. Free up some disk space and try again.';
  }
  const chain = errorChain(error);
  const inner = chain[chain.length - 1];
  const message =
    typeof inner?.message === 'string' && inner.message.length > 0 ? inner.message : null;
  const name = typeof inner?.name === 'string' && inner.name !== 'Error' ? `${inner.name}: ` : '';
  if (message !== null)
    return `The library could not complete this change (${name}${message.split('\n')[0]}).`;
  return `The library could not complete this change (${String(error)}).`;
}
