/**
 * Sparse vectors as two parallel typed arrays, and the few operations the recommender needs.
 * Invariant: `indices` is strictly increasing and `values` has the same length.
 */

/** A sparse vector: feature ids (ascending) and their values. */
export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

/** Builds a vector from a feature → value map, dropping zeros; indices come out sorted. */
export function sparseFromMap(entries: ReadonlyMap<number, number>): SparseVector {
  const pairs = [...entries].filter(([, value]) => value !== 0).sort((a, b) => a[0] - b[0]);
  return {
    indices: Int32Array.from(pairs, ([index]) => index),
    values: Float32Array.from(pairs, ([, value]) => value),
  };
}

/** Dot product of two sparse vectors (a merge of their sorted indices). */
export function sparseDot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.indices.length && j < b.indices.length) {
    const ia = a.indices[i] as number;
    const ib = b.indices[j] as number;
    if (ia === ib) {
      sum += (a.values[i] as number) * (b.values[j] as number);
      i += 1;
      j += 1;
    } else if (ia < ib) i += 1;
    else j += 1;
  }
  return sum;
}

/** Euclidean length. */
export function sparseNorm(v: SparseVector): number {
  let sum = 0;
  for (const value of v.values) sum += value * value;
  return Math.sqrt(sum);
}

/** Cosine similarity; 0 when either vector is all zeros. */
export function sparseCosine(a: SparseVector, b: SparseVector): number {
  const norms = sparseNorm(a) * sparseNorm(b);
  return norms === 0 ? 0 : sparseDot(a, b) / norms;
}

/** Dot product of a sparse vector with a dense one (missing dense entries count as 0). */
export function denseDot(v: SparseVector, dense: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < v.indices.length; k += 1)
    sum += (v.values[k] as number) * (dense[v.indices[k] as number] ?? 0);
  return sum;
}
