/**
 * The recommender the worker runs: tf-idf vectors of every paper, a logistic-regression model of
 * the user's interest trained from their own triage, cosine "similar papers" and tag suggestions.
 *
 * Invariants: the model is retrained lazily, only when a signal (status, tags) or a text changed
 * since the last training; nothing is ranked before `MIN_POSITIVE_SIGNALS` wanted and
 * `MIN_NEGATIVE_SIGNALS` dismissed papers exist; tag centroids are rebuilt lazily after a tag or
 * text change.
 */
import {
  topContributions,
  trainLogistic,
  type Example,
  type LinearModel,
  type TrainOptions,
} from './logistic';
import { sparseDot, sparseFromMap, sparseNorm, type SparseVector } from './sparse-vector';
import { ORGANIZATION_PREFIX, TfIdfIndex } from './tfidf';
import { TopK } from './top-k';
import {
  MIN_NEGATIVE_SIGNALS,
  MIN_POSITIVE_SIGNALS,
  signalOf,
  WHY_TERMS,
  type RankResult,
  type RecommendDocument,
  type SignalState,
  type SimilarPaper,
  type TagSuggestion,
} from './types';

/** Suggestions below this cosine to the tag's centroid are noise, not resemblance. */
const MIN_TAG_SIMILARITY = 0.05;

interface Meta {
  readonly signal: boolean | null;
  readonly tags: readonly string[];
}

interface Centroid {
  readonly vector: SparseVector;
  readonly norm: number;
}

/** How a feature reads in a "why": words as they are, an organisation by its name. */
function termLabel(term: string): string {
  return term.startsWith(ORGANIZATION_PREFIX) ? term.slice(ORGANIZATION_PREFIX.length) : term;
}

/** See the module comment. */
export class Recommender {
  private readonly index = new TfIdfIndex();
  private readonly meta = new Map<string, Meta>();
  private model: LinearModel | null = null;
  private modelStale = true;
  private centroids: Map<string, Centroid> | null = null;

  constructor(private readonly trainOptions: TrainOptions = {}) {}

  /** Number of papers. */
  get size(): number {
    return this.index.size;
  }

  /** Replaces every paper. */
  replaceAll(docs: readonly RecommendDocument[]): void {
    for (const id of [...this.meta.keys()]) this.index.remove(id);
    this.meta.clear();
    this.upsert(docs);
  }

  /** Adds or updates papers (text, status, tags). */
  upsert(docs: readonly RecommendDocument[]): void {
    for (const doc of docs) {
      const textChanged = this.index.upsert(doc.id, doc);
      const before = this.meta.get(doc.id);
      const signal = signalOf(doc);
      const tagsChanged = before === undefined || !sameTags(before.tags, doc.tags);
      if (textChanged || tagsChanged) this.centroids = null;
      if (textChanged || before?.signal !== signal) this.modelStale = true;
      this.meta.set(doc.id, { signal, tags: [...doc.tags] });
    }
  }

  /** Removes papers by id (unknown ids are ignored). */
  remove(ids: readonly string[]): void {
    for (const id of ids) {
      if (!this.index.remove(id)) continue;
      this.meta.delete(id);
      this.modelStale = true;
      this.centroids = null;
    }
  }

  /** Signals counted so far and how many more the model needs. */
  signals(): SignalState {
    let positive = 0;
    let negative = 0;
    for (const { signal } of this.meta.values()) {
      if (signal === true) positive += 1;
      else if (signal === false) negative += 1;
    }
    return {
      positive,
      negative,
      needPositive: Math.max(0, MIN_POSITIVE_SIGNALS - positive),
      needNegative: Math.max(0, MIN_NEGATIVE_SIGNALS - negative),
    };
  }

  /** Every paper's predicted interest and its "why", retraining first if signals changed. */
  rank(): RankResult {
    const state = this.signals();
    const model = this.trainedModel(state);
    if (model === null) return { ready: false, ...state };
    const n = this.index.size;
    const scores = new Float32Array(n);
    const features = new Int32Array(n * WHY_TERMS);
    this.index.dotAndExplainAll(model.weights, scores, WHY_TERMS, features);
    for (let slot = 0; slot < n; slot += 1)
      scores[slot] = 1 / (1 + Math.exp(-((scores[slot] as number) + model.bias)));
    const table = new Map<number, number>();
    const terms: string[] = [];
    const why = features.map((feature) => {
      if (feature < 0) return -1;
      let at = table.get(feature);
      if (at === undefined) {
        at = terms.length;
        table.set(feature, at);
        terms.push(termLabel(this.index.term(feature)));
      }
      return at;
    });
    const ids = Array.from({ length: n }, (_, slot) => this.index.idAt(slot));
    return { ready: true, ...state, ids, scores, why, terms };
  }

  /**
   * The terms that pushed `id` up the most in the current model (the same reasons `rank` gives),
   * or an empty list when there are too few signals or the paper is unknown.
   */
  explain(id: string, count = WHY_TERMS): string[] {
    const slot = this.index.slotOf(id);
    const model = this.trainedModel(this.signals());
    if (slot === undefined || model === null) return [];
    return topContributions(model, this.index.vector(slot), count).map((feature) =>
      termLabel(this.index.term(feature)),
    );
  }

  /** The `count` papers most similar to `id` (cosine of tf-idf vectors), best first. */
  similar(id: string, count = 10): SimilarPaper[] {
    const slot = this.index.slotOf(id);
    if (slot === undefined) return [];
    const scores = new Float32Array(this.index.size);
    this.index.cosineAll(this.index.vector(slot), scores);
    const best = new TopK<number>(count);
    for (let other = 0; other < scores.length; other += 1) {
      const score = scores[other] as number;
      if (other !== slot && score > 0 && score > best.threshold) best.offer(score, other);
    }
    return best.items().map(({ value, score }) => ({ id: this.index.idAt(value), score }));
  }

  /**
   * Tags `id` does not have whose papers' centroid is most similar to it (at least
   * `MIN_TAG_SIMILARITY`), best first.
   */
  suggestTags(id: string, count = 3): TagSuggestion[] {
    const slot = this.index.slotOf(id);
    const own = this.meta.get(id);
    if (slot === undefined || own === undefined) return [];
    const vector = this.index.vector(slot);
    const best = new TopK<string>(count);
    for (const [tag, centroid] of this.tagCentroids()) {
      if (own.tags.includes(tag) || centroid.norm === 0) continue;
      const score = sparseDot(vector, centroid.vector) / centroid.norm;
      if (score >= MIN_TAG_SIMILARITY) best.offer(score, tag);
    }
    return best.items().map(({ value, score }) => ({ tag: value, score }));
  }

  private trainedModel(state: SignalState): LinearModel | null {
    if (state.needPositive > 0 || state.needNegative > 0) return null;
    if (this.model !== null && !this.modelStale) return this.model;
    const examples: Example[] = [];
    for (const [id, { signal }] of this.meta) {
      const slot = this.index.slotOf(id);
      if (signal === null || slot === undefined) continue;
      examples.push({ vector: this.index.vector(slot), label: signal });
    }
    this.model = trainLogistic(examples, this.index.dimensions, this.trainOptions);
    this.modelStale = false;
    return this.model;
  }

  private tagCentroids(): Map<string, Centroid> {
    if (this.centroids !== null) return this.centroids;
    const sums = new Map<string, Map<number, number>>();
    for (const [id, { tags }] of this.meta) {
      if (tags.length === 0) continue;
      const slot = this.index.slotOf(id);
      if (slot === undefined) continue;
      const vector = this.index.vector(slot);
      for (const tag of tags) {
        let sum = sums.get(tag);
        if (sum === undefined) sums.set(tag, (sum = new Map()));
        for (let k = 0; k < vector.indices.length; k += 1) {
          const f = vector.indices[k] as number;
          sum.set(f, (sum.get(f) ?? 0) + (vector.values[k] as number));
        }
      }
    }
    this.centroids = new Map(
      [...sums].map(([tag, sum]) => {
        const vector = sparseFromMap(sum);
        return [tag, { vector, norm: sparseNorm(vector) }];
      }),
    );
    return this.centroids;
  }
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}
