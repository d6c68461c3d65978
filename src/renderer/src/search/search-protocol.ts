/**
 * Messages between the main thread (SearchClient) and the search Web Worker.
 * Plain structured-clone-able data only.
 */
import type {
  SearchDocument,
  SearchQuery,
  SearchResult,
} from '../../../shared/search/search-types';

/** Main thread → worker. Requests are handled in arrival order. */
export type SearchRequest =
  | { readonly type: 'replace-all'; readonly docs: readonly SearchDocument[] }
  | { readonly type: 'upsert'; readonly docs: readonly SearchDocument[] }
  | { readonly type: 'remove'; readonly ids: readonly string[] }
  | {
      readonly type: 'search';
      readonly requestId: number;
      readonly query: SearchQuery;
    };

/**
 * Worker → main thread. Every `search` request gets exactly one `result` or `error` with its
 * `requestId`; `ready` follows every index change; `error` without `requestId` reports a failed
 * index change.
 */
export type SearchResponse =
  | { readonly type: 'result'; readonly requestId: number; readonly result: SearchResult }
  | { readonly type: 'ready'; readonly size: number; readonly buildMs: number }
  | { readonly type: 'error'; readonly requestId?: number; readonly message: string };
