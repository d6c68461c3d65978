/**
 * Web Worker entry: owns the SearchEngine and answers SearchClient requests.
 * Loaded with `createSearchWorker()` (search-client.ts); Vite bundles it as a module worker.
 */
import type { SearchRequest, SearchResponse } from './search-protocol';
import { createSearchHost } from './search-worker-host';

/** The parts of the dedicated worker global scope used here. */
interface WorkerScope {
  postMessage(message: SearchResponse): void;
  onmessage: ((event: MessageEvent<SearchRequest>) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
const handle = createSearchHost((response) => scope.postMessage(response));
scope.onmessage = (event) => handle(event.data);
