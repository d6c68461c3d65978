import Dexie from 'dexie';
import { useEffect, useState, type DependencyList } from 'react';
import { isImportActive, userWroteSince } from './import-activity';

/** Re-run pacing: wait `factor` times the last run's duration, but never more than `maxDelayMs`. */
interface Pace {
  readonly factor: number;
  readonly maxDelayMs: number;
}

/** Between user actions: a cheap query refreshes at once, a slow one at most ~1.5 s late. */
const NORMAL_PACE: Pace = { factor: 2, maxDelayMs: 1500 };

/**
 * While an import commits: a whole-library query keeps to about a twentieth of IndexedDB's time,
 * so it hardly holds up the import's transactions (each run blocks writes to the tables it reads);
 * for a 50k-paper library the list and its counts then refresh every ten seconds or so, while the
 * import's progress indicator keeps moving with every batch.
 */
const IMPORT_PACE: Pace = { factor: 20, maxDelayMs: 15_000 };

/** A waiting re-run re-checks this often whether the import has ended and it may run sooner. */
const RECHECK_MS = 100;

/**
 * Milliseconds until a query that last took `lastDurationMs` and ended `sinceLastEndMs` ago may
 * re-run (0 or less: now), at the normal pace or, while `importing`, the import pace.
 */
export function msUntilRerun(
  lastDurationMs: number,
  sinceLastEndMs: number,
  importing: boolean,
): number {
  const pace = importing ? IMPORT_PACE : NORMAL_PACE;
  return Math.min(pace.maxDelayMs, pace.factor * lastDurationMs) - sinceLastEndMs;
}

/** The tables a Dexie `storagemutated` event names (its parts are `idb://db/table/index`). */
export function mutatedTables(parts: Record<string, unknown>, dbName: string): Set<string> {
  const prefix = `idb://${dbName}/`;
  const tables = new Set<string>();
  for (const part of Object.keys(parts)) {
    if (part.startsWith(prefix)) tables.add(part.slice(prefix.length).split('/')[0] ?? '');
  }
  return tables;
}

/**
 * Tables changed since a query's previous run, or null for a run that must read everything (the
 * first one, or one after `refresh`).
 */
export type ChangedTables = ReadonlySet<string> | null;

/**
 * A query over the library that re-runs after the library changes, paced: a re-run waits a
 * multiple of the previous run's duration (see `NORMAL_PACE` and `IMPORT_PACE`). Cheap queries
 * still refresh at once; a query over 50k rows does not re-run after every batch of an import,
 * which keeps imports fast and the UI responsive, and once the import ends it refreshes within
 * `RECHECK_MS` plus its normal pace. Results of a run started before `refresh()` are dropped.
 * Each run is told which tables changed since the previous one, so it can skip what they do not
 * affect; `rerunAfter` decides which changed tables call for a re-run at all.
 */
export class PacedQuery<T> {
  private live = false;
  private running = false;
  private dirty = false;
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastDuration = 0;
  private lastEnd = 0;
  private changed: Set<string> | null = null;
  private readonly onMutated = (parts: Record<string, unknown>): void => {
    const tables = mutatedTables(parts, this.dbName);
    if (!this.rerunAfter(tables)) return;
    if (this.changed !== null) for (const table of tables) this.changed.add(table);
    this.schedule();
  };

  constructor(
    private readonly dbName: string,
    private readonly query: (changed: ChangedTables) => Promise<T>,
    private readonly onResult: (value: T) => void,
    private readonly rerunAfter: (tables: ReadonlySet<string>) => boolean = (tables) =>
      tables.size > 0,
  ) {}

  /** Runs now and after every change of the library, until `stop`. */
  start(): void {
    this.live = true;
    Dexie.on.storagemutated.subscribe(this.onMutated);
    void this.run();
  }

  stop(): void {
    this.live = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    Dexie.on.storagemutated.unsubscribe(this.onMutated);
  }

  /** The query itself changed (another view): runs it as soon as possible, unpaced. */
  refresh(): void {
    this.generation += 1;
    this.changed = null;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.running) this.dirty = true;
    else void this.run();
  }

  private async run(): Promise<void> {
    this.running = true;
    this.dirty = false;
    const generation = this.generation;
    const changed = this.changed;
    this.changed = new Set();
    const started = performance.now();
    try {
      const result = await this.query(changed);
      if (this.live && generation === this.generation) this.onResult(result);
    } catch (error) {
      // What the failed run would have read is read in full next time.
      this.changed = null;
      console.error('Library query failed', error);
    } finally {
      this.running = false;
      this.lastEnd = performance.now();
      this.lastDuration = this.lastEnd - started;
      if (this.live && generation !== this.generation) void this.run();
      else if (this.dirty && this.live) this.schedule();
    }
  }

  /** The import pace applies only while nothing but imports changed the library since last run. */
  private msUntilDue(): number {
    return msUntilRerun(
      this.lastDuration,
      performance.now() - this.lastEnd,
      isImportActive() && !userWroteSince(this.lastEnd),
    );
  }

  private schedule(): void {
    if (this.running) {
      this.dirty = true;
      return;
    }
    if (this.timer !== undefined) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        if (this.msUntilDue() > 0) this.schedule();
        else void this.run();
      },
      Math.max(0, Math.min(RECHECK_MS, this.msUntilDue())),
    );
  }
}

/**
 * Like `useLiveQuery`, but paced (see `PacedQuery`). Returns undefined until the first result (and
 * again right after `deps` change).
 */
export function useThrottledQuery<T>(
  dbName: string,
  query: () => Promise<T>,
  deps: DependencyList,
): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    setValue(undefined);
    const paced = new PacedQuery(
      dbName,
      () => query(),
      (result) => setValue(() => result),
    );
    paced.start();
    return () => paced.stop();
    // The caller's deps stand for `query`, as with useLiveQuery.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dbName, ...deps]);
  return value;
}
