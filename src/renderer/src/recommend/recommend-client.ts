/**
 * Main-thread client of the recommend worker: sends library changes and asks questions (rank,
 * similar papers, tag suggestions), each answered by a promise. After `dispose`, pending and new
 * questions resolve with `null`.
 */
import type {
  RankResult,
  RecommendDocument,
  SimilarPaper,
  TagSuggestion,
} from '../../../shared/recommend/types';
import type {
  RecommendQueries,
  RecommendQueryName,
  RecommendRequest,
  RecommendResponse,
} from './recommend-protocol';

/** The subset of `Worker` the client uses (a real Worker fits; tests pass a fake). */
export interface RecommendWorkerLike {
  postMessage(message: RecommendRequest): void;
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<RecommendResponse>) => void,
  ): void;
  terminate(): void;
}

/** The fields the recommender reads; extra fields (notes, years) are not sent to the worker. */
function toRecommendDocument(doc: RecommendDocument): RecommendDocument {
  const { id, title, abstract, organization, status, tags } = doc;
  return { id, title, abstract, organization, status, tags };
}

interface Pending {
  readonly resolve: (answer: unknown) => void;
  readonly reject: (error: Error) => void;
}

/** Client for one recommend worker. */
export class RecommendClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private disposed = false;

  constructor(
    private readonly worker: RecommendWorkerLike,
    private readonly onError: (message: string) => void = () => undefined,
  ) {
    worker.addEventListener('message', (event) => this.onMessage(event.data));
  }

  /** Replaces every paper. */
  replaceAll(docs: readonly RecommendDocument[]): void {
    this.send({ type: 'replace-all', docs: docs.map(toRecommendDocument) });
  }

  /** Adds or updates papers. */
  upsert(docs: readonly RecommendDocument[]): void {
    this.send({ type: 'upsert', docs: docs.map(toRecommendDocument) });
  }

  /** Removes papers by id. */
  remove(ids: readonly string[]): void {
    this.send({ type: 'remove', ids });
  }

  /** The For-you order of every paper (or how many signals are missing). */
  rank(): Promise<RankResult | null> {
    return this.ask('rank', {});
  }

  /** The `count` papers most like `id`. */
  similar(id: string, count = 10): Promise<readonly SimilarPaper[] | null> {
    return this.ask('similar', { id, count });
  }

  /** Tags `id` resembles but does not have. */
  suggestTags(id: string, count = 3): Promise<readonly TagSuggestion[] | null> {
    return this.ask('suggest-tags', { id, count });
  }

  /** Settles pending questions with `null` and terminates the worker. Idempotent. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const { resolve } of this.pending.values()) resolve(null);
    this.pending.clear();
    this.worker.terminate();
  }

  private ask<Q extends RecommendQueryName>(
    query: Q,
    args: RecommendQueries[Q]['args'],
  ): Promise<RecommendQueries[Q]['answer'] | null> {
    if (this.disposed) return Promise.resolve(null);
    const requestId = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, {
        resolve: (answer) => resolve(answer as RecommendQueries[Q]['answer'] | null),
        reject,
      });
      this.send({ type: 'query', requestId, query, args });
    });
  }

  private send(message: RecommendRequest): void {
    if (!this.disposed) this.worker.postMessage(message);
  }

  private onMessage(response: RecommendResponse): void {
    if (response.requestId === undefined) {
      if (response.type === 'error') this.onError(response.message);
      return;
    }
    const pending = this.pending.get(response.requestId);
    if (pending === undefined) return;
    this.pending.delete(response.requestId);
    if (response.type === 'answer') pending.resolve(response.answer);
    else pending.reject(new Error(response.message));
  }
}

/** A client bound to a freshly started recommend worker. */
export function createRecommendClient(onError?: (message: string) => void): RecommendClient {
  const worker = new Worker(new URL('./recommend.worker.ts', import.meta.url), { type: 'module' });
  return new RecommendClient(worker, onError);
}
