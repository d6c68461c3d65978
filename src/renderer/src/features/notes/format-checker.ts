/**
 * Decides, off the main thread, whether a note can be previewed as formatted markdown: a worker
 * formats it and reports the time and depth; a worker that has not answered within
 * `CHECK_TIMEOUT_MS` (the 51 s notes) is terminated and the note is shown as plain text.
 */
import {
  quickVerdict,
  verdictFor,
  type FormatWorkerMessage,
  type PreviewVerdict,
} from './preview-budget';

/** The part of a Worker the checker uses (a fake in unit tests). */
export interface FormatWorker {
  onmessage: ((event: MessageEvent<FormatWorkerMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(markdown: string): void;
  terminate(): void;
}

/**
 * How long a note may take to check, counted from when the worker is ready, before it is shown
 * as plain text without waiting more. Above the largest budget `verdictFor` allows.
 */
export const CHECK_TIMEOUT_MS = 2500;
/**
 * How long a new worker may take to load and warm up. Not counted against the note: on a busy
 * machine loading the worker alone took longer than the check timeout, and an ordinary note was
 * shown as plain text.
 */
export const STARTUP_TIMEOUT_MS = 15_000;
const CACHED_VERDICTS = 16;

/**
 * Checks notes one at a time in a worker it starts on demand and replaces after a timeout or a
 * crash. Verdicts are remembered for the last few notes, so going back to a paper is instant.
 */
export class FormatChecker {
  private worker: Promise<FormatWorker | null> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly verdicts = new Map<string, PreviewVerdict>();

  constructor(
    private readonly createWorker: () => FormatWorker,
    private readonly timeoutMs: number = CHECK_TIMEOUT_MS,
    private readonly startupTimeoutMs: number = STARTUP_TIMEOUT_MS,
  ) {}

  /** The verdict if it is known without the worker (short or too long notes, or cached). */
  known(markdown: string): PreviewVerdict | null {
    const quick = quickVerdict(markdown);
    return quick === 'check' ? (this.verdicts.get(markdown) ?? null) : quick;
  }

  /** The verdict for `markdown`, asking the worker when `known` has none. Never rejects. */
  check(markdown: string): Promise<PreviewVerdict> {
    const known = this.known(markdown);
    if (known) return Promise.resolve(known);
    const run = this.queue.then(() => this.ask(markdown));
    this.queue = run;
    return run;
  }

  private async ask(markdown: string): Promise<PreviewVerdict> {
    const cached = this.verdicts.get(markdown);
    if (cached) return cached;
    const worker = await (this.worker ??= this.startWorker());
    if (!worker) return { kind: 'plain', reason: 'failed' };
    return new Promise((resolve) => {
      const finish = (verdict: PreviewVerdict, healthy: boolean): void => {
        clearTimeout(timer);
        worker.onmessage = null;
        worker.onerror = null;
        if (!healthy) this.discard(worker);
        this.remember(markdown, verdict);
        resolve(verdict);
      };
      const timer = setTimeout(
        () => finish({ kind: 'plain', reason: 'too-slow' }, false),
        this.timeoutMs,
      );
      worker.onmessage = (event) => {
        if (event.data.kind === 'measured')
          finish(verdictFor(event.data.measure, event.data.calibrationMs), true);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        finish({ kind: 'plain', reason: 'failed' }, false);
      };
      worker.postMessage(markdown);
    });
  }

  /** A new worker once it says it is ready, or null when it fails or takes too long to start. */
  private startWorker(): Promise<FormatWorker | null> {
    return new Promise((resolve) => {
      const worker = this.createWorker();
      const started = (ready: boolean): void => {
        clearTimeout(timer);
        worker.onmessage = null;
        worker.onerror = null;
        if (!ready) this.discard(worker);
        resolve(ready ? worker : null);
      };
      const timer = setTimeout(() => started(false), this.startupTimeoutMs);
      worker.onmessage = (event) => started(event.data.kind === 'ready');
      worker.onerror = (event) => {
        event.preventDefault();
        started(false);
      };
    });
  }

  /** Ends a worker that hung or crashed; the next check starts a new one. */
  private discard(worker: FormatWorker): void {
    worker.terminate();
    this.worker = null;
  }

  private remember(markdown: string, verdict: PreviewVerdict): void {
    this.verdicts.delete(markdown);
    this.verdicts.set(markdown, verdict);
    for (const oldest of this.verdicts.keys()) {
      if (this.verdicts.size <= CACHED_VERDICTS) break;
      this.verdicts.delete(oldest);
    }
  }
}

let shared: FormatChecker | null = null;

/** The app's checker, with a module worker bundled by Vite. */
export function formatChecker(): FormatChecker {
  shared ??= new FormatChecker(
    () => new Worker(new URL('./format-check.worker.ts', import.meta.url), { type: 'module' }),
  );
  return shared;
}
