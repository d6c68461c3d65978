/**
 * The figures every benchmark records: printed as they are measured and written as JSON lines
 * (one object per figure, `{"bench", "metric", "value", "unit", "target", "ok"}`; see
 * design.md, "Benchmarks"), so runs on different machines can be compared and `--check` can fail
 * a run whose recorded figures miss their targets.
 */
import { appendFileSync } from 'node:fs';

/** A limit a figure must stay within: at most (`<=`) or at least (`>=`) `value`. */
export interface Target {
  readonly op: '<=' | '>=';
  readonly value: number;
}

/** At most `value` (latencies, ratios to a raw baseline, heap). */
export const atMost = (value: number): Target => ({ op: '<=', value });
/** At least `value` (throughput, AUC, speed-ups). */
export const atLeast = (value: number): Target => ({ op: '>=', value });

/** One recorded figure, exactly as written to the JSON-lines file. */
export interface Figure {
  readonly bench: string;
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  /** The target as text (`"<= 1.3"`), or null for a figure recorded for information. */
  readonly target: string | null;
  /** Whether the value meets the target; null when there is no target. */
  readonly ok: boolean | null;
}

/** What a benchmark receives from the runner. */
export interface BenchContext {
  /** Folder of real listing dumps (`--dumps DIR`) to use instead of generated ones, or null. */
  readonly dumpsDir: string | null;
  /**
   * Records one figure and prints it beside its target. `metric` is snake_case and, where a
   * workload matters, names it (`ratio_to_raw_indexeddb_10k`); `value` must be finite.
   */
  record(metric: string, value: number, unit: string, target?: Target): Figure;
}

/** Decimal places that keep a figure readable without hiding its precision. */
function rounded(value: number): number {
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 1 : magnitude >= 1 ? 2 : 4;
  return Number(value.toFixed(digits));
}

/** Collects the figures of one run, appending each to `outFile` as soon as it is measured. */
export class FigureLog {
  readonly figures: Figure[] = [];

  constructor(private readonly outFile: string | null) {}

  /** The context handed to benchmark `bench`. */
  context(bench: string, dumpsDir: string | null): BenchContext {
    return {
      dumpsDir,
      record: (metric, value, unit, target) => this.add(bench, metric, value, unit, target),
    };
  }

  /** Figures that have a target and miss it. */
  misses(): Figure[] {
    return this.figures.filter((figure) => figure.ok === false);
  }

  private add(bench: string, metric: string, value: number, unit: string, target?: Target): Figure {
    if (!Number.isFinite(value))
      throw new Error(`${bench}/${metric}: not a finite value (${value})`);
    const ok = target ? (target.op === '<=' ? value <= target.value : value >= target.value) : null;
    const figure: Figure = {
      bench,
      metric,
      value: rounded(value),
      unit,
      target: target ? `${target.op} ${target.value}` : null,
      ok,
    };
    this.figures.push(figure);
    if (this.outFile) appendFileSync(this.outFile, `${JSON.stringify(figure)}\n`);
    const verdict = ok === null ? '' : ok ? '  ok' : '  MISSED';
    const limit = figure.target === null ? '' : `  (target ${figure.target} ${unit})`;
    console.log(
      `  ${metric.padEnd(34)} ${String(figure.value).padStart(10)} ${unit}${limit}${verdict}`,
    );
    return figure;
  }
}
