/**
 * Web Worker entry: owns the Recommender and answers RecommendClient requests.
 * Loaded with `createRecommendClient()` (recommend-client.ts); Vite bundles it as a module worker.
 */
import { createRecommendHost } from './recommend-host';
import type { RecommendRequest, RecommendResponse } from './recommend-protocol';

/** The parts of the dedicated worker global scope used here. */
interface WorkerScope {
  postMessage(message: RecommendResponse): void;
  onmessage: ((event: MessageEvent<RecommendRequest>) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
const handle = createRecommendHost((response) => scope.postMessage(response));
scope.onmessage = (event) => handle(event.data);
