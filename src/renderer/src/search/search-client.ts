/**
 * Main-thread client of the search worker.
 * Only the latest search matters: calling `search()` again settles every older pending search
 * with `null` (they never reject for being superseded). At most one search is in flight in the
 * worker; a newer query waits for it and older queued queries are never sent, so fast typing
 * never piles up work.
 */
import type { SearchRequest, SearchResponse } from './search-protocol';
import type {
  SearchDocument,
  SearchQuery,
  SearchResult,
} from '../../../shared/search/search-types';

/** The subset of `Worker` the client uses (a real Worker fits; tests pass a fake). */
export interface SearchWorkerLike {
  postMessage(message: SearchRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SearchResponse>) => void): void;
  terminate(): void;
}

/** Optional callbacks for index lifecycle events. */
export interface SearchClientOptions {
  /** Called after each index change with the document count and time taken in the worker. */
  readonly onReady?: (size: number, buildMs: number) => void;
  /** Called when an index change fails in the worker. */
  readonly onError?: (message: string) => void;
}

interface PendingSearch {
  readonly requestId: number;
  readonly query: SearchQuery;
  readonly resolve: (result: SearchResult | null) => void;
  readonly reject: (error: Error) => void;
}

/** Client for one search worker; see the module comment for the cancellation rule. */
export class SearchClient {
  private nextId = 1;
  private inFlight: PendingSearch | null = null;
  private queued: PendingSearch | null = null;
  private disposed = false;

  constructor(
    private readonly worker: SearchWorkerLike,
    private readonly options: SearchClientOptions = {},
  ) {
    worker.addEventListener('message', (event) => this.onMessage(event.data));
  }

  /** Replaces the whole index. */
  replaceAll(docs: readonly SearchDocument[]): void {
    this.send({ type: 'replace-all', docs });
  }

  /** Adds or updates documents. */
  upsert(docs: readonly SearchDocument[]): void {
    this.send({ type: 'upsert', docs });
  }

  /** Removes documents by id. */
  remove(ids: readonly string[]): void {
    this.send({ type: 'remove', ids });
  }

  /**
   * Searches; resolves with the result, or with `null` when a newer search (or `dispose`)
   * superseded this one. Rejects only when the worker reports an error for this query.
   */
  search(query: SearchQuery): Promise<SearchResult | null> {
    if (this.disposed) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      const pending = { requestId: this.nextId++, query, resolve, reject };
      this.inFlight?.resolve(null);
      this.queued?.resolve(null);
      this.queued = pending;
      this.pump();
    });
  }

  /** Settles pending searches with `null` and terminates the worker. Idempotent. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.inFlight?.resolve(null);
    this.queued?.resolve(null);
    this.inFlight = null;
    this.queued = null;
    this.worker.terminate();
  }

  private send(message: SearchRequest): void {
    if (!this.disposed) this.worker.postMessage(message);
  }

  /** Sends the queued search when nothing is in flight. */
  private pump(): void {
    if (this.inFlight !== null || this.queued === null) return;
    const { requestId, query } = this.queued;
    this.inFlight = this.queued;
    this.queued = null;
    this.send({ type: 'search', requestId, query });
  }

  private onMessage(response: SearchResponse): void {
    if (response.type === 'ready') {
      this.options.onReady?.(response.size, response.buildMs);
      return;
    }
    if (response.type === 'error' && response.requestId === undefined) {
      this.options.onError?.(response.message);
      return;
    }
    const pending = this.inFlight;
    if (pending === null || pending.requestId !== response.requestId) return;
    this.inFlight = null;
    // Resolving a superseded promise again is a no-op, so stale answers are simply dropped.
    if (response.type === 'result') pending.resolve(response.result);
    else pending.reject(new Error(response.message));
    this.pump();
  }
}

/** Starts the search worker (bundled by Vite as a module worker). */
export function createSearchWorker(): Worker {
  return new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
}

/** A client bound to a freshly started search worker. */
export function createSearchClient(options?: SearchClientOptions): SearchClient {
  return new SearchClient(createSearchWorker(), options);
}
