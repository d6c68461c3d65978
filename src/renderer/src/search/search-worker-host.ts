/**
 * The worker's message handling, separated from `self` so it can be tested in Node.
 * Requests are processed strictly in arrival order and each runs to completion, so a search
 * that arrives while an index build is running is answered after the build, against the new
 * index. Index changes are synchronous inside the worker and never block the UI thread.
 */
import { SearchEngine } from './search-engine';
import type { SearchRequest, SearchResponse } from './search-protocol';

/** Error text for unknown failures. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Returns a handler for one request that posts its responses through `post`.
 * Invariant: every `search` request yields exactly one response carrying its `requestId`.
 */
export function createSearchHost(
  post: (response: SearchResponse) => void,
  engine: SearchEngine = new SearchEngine(),
): (request: SearchRequest) => void {
  const clock = () => (typeof performance === 'undefined' ? Date.now() : performance.now());
  return (request) => {
    if (request.type === 'search') {
      try {
        const result = engine.search(request.query, { limit: request.limit });
        post({ type: 'result', requestId: request.requestId, result });
      } catch (error) {
        post({ type: 'error', requestId: request.requestId, message: messageOf(error) });
      }
      return;
    }
    const started = clock();
    try {
      if (request.type === 'replace-all') engine.replaceAll(request.docs);
      else if (request.type === 'upsert') engine.upsert(request.docs);
      else engine.remove(request.ids);
      post({ type: 'ready', size: engine.size, buildMs: clock() - started });
    } catch (error) {
      post({ type: 'error', message: messageOf(error) });
    }
  };
}
