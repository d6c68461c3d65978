import { describe, expect, it } from 'vitest';
import { sparseCosine, sparseNorm, denseDot } from '../../../src/shared/recommend/sparse-vector';
import { TfIdfIndex } from '../../../src/shared/recommend/tfidf';

const text = (title: string, abstract = '', organization: string | null = null) => ({
  title,
  abstract,
  organization,
});

function weightOf(index: TfIdfIndex, id: string, term: string): number {
  const vector = index.vector(index.slotOf(id) as number);
  for (let k = 0; k < vector.indices.length; k += 1)
    if (index.term(vector.indices[k] as number) === term) return vector.values[k] as number;
  return 0;
}

describe('TfIdfIndex', () => {
  it('gives unit-length vectors, so a paper has cosine 1 with itself', () => {
    const index = new TfIdfIndex();
    index.upsert('a', text('Sparse attention', 'Attention is sparse and fast.', 'OpenBMB'));
    index.upsert('b', text('Protein folding', 'Folding proteins with graphs.'));
    const a = index.vector(0);
    expect(sparseNorm(a)).toBeCloseTo(1, 5);
    const cosines = new Float32Array(2);
    index.cosineAll(a, cosines);
    expect(cosines[0]).toBeCloseTo(1, 5);
    expect(cosines[1]).toBe(0);
  });

  it('weighs a rare word above a common one, and a title word above an abstract word', () => {
    const index = new TfIdfIndex();
    index.upsert('a', text('Graph kernels', 'Graph kernels for molecules and model graph.'));
    index.upsert('b', text('Other', 'A model of language.'));
    index.upsert('c', text('More', 'Another model of vision.'));
    expect(weightOf(index, 'a', 'kernel')).toBeGreaterThan(weightOf(index, 'a', 'model'));
    expect(weightOf(index, 'a', 'kernel')).toBeGreaterThan(weightOf(index, 'a', 'molecule'));
  });

  it('keeps the organisation as one feature of its own', () => {
    const index = new TfIdfIndex();
    index.upsert('a', text('Agents', 'Tool use.', 'Meta AI'));
    expect(weightOf(index, 'a', 'org:meta ai')).toBeGreaterThan(0);
    expect(weightOf(index, 'a', 'meta')).toBe(0);
  });

  it('reports whether an upsert changed the text, and reweighs after a change', () => {
    const index = new TfIdfIndex();
    expect(index.upsert('a', text('Sparse attention'))).toBe(true);
    index.upsert('b', text('Dense attention'));
    expect(index.upsert('a', text('Sparse attention'))).toBe(false);
    const before = weightOf(index, 'a', 'attention');
    index.upsert('c', text('Attention again'));
    expect(weightOf(index, 'a', 'attention')).toBeLessThan(before);
    expect(index.upsert('a', text('Sparse attention', 'now with an abstract'))).toBe(true);
  });

  it('moves the last paper into a removed slot and forgets the removed one', () => {
    const index = new TfIdfIndex();
    index.upsert('a', text('One'));
    index.upsert('b', text('Two words'));
    index.upsert('c', text('Triple words'));
    expect(index.remove('a')).toBe(true);
    expect(index.remove('a')).toBe(false);
    expect(index.size).toBe(2);
    expect(index.slotOf('a')).toBeUndefined();
    expect(index.idAt(index.slotOf('c') as number)).toBe('c');
    expect(weightOf(index, 'c', 'triple')).toBeGreaterThan(0);
  });

  it('dotAll equals the dot product of each vector with the weights, and explains it', () => {
    const index = new TfIdfIndex();
    index.upsert('a', text('Sparse attention kernels', 'Fast sparse kernels.'));
    index.upsert('b', text('Protein folding', 'Folding with attention.'));
    const weights = new Float64Array(index.dimensions).map((_, i) => (i % 3) - 0.5);
    const out = new Float32Array(2);
    const why = new Int32Array(4);
    index.dotAndExplainAll(weights, out, 2, why);
    for (const slot of [0, 1])
      expect(out[slot]).toBeCloseTo(denseDot(index.vector(slot), weights), 5);
    const plain = new Float32Array(2);
    index.dotAll(weights, plain);
    expect([...plain]).toEqual([...out]);
    for (const feature of why) if (feature >= 0) expect(weights[feature]).toBeGreaterThan(0);
  });

  it('cosines agree with the sparse cosine of the vectors', () => {
    const index = new TfIdfIndex();
    index.upsert('a', text('Sparse attention kernels', 'Fast sparse kernels.'));
    index.upsert('b', text('Sparse folding', 'Kernels with attention.'));
    const out = new Float32Array(2);
    index.cosineAll(index.vector(0), out);
    expect(out[1]).toBeCloseTo(sparseCosine(index.vector(0), index.vector(1)), 5);
    expect(out[1]).toBeGreaterThan(0);
  });
});
