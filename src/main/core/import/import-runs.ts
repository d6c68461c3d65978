import { randomUUID } from 'node:crypto';
import {
  MAX_RUN_PROBLEMS,
  type ImportOrigin,
  type ImportProblem,
  type ImportRunProgress,
  type MergeCounts,
} from '../../../shared/import-types';
import type { EventSender } from './event-sender';

/** Timing of runs, injectable for tests. */
export interface RunOptions {
  /** How long a run stays open after its last file, so a drop sent in parts stays one run. */
  readonly lingerMs?: number;
  /** Least time between two progress messages of a run. */
  readonly progressIntervalMs?: number;
  readonly now?: () => Date;
}

interface MutableRun {
  progress: ImportRunProgress;
  /** Files queued and not yet finished or skipped, plus intake requests still being handled. */
  pending: number;
  /** Shown once a file of it is sent to the library or a problem is recorded. */
  visible: boolean;
  lastSentAt: number;
  progressTimer: ReturnType<typeof setTimeout> | undefined;
  lingerTimer: ReturnType<typeof setTimeout> | undefined;
}

const ZERO_COUNTS: MergeCounts = { added: 0, updated: 0, unchanged: 0 };

/**
 * Groups imports into runs (a drop, a folder scan, a burst of inbox files) and reports one
 * progress for each, instead of a message per file. At most one run is open: files handed over
 * while it is open join it, and it finishes `lingerMs` after its last file is done, so a large drop
 * handed over in several requests, or files copied one by one into the inbox, stay one run.
 * A run that only found files already imported is never shown.
 */
export class ImportRuns {
  private current: MutableRun | null = null;
  private readonly lingerMs: number;
  private readonly intervalMs: number;
  private readonly now: () => Date;

  constructor(
    private readonly send: EventSender,
    options: RunOptions = {},
  ) {
    this.lingerMs = options.lingerMs ?? 750;
    this.intervalMs = options.progressIntervalMs ?? 250;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Keeps the open run (or a new one) open while an intake request is handled; returns its id
   * and the function that releases the hold.
   */
  hold(origin: ImportOrigin): { readonly runId: string; readonly release: () => void } {
    const run = this.join(origin);
    run.pending += 1;
    let released = false;
    return {
      runId: run.progress.runId,
      release: () => {
        if (released) return;
        released = true;
        this.settle(run);
      },
    };
  }

  /** A file was queued: it joins the open run (or starts one); returns the run id. */
  fileQueued(origin: ImportOrigin, runId?: string): string {
    const run = this.find(runId) ?? this.join(origin);
    run.pending += 1;
    this.update(run, { filesTotal: run.progress.filesTotal + 1 });
    return run.progress.runId;
  }

  /** A queued file turned out to be imported already, silently: it leaves the run's counts. */
  fileSkipped(runId: string): void {
    const run = this.find(runId);
    if (!run) return;
    this.update(run, { filesTotal: run.progress.filesTotal - 1 });
    this.settle(run);
  }

  /** The first papers of `file` are on their way to the library: the run is shown from now on. */
  fileStarted(runId: string, file: string): void {
    const run = this.find(runId);
    if (!run) return;
    this.update(run, { lastFile: file });
    this.show(run);
  }

  /** Papers of the run were committed (one acknowledged batch). */
  committed(runId: string, counts: MergeCounts): void {
    const run = this.find(runId);
    if (!run) return;
    const { progress } = run;
    this.update(run, {
      papers: progress.papers + counts.added + counts.updated + counts.unchanged,
      added: progress.added + counts.added,
      updated: progress.updated + counts.updated,
      unchanged: progress.unchanged + counts.unchanged,
    });
  }

  /** Every paper of a queued file is committed. */
  fileImported(runId: string, warnings: number): void {
    const run = this.find(runId);
    if (!run) return;
    const { progress } = run;
    this.update(run, {
      filesDone: progress.filesDone + 1,
      filesImported: progress.filesImported + 1,
      warnings: progress.warnings + warnings,
    });
    this.settle(run);
  }

  /**
   * Records a problem. `file` says whether it ends a queued file ('queued'), concerns a file
   * refused before it was queued ('unqueued': it still counts as a file of the run), or only adds
   * a note about a file already counted ('note').
   */
  problem(runId: string, problem: ImportProblem, file: 'queued' | 'unqueued' | 'note'): void {
    const run = this.find(runId);
    if (!run) return;
    const { progress } = run;
    const counted = file === 'note' ? 0 : 1;
    this.update(run, {
      filesTotal: progress.filesTotal + (file === 'unqueued' ? 1 : 0),
      filesDone: progress.filesDone + counted,
      problems:
        progress.problems.length < MAX_RUN_PROBLEMS
          ? [...progress.problems, problem]
          : progress.problems,
      problemCount: progress.problemCount + 1,
    });
    this.show(run);
    if (file === 'queued') this.settle(run);
  }

  /** Sends the open run's progress again (a renderer that reloaded has none). */
  resend(): void {
    if (this.current?.visible) this.emit(this.current);
  }

  private find(runId: string | undefined): MutableRun | null {
    const run = this.current;
    return run && (runId === undefined || run.progress.runId === runId) ? run : null;
  }

  private join(origin: ImportOrigin): MutableRun {
    let run = this.current;
    if (!run) {
      run = {
        progress: {
          runId: randomUUID(),
          origins: [],
          startedAt: this.now().toISOString(),
          finishedAt: null,
          filesTotal: 0,
          filesDone: 0,
          lastFile: null,
          filesImported: 0,
          papers: 0,
          ...ZERO_COUNTS,
          warnings: 0,
          problems: [],
          problemCount: 0,
        },
        pending: 0,
        visible: false,
        lastSentAt: Number.NEGATIVE_INFINITY,
        progressTimer: undefined,
        lingerTimer: undefined,
      };
      this.current = run;
    }
    clearTimeout(run.lingerTimer);
    run.lingerTimer = undefined;
    if (!run.progress.origins.includes(origin)) {
      run.progress = { ...run.progress, origins: [...run.progress.origins, origin] };
    }
    return run;
  }

  private show(run: MutableRun): void {
    if (run.visible) return;
    run.visible = true;
    this.emit(run);
  }

  /** Changes the progress and sends it, at most every `intervalMs` (the last change always goes). */
  private update(run: MutableRun, change: Partial<ImportRunProgress>): void {
    run.progress = { ...run.progress, ...change };
    if (!run.visible || run.progressTimer !== undefined) return;
    const wait = run.lastSentAt + this.intervalMs - Date.now();
    if (wait <= 0) {
      this.emit(run);
      return;
    }
    run.progressTimer = setTimeout(() => {
      run.progressTimer = undefined;
      if (this.current === run) this.emit(run);
    }, wait);
  }

  /** One pending item of `run` is done; the run finishes once nothing is pending for a while. */
  private settle(run: MutableRun): void {
    run.pending = Math.max(0, run.pending - 1);
    if (run.pending > 0 || this.current !== run) return;
    // Its last file is done: said at once (the renderer stops pacing its views for the import).
    if (run.visible) {
      clearTimeout(run.progressTimer);
      run.progressTimer = undefined;
      this.emit(run);
    }
    clearTimeout(run.lingerTimer);
    run.lingerTimer = setTimeout(() => {
      if (this.current !== run || run.pending > 0) return;
      this.current = null;
      clearTimeout(run.progressTimer);
      run.progress = { ...run.progress, finishedAt: this.now().toISOString() };
      if (run.visible) this.emit(run);
    }, this.lingerMs);
  }

  private emit(run: MutableRun): void {
    run.lastSentAt = Date.now();
    this.send('import:progress', run.progress);
  }
}
