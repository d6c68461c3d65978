/**
 * Tf-idf vectors of the library's papers, kept incrementally as papers arrive, change or leave.
 * Each paper keeps its field-weighted term frequencies; idf and the per-paper norms are
 * recomputed lazily, once, after a change of text (a status or tag change leaves the text alone
 * and costs nothing). Vectors are L2-normalised, so a dot product of two is their cosine.
 *
 * The value of feature t in a paper is `tf(t) · idf(t) / norm`, never stored: the hot loops fold
 * idf into the dense side (weights or query) and multiply by the paper's `invNorm` at the end,
 * which keeps memory at two small typed arrays per paper.
 */
import { PackedRows } from './packed-rows';
import { sparseFromMap, type SparseVector } from './sparse-vector';
import { foldText, tokenize } from './tokenize';

/** The text a paper contributes. */
export interface TextFields {
  readonly title: string;
  readonly abstract: string;
  readonly organization: string | null;
}

/** Field weights: a title word says more about a paper than an abstract word. */
const TITLE_WEIGHT = 3;
const ABSTRACT_WEIGHT = 1;
const ORGANIZATION_WEIGHT = 2;
/** Prefix of the one feature an organisation contributes (kept apart from words). */
export const ORGANIZATION_PREFIX = 'org:';

/** Grows a typed array to at least `size` (doubling), keeping its contents. */
function grown<A extends Int32Array | Float64Array>(
  array: A,
  size: number,
  make: (n: number) => A,
): A {
  if (array.length >= size) return array;
  const next = make(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

/** Index of tf-idf vectors; see the module comment. */
export class TfIdfIndex {
  private readonly vocabulary = new Map<string, number>();
  private readonly termList: string[] = [];
  private df = new Int32Array(1024);
  private idf = new Float64Array(0);
  private readonly ids: string[] = [];
  private readonly rows = new PackedRows();
  private readonly invNorms: number[] = [];
  private readonly slots = new Map<string, number>();
  private weightsFresh = true;
  private scratch = new Float64Array(0);

  /** Number of papers. */
  get size(): number {
    return this.ids.length;
  }

  /** Number of distinct features ever seen (feature ids are below this). */
  get dimensions(): number {
    return this.termList.length;
  }

  /** The paper in `slot` (0 ≤ slot < size). Slots move when papers are removed. */
  idAt(slot: number): string {
    return this.ids[slot] as string;
  }

  /** The slot of paper `id`, or undefined. */
  slotOf(id: string): number | undefined {
    return this.slots.get(id);
  }

  /** The word (or `org:name`) of feature `index`. */
  term(index: number): string {
    return this.termList[index] ?? '';
  }

  /**
   * Adds or replaces a paper's text. Returns true when the text (its features) changed; an
   * unchanged text leaves the weights as they are.
   */
  upsert(id: string, fields: TextFields): boolean {
    const { terms, tf } = this.features(fields);
    const slot = this.slots.get(id);
    if (slot !== undefined) {
      const oldTerms = this.rows.rowTerms(slot);
      if (sameArrays(oldTerms, terms) && sameArrays(this.rows.rowTfs(slot), tf)) return false;
      for (const t of oldTerms) this.df[t] = (this.df[t] as number) - 1;
      this.rows.set(slot, terms, tf);
    } else {
      this.slots.set(id, this.ids.length);
      this.ids.push(id);
      this.rows.push(terms, tf);
      this.invNorms.push(0);
    }
    for (const t of terms) this.df[t] = (this.df[t] as number) + 1;
    this.weightsFresh = false;
    return true;
  }

  /** Removes a paper; returns whether it was there. The last paper takes its slot. */
  remove(id: string): boolean {
    const slot = this.slots.get(id);
    if (slot === undefined) return false;
    for (const t of this.rows.rowTerms(slot)) this.df[t] = (this.df[t] as number) - 1;
    this.rows.removeSwap(slot);
    const last = this.ids.length - 1;
    if (slot !== last) {
      const moved = this.ids[last] as string;
      this.ids[slot] = moved;
      this.invNorms[slot] = this.invNorms[last] as number;
      this.slots.set(moved, slot);
    }
    this.ids.pop();
    this.invNorms.pop();
    this.slots.delete(id);
    this.weightsFresh = false;
    return true;
  }

  /** The normalised tf-idf vector of the paper in `slot`. */
  vector(slot: number): SparseVector {
    this.refreshWeights();
    const terms = this.rows.rowTerms(slot).slice();
    const tf = this.rows.rowTfs(slot);
    const inv = this.invNorms[slot] as number;
    const values = new Float32Array(terms.length);
    for (let k = 0; k < terms.length; k += 1)
      values[k] = (tf[k] as number) * (this.idf[terms[k] as number] as number) * inv;
    return { indices: terms, values };
  }

  /**
   * `out[slot]` = dot product of each paper's vector with the dense `weights` (indexed by feature;
   * shorter arrays count as zeros). One pass over every paper.
   */
  dotAll(weights: ArrayLike<number>, out: Float32Array): void {
    this.withFolded(weights, (folded) => this.dotFolded(folded, out));
  }

  /**
   * Like `dotAll`, and also writes, for each paper, the `count` features with the largest
   * positive contribution to its dot product (largest first, -1 where there are fewer) to
   * `why[slot * count ...]`.
   */
  dotAndExplainAll(
    weights: ArrayLike<number>,
    out: Float32Array,
    count: number,
    why: Int32Array,
  ): void {
    this.withFolded(weights, (folded) => {
      this.dotFolded(folded, out);
      const best = new Float64Array(count);
      const { terms, tfs, starts, lengths } = this.rows;
      for (let slot = 0; slot < this.ids.length; slot += 1) {
        const base = slot * count;
        why.fill(-1, base, base + count);
        best.fill(0);
        const start = starts[slot] as number;
        const end = start + (lengths[slot] as number);
        for (let k = start; k < end; k += 1) {
          const amount = (folded[terms[k] as number] as number) * (tfs[k] as number);
          if (amount <= (best[count - 1] as number)) continue;
          let at = count - 1;
          while (at > 0 && (best[at - 1] as number) < amount) {
            best[at] = best[at - 1] as number;
            why[base + at] = why[base + at - 1] as number;
            at -= 1;
          }
          best[at] = amount;
          why[base + at] = terms[k] as number;
        }
      }
    });
  }

  /** Runs `use` with idf folded into `weights` (a zeroed scratch again afterwards). */
  private withFolded(weights: ArrayLike<number>, use: (folded: Float64Array) => void): void {
    this.refreshWeights();
    const folded = this.scratchOf(this.dimensions);
    const n = Math.min(weights.length, this.dimensions);
    for (let j = 0; j < n; j += 1) folded[j] = (weights[j] as number) * (this.idf[j] as number);
    try {
      use(folded);
    } finally {
      folded.fill(0, 0, n);
    }
  }

  /** `out[slot]` = cosine of each paper with `query` (a normalised vector of this index). */
  cosineAll(query: SparseVector, out: Float32Array): void {
    this.refreshWeights();
    const folded = this.scratchOf(this.dimensions);
    for (let k = 0; k < query.indices.length; k += 1) {
      const t = query.indices[k] as number;
      folded[t] = (query.values[k] as number) * (this.idf[t] as number);
    }
    this.dotFolded(folded, out);
    for (const t of query.indices) folded[t] = 0;
  }

  private dotFolded(folded: Float64Array, out: Float32Array): void {
    const { terms, tfs, starts, lengths } = this.rows;
    for (let slot = 0; slot < this.ids.length; slot += 1) {
      const start = starts[slot] as number;
      const end = start + (lengths[slot] as number);
      let sum = 0;
      for (let k = start; k < end; k += 1)
        sum += (folded[terms[k] as number] as number) * (tfs[k] as number);
      out[slot] = sum * (this.invNorms[slot] as number);
    }
  }

  /** A zeroed buffer of at least `size` doubles (callers leave it zeroed). */
  private scratchOf(size: number): Float64Array {
    if (this.scratch.length < size) this.scratch = new Float64Array(Math.max(size, 1024) * 2);
    return this.scratch;
  }

  /** Recomputes idf and norms after text changed. */
  private refreshWeights(): void {
    if (this.weightsFresh) return;
    const n = this.ids.length;
    if (this.idf.length < this.dimensions) this.idf = new Float64Array(this.df.length);
    for (let t = 0; t < this.dimensions; t += 1)
      this.idf[t] = Math.log((1 + n) / (1 + (this.df[t] as number))) + 1;
    const { terms, tfs, starts, lengths } = this.rows;
    for (let slot = 0; slot < n; slot += 1) {
      const start = starts[slot] as number;
      const end = start + (lengths[slot] as number);
      let sum = 0;
      for (let k = start; k < end; k += 1) {
        const value = (tfs[k] as number) * (this.idf[terms[k] as number] as number);
        sum += value * value;
      }
      this.invNorms[slot] = sum === 0 ? 0 : 1 / Math.sqrt(sum);
    }
    this.weightsFresh = true;
  }

  /** Field-weighted, sublinear term frequencies of one paper, by ascending feature id. */
  private features(fields: TextFields): { terms: Int32Array; tf: Float32Array } {
    const weights = new Map<number, number>();
    const addField = (tokens: readonly string[], weight: number): void => {
      const counts = new Map<number, number>();
      for (const token of tokens) {
        const t = this.featureId(token);
        counts.set(t, (counts.get(t) ?? 0) + 1);
      }
      for (const [t, count] of counts)
        weights.set(t, (weights.get(t) ?? 0) + weight * (1 + Math.log(count)));
    };
    addField(tokenize(fields.title), TITLE_WEIGHT);
    addField(tokenize(fields.abstract), ABSTRACT_WEIGHT);
    const organization = foldText(fields.organization ?? '').trim();
    if (organization !== '')
      addField([`${ORGANIZATION_PREFIX}${organization}`], ORGANIZATION_WEIGHT);
    const vector = sparseFromMap(weights);
    return { terms: vector.indices, tf: vector.values };
  }

  private featureId(token: string): number {
    let id = this.vocabulary.get(token);
    if (id === undefined) {
      id = this.termList.length;
      this.vocabulary.set(token, id);
      this.termList.push(token);
      this.df = grown(this.df, id + 1, (size) => new Int32Array(size));
    }
    return id;
  }
}

function sameArrays(a: Int32Array | Float32Array, b: Int32Array | Float32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}
