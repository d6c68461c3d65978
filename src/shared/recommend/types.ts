/**
 * What the recommender knows about a paper and what it answers. Pure types and constants, shared
 * by the worker, its client and the benchmark.
 */
import type { TextFields } from './tfidf';

/** Reading status (the library's statuses, repeated here because shared code stands alone). */
export type RecommendStatus = 'inbox' | 'queued' | 'reading' | 'read' | 'dismissed';

/** One paper as the recommender sees it: its text, status and tag names. */
export interface RecommendDocument extends TextFields {
  readonly id: string;
  readonly status: RecommendStatus;
  readonly tags: readonly string[];
}

/** Signals needed of each kind before the model ranks anything. */
export const MIN_POSITIVE_SIGNALS = 5;
export const MIN_NEGATIVE_SIGNALS = 5;
/** Terms given as the "why" of each ranked paper. */
export const WHY_TERMS = 3;

/**
 * The signal a paper gives: true (wanted) when queued, reading, read or tagged; false when
 * dismissed (an explicit "no" outweighs an old tag); null for an untriaged, untagged paper.
 */
export function signalOf(doc: Pick<RecommendDocument, 'status' | 'tags'>): boolean | null {
  if (doc.status === 'dismissed') return false;
  if (doc.status !== 'inbox' || doc.tags.length > 0) return true;
  return null;
}

/** Signals counted so far and how many more of each kind the model needs (0 = enough). */
export interface SignalState {
  readonly positive: number;
  readonly negative: number;
  readonly needPositive: number;
  readonly needNegative: number;
}

/**
 * The For-you order: `scores[i]` is the predicted probability the user wants `ids[i]`;
 * `why[i * WHY_TERMS + j]` indexes `terms` (the j-th reason, -1 = none).
 * When there are too few signals, only the signal state is given.
 */
export type RankResult =
  | ({ readonly ready: false } & SignalState)
  | ({
      readonly ready: true;
      readonly ids: readonly string[];
      readonly scores: Float32Array;
      readonly why: Int32Array;
      readonly terms: readonly string[];
    } & SignalState);

/** A paper like another, with its cosine similarity (0..1). */
export interface SimilarPaper {
  readonly id: string;
  readonly score: number;
}

/** A tag a paper resembles, with the cosine to the tag's centroid. */
export interface TagSuggestion {
  readonly tag: string;
  readonly score: number;
}
