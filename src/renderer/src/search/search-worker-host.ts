/**
 * The worker's message handling, separated from `self` so it can be tested in Node.
 * Requests are taken in arrival order and each runs to completion, so a search that arrives while
 * an index build is running is answered after the build, against the new index. Index changes are
 * synchronous inside the worker and never block the UI thread.
 *
 * Incremental changes (`upsert`, `remove`) are buffered and applied together once none has
 * arrived for `settleMs`, or at once when a search comes in. An import sends a change per batch of
 * 1000 papers; indexing each as it arrives would compete for the CPU with the import's own
 * IndexedDB work, while a search always sees every change sent before it.
 */
import { errorMessage } from '../../../shared/error-message';
import { SearchEngine } from '../../../shared/search/search-engine';
import type { SearchRequest, SearchResponse } from './search-protocol';
import type { SearchDocument } from '../../../shared/search/search-types';

/** Default quiet time before buffered index changes are applied without a search asking. */
export const DEFAULT_SETTLE_MS = 800;

/** Options of `createSearchHost`; the timer functions are injectable for tests. */
export interface SearchHostOptions {
  readonly engine?: SearchEngine;
  readonly settleMs?: number;
  readonly setTimer?: (callback: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

/**
 * Returns a handler for one request that posts its responses through `post`.
 * Invariants: every `search` request yields exactly one response carrying its `requestId`, and is
 * answered against an index that includes every change received before it; every applied index
 * change is followed by one `ready` (or an `error` without `requestId`).
 */
export function createSearchHost(
  post: (response: SearchResponse) => void,
  options: SearchHostOptions = {},
): (request: SearchRequest) => void {
  const engine = options.engine ?? new SearchEngine();
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer =
    options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const clock = () => (typeof performance === 'undefined' ? Date.now() : performance.now());
  /** Latest buffered change per id: the new document, or null for a removal. */
  const buffered = new Map<string, SearchDocument | null>();
  let timer: unknown = null;
  const cancelTimer = (): void => {
    if (timer !== null) clearTimer(timer);
    timer = null;
  };

  const change = (apply: () => void): void => {
    const started = clock();
    try {
      apply();
      post({ type: 'ready', size: engine.size, buildMs: clock() - started });
    } catch (error) {
      post({ type: 'error', message: errorMessage(error) });
    }
  };

  const flush = (): void => {
    cancelTimer();
    if (buffered.size === 0) return;
    const upserts: SearchDocument[] = [];
    const removals: string[] = [];
    for (const [id, doc] of buffered) {
      if (doc === null) removals.push(id);
      else upserts.push(doc);
    }
    buffered.clear();
    change(() => {
      if (removals.length > 0) engine.remove(removals);
      if (upserts.length > 0) engine.upsert(upserts);
    });
  };

  const buffer = (entries: Iterable<readonly [string, SearchDocument | null]>): void => {
    for (const [id, doc] of entries) buffered.set(id, doc);
    cancelTimer();
    timer = setTimer(flush, settleMs);
  };

  return (request) => {
    if (request.type === 'search') {
      flush();
      try {
        const result = engine.search(request.query);
        post({ type: 'result', requestId: request.requestId, result });
      } catch (error) {
        post({ type: 'error', requestId: request.requestId, message: errorMessage(error) });
      }
      return;
    }
    if (request.type === 'replace-all') {
      cancelTimer();
      buffered.clear();
      change(() => engine.replaceAll(request.docs));
    } else if (request.type === 'upsert') {
      buffer(request.docs.map((doc) => [doc.id, doc] as const));
    } else {
      buffer(request.ids.map((id) => [id, null] as const));
    }
  };
}
