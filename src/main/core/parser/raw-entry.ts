/**
 * What the format scanners produce before dates are resolved and ids computed, and the bounded
 * diagnostics collector they report into.
 */
import type { ParseDiagnostic } from '../../../shared/paper';
import type { DateLine } from './listing-dates';

/** One entry as read from the dump; `date` still has its year missing when the dump omits it. */
export interface RawEntry {
  readonly title: string;
  readonly abstract: string;
  /** 1-based line of the title in the original file. */
  readonly line: number;
  readonly authors: number | null;
  readonly organization: string | null;
  readonly date: DateLine | null;
}

/** A trimmed, non-blank line with its 1-based line number. */
export interface NumberedLine {
  readonly text: string;
  readonly number: number;
}

/** Result of scanning one format. `listingDay` is the page header's year-less date, if any. */
export interface ScanResult {
  readonly entries: RawEntry[];
  readonly listingDay: { readonly month: number; readonly day: number } | null;
}

/** Most diagnostics kept per dump; a garbage file must not produce millions of them. */
export const MAX_DIAGNOSTICS = 200;
const EXCERPT_LENGTH = 60;

/**
 * Collects diagnostics, keeping at most `MAX_DIAGNOSTICS` and then one summary line, so memory
 * stays bounded whatever the input. Diagnostics are kept in the order they were reported.
 */
export class DiagnosticLog {
  private readonly kept: ParseDiagnostic[] = [];
  private dropped = 0;

  /** Records a diagnostic (or counts it once the cap is reached). */
  report(severity: ParseDiagnostic['severity'], line: number | null, message: string): void {
    if (this.kept.length < MAX_DIAGNOSTICS) this.kept.push({ severity, line, message });
    else this.dropped += 1;
  }

  /** Adds already-built diagnostics (e.g. from decoding), subject to the same cap. */
  addAll(diagnostics: readonly ParseDiagnostic[]): void {
    for (const d of diagnostics) this.report(d.severity, d.line, d.message);
  }

  /**
   * The kept diagnostics, whole-file ones (line null) first, then by line (stable, so problems
   * on one line keep their order), plus a summary when some were dropped.
   */
  toArray(): ParseDiagnostic[] {
    const sorted = [...this.kept].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    if (this.dropped === 0) return sorted;
    const summary: ParseDiagnostic = {
      severity: 'warning',
      line: null,
      message: `${this.dropped} more problem(s) not shown`,
    };
    return [...sorted, summary];
  }
}

/** A short, quoted excerpt of a line for messages (`"Title of the pa…"`). */
export function excerpt(text: string): string {
  const short = text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}\u2026` : text;
  return JSON.stringify(short);
}
