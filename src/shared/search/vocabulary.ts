/**
 * The index's set of terms, organised for query expansion: the folded words they came from
 * ("surfaces", before stemming) in a sorted array for prefix look-ups (binary search), and the
 * terms in buckets by length for fuzzy look-ups (only lengths within the edit distance are
 * scanned). Prefixes are matched on surfaces because a stem is not a prefix of what was typed
 * (`modeli` must reach `modeling`, whose term is `model`).
 */
import { boundedDistance } from './levenshtein';

/** A vocabulary term near a query term, with its edit distance. */
export interface FuzzyMatch {
  readonly term: string;
  readonly distance: number;
}

/** Pending additions above which the sorted array is re-sorted rather than spliced into. */
const SPLICE_LIMIT = 512;

/**
 * Vocabulary with lazily maintained look-up structures.
 * Invariants: every added term is in exactly one length bucket immediately; every surface maps
 * to the one term it analyses to; the sorted array holds exactly the surfaces (no duplicates)
 * once `settle()` has run, which every look-up does first. The owner never adds a term twice
 * (it adds on first occurrence) and calls `reset` after dropping terms. Sorting uses UTF-16
 * code-unit order, the same order `<` compares in.
 */
export class Vocabulary {
  private sorted: string[] = [];
  private pending: string[] = [];
  private byLength: string[][] = [];
  private surfaces = new Map<string, string>();

  /** Records a new term; cheap. */
  add(term: string): void {
    const bucket = this.byLength[term.length];
    if (bucket === undefined) this.byLength[term.length] = [term];
    else bucket.push(term);
  }

  /** Records the folded word `surface` that analyses to `term` (repeats are ignored). */
  addSurface(surface: string, term: string): void {
    if (this.surfaces.has(surface)) return;
    this.surfaces.set(surface, term);
    this.pending.push(surface);
  }

  /** Keeps only `terms` (after the owner dropped terms) and the surfaces leading to them. */
  reset(terms: Iterable<string>): void {
    this.sorted = [];
    this.pending = [];
    this.byLength = [];
    const kept = new Set(terms);
    for (const term of kept) this.add(term);
    const surfaces = this.surfaces;
    this.surfaces = new Map();
    for (const [surface, term] of surfaces) if (kept.has(term)) this.addSurface(surface, term);
  }

  /**
   * Brings the sorted array up to date: a few new terms are spliced in place (O(n) each, no
   * re-sort, so single upserts stay cheap); many are merged by one sort.
   */
  settle(): void {
    if (this.pending.length === 0) return;
    if (this.pending.length <= SPLICE_LIMIT && this.sorted.length > 0) {
      for (const term of this.pending) this.sorted.splice(this.lowerBound(term), 0, term);
    } else {
      this.sorted = this.sorted.length === 0 ? this.pending : this.sorted.concat(this.pending);
      this.sorted.sort();
    }
    this.pending = [];
  }

  /** Distinct terms of the surfaces starting with `prefix` (itself included when present). */
  withPrefix(prefix: string): string[] {
    this.settle();
    const matches = new Set<string>();
    for (let i = this.lowerBound(prefix); i < this.sorted.length; i += 1) {
      const surface = this.sorted[i] as string;
      if (!surface.startsWith(prefix)) break;
      const term = this.surfaces.get(surface);
      if (term !== undefined) matches.add(term);
    }
    return [...matches];
  }

  /**
   * Terms within edit distance `max` of `term` (see `boundedDistance`) that start with the same
   * character, excluding `term` itself. Scans only the buckets of lengths `term.length ± max`;
   * requiring the first character (as Lucene's fuzzy prefix does) skips most of the costly
   * distance computations, and typing slips rarely hit the first letter.
   */
  near(term: string, max: number): FuzzyMatch[] {
    const matches: FuzzyMatch[] = [];
    const from = Math.max(1, term.length - max);
    const first = term.charCodeAt(0);
    for (let length = from; length <= term.length + max; length += 1) {
      for (const candidate of this.byLength[length] ?? []) {
        if (candidate.charCodeAt(0) !== first) continue;
        const distance = boundedDistance(term, candidate, max);
        if (distance <= max && candidate !== term) matches.push({ term: candidate, distance });
      }
    }
    return matches;
  }

  /** First index of `sorted` whose term is ≥ `term`. */
  private lowerBound(term: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.sorted[mid] as string) < term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
