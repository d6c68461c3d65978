import { describe, expect, it } from 'vitest';
import {
  topContributions,
  trainLogistic,
  type Example,
} from '../../../src/shared/recommend/logistic';
import { denseDot, sparseFromMap } from '../../../src/shared/recommend/sparse-vector';

/** Features 0-1 mark wanted examples, 2-3 unwanted ones, 4-5 are noise on both sides. */
function toyExamples(): Example[] {
  const examples: Example[] = [];
  for (let i = 0; i < 12; i += 1) {
    const label = i % 3 === 0;
    const signal = label ? [0, 1] : [2, 3];
    examples.push({
      label,
      vector: sparseFromMap(
        new Map([
          [signal[i % 2] as number, 1],
          [4 + (i % 2), 0.5],
        ]),
      ),
    });
  }
  return examples;
}

describe('trainLogistic', () => {
  it('ranks every positive above every negative on separable data', () => {
    const examples = toyExamples();
    const model = trainLogistic(examples, 6);
    const score = (example: Example) => denseDot(example.vector, model.weights) + model.bias;
    const positives = examples.filter((e) => e.label).map(score);
    const negatives = examples.filter((e) => !e.label).map(score);
    expect(Math.min(...positives)).toBeGreaterThan(Math.max(...negatives));
    expect(model.weights[0]).toBeGreaterThan(0);
    expect(model.weights[2]).toBeLessThan(0);
  });

  it('is deterministic for the same examples', () => {
    const a = trainLogistic(toyExamples(), 6);
    const b = trainLogistic(toyExamples(), 6);
    expect([...a.weights]).toEqual([...b.weights]);
    expect(a.bias).toBe(b.bias);
  });

  it('gives the features that pushed a score up, largest first, never a negative one', () => {
    const model = { weights: new Float64Array([2, -1, 0.5, 0]), bias: 0 };
    const vector = sparseFromMap(
      new Map([
        [0, 0.2],
        [1, 0.9],
        [2, 1],
        [3, 1],
      ]),
    );
    expect(topContributions(model, vector, 3)).toEqual([2, 0]);
  });
});
