/**
 * L2-regularised logistic regression over sparse vectors, trained by stochastic gradient descent
 * with class weights (each class counts as half of the data, so ten dismissals do not drown two
 * queued papers). Deterministic: the example order comes from a seeded shuffle, so the same
 * signals always give the same model.
 *
 * Cost is bounded whatever the number of signals: at most `MAX_UPDATES` example updates per
 * training (more epochs for few examples, fewer for many), so a retrain after each triage
 * decision stays cheap.
 */
import type { SparseVector } from './sparse-vector';
import { seededRandom } from './seeded-random';

/** One labelled example: `label` true = the user wants papers like this. */
export interface Example {
  readonly vector: SparseVector;
  readonly label: boolean;
}

/** A trained linear model: `score(x) = weights · x + bias`. */
export interface LinearModel {
  /** Dense weights by feature id; features at or beyond its length weigh 0. */
  readonly weights: Float64Array;
  readonly bias: number;
}

/** Training knobs; the defaults are what the app and the benchmark use. */
export interface TrainOptions {
  /** L2 strength per update (larger = closer to the class centroids' difference). */
  readonly lambda?: number;
  readonly learningRate?: number;
  readonly seed?: number;
}

const DEFAULT_LAMBDA = 0.01;
const DEFAULT_LEARNING_RATE = 0.5;
/** Example updates per training, over all epochs. */
const MAX_UPDATES = 60_000;
const MIN_EPOCHS = 3;
const MAX_EPOCHS = 200;

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * Trains on `examples` (feature ids below `dimensions`). Needs at least one example of each
 * label to be meaningful; with one class only, the model just learns that class's bias.
 */
export function trainLogistic(
  examples: readonly Example[],
  dimensions: number,
  options: TrainOptions = {},
): LinearModel {
  const lambda = options.lambda ?? DEFAULT_LAMBDA;
  const eta0 = options.learningRate ?? DEFAULT_LEARNING_RATE;
  const n = examples.length;
  const positives = examples.filter((example) => example.label).length;
  const weightOf = (label: boolean): number =>
    n / (2 * Math.max(1, label ? positives : n - positives));
  // w = scale · v, so the L2 shrink of every weight is one multiplication per update.
  const v = new Float64Array(dimensions);
  let scale = 1;
  let bias = 0;
  const order = examples.map((_, i) => i);
  const next = seededRandom(options.seed ?? 1);
  const epochs = Math.min(
    MAX_EPOCHS,
    Math.max(MIN_EPOCHS, Math.ceil(MAX_UPDATES / Math.max(1, n))),
  );
  let t = 0;
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const index of order) {
      const { vector, label } = examples[index] as Example;
      const eta = eta0 / (1 + eta0 * lambda * t);
      t += 1;
      let z = 0;
      for (let k = 0; k < vector.indices.length; k += 1)
        z += (v[vector.indices[k] as number] as number) * (vector.values[k] as number);
      z = z * scale + bias;
      const gradient = (sigmoid(z) - (label ? 1 : 0)) * weightOf(label);
      scale *= 1 - eta * lambda;
      const step = (eta * gradient) / scale;
      for (let k = 0; k < vector.indices.length; k += 1) {
        const f = vector.indices[k] as number;
        v[f] = (v[f] as number) - step * (vector.values[k] as number);
      }
      bias -= eta * gradient * 0.1;
      if (scale < 1e-6) {
        for (let f = 0; f < v.length; f += 1) v[f] = (v[f] as number) * scale;
        scale = 1;
      }
    }
  }
  for (let f = 0; f < v.length; f += 1) v[f] = (v[f] as number) * scale;
  return { weights: v, bias };
}

/**
 * The features that pushed `vector`'s score up the most: feature ids of the `count` largest
 * positive contributions `weight · value`, largest first.
 */
export function topContributions(
  model: LinearModel,
  vector: SparseVector,
  count: number,
): number[] {
  const contributions: { feature: number; amount: number }[] = [];
  for (let k = 0; k < vector.indices.length; k += 1) {
    const feature = vector.indices[k] as number;
    const amount = (model.weights[feature] ?? 0) * (vector.values[k] as number);
    if (amount > 0) contributions.push({ feature, amount });
  }
  contributions.sort((a, b) => b.amount - a.amount || a.feature - b.feature);
  return contributions.slice(0, count).map((c) => c.feature);
}
