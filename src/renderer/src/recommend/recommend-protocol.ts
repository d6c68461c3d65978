/**
 * Messages between the main thread (RecommendClient) and the recommend Web Worker.
 * Plain structured-clone-able data only.
 */
import type {
  RankResult,
  RecommendDocument,
  SimilarPaper,
  TagSuggestion,
} from '../../../shared/recommend/types';

/** A question and the type of its answer. */
export interface RecommendQueries {
  readonly rank: { readonly args: Record<string, never>; readonly answer: RankResult };
  readonly similar: {
    readonly args: { readonly id: string; readonly count: number };
    readonly answer: readonly SimilarPaper[];
  };
  readonly 'suggest-tags': {
    readonly args: { readonly id: string; readonly count: number };
    readonly answer: readonly TagSuggestion[];
  };
}

/** The name of a question. */
export type RecommendQueryName = keyof RecommendQueries;

/** Main thread → worker. Requests are handled in arrival order. */
export type RecommendRequest =
  | { readonly type: 'replace-all'; readonly docs: readonly RecommendDocument[] }
  | { readonly type: 'upsert'; readonly docs: readonly RecommendDocument[] }
  | { readonly type: 'remove'; readonly ids: readonly string[] }
  | {
      readonly type: 'query';
      readonly requestId: number;
      readonly query: RecommendQueryName;
      readonly args: RecommendQueries[RecommendQueryName]['args'];
    };

/**
 * Worker → main thread. Every `query` gets exactly one `answer` or `error` with its
 * `requestId`; an `error` without `requestId` reports a failed library change.
 */
export type RecommendResponse =
  | {
      readonly type: 'answer';
      readonly requestId: number;
      readonly answer: RecommendQueries[RecommendQueryName]['answer'];
    }
  | { readonly type: 'error'; readonly requestId?: number; readonly message: string };
