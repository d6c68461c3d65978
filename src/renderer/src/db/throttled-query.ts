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
 * for a 50k-paper library the list then refreshes every ten seconds or so, while the sidebar
 * counts and the progress toast keep moving with every batch.
 */
const IMPORT_PACE: Pace = { factor: 20, maxDelayMs: 15_000 };

/** A waiting re-run re-checks this often whether the import has ended and it may run sooner. */
const RECHECK_MS = 250;

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
 * Like `useLiveQuery`, but a re-run after a change waits a multiple of the previous run's duration
 * (see `NORMAL_PACE` and `IMPORT_PACE`). Cheap queries still refresh at once; a query over 50k rows
 * does not re-run after every batch of an import, which keeps imports fast and the UI responsive,
 * and once the import ends it refreshes within `RECHECK_MS` plus its normal pace. Returns undefined
 * until the first result (and again right after `deps` change). `rerunAfter` decides which
 * changed tables call for a re-run (default: any table of the database).
 */
export function useThrottledQuery<T>(
  dbName: string,
  query: () => Promise<T>,
  deps: DependencyList,
  rerunAfter: (tables: ReadonlySet<string>) => boolean = (tables) => tables.size > 0,
): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let live = true;
    let running = false;
    let dirty = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastDuration = 0;
    let lastEnd = 0;

    const run = async (): Promise<void> => {
      running = true;
      dirty = false;
      const started = performance.now();
      try {
        const result = await query();
        if (live) setValue(() => result);
      } catch (error) {
        console.error('Library query failed', error);
      } finally {
        running = false;
        lastEnd = performance.now();
        lastDuration = lastEnd - started;
        if (dirty && live) schedule();
      }
    };
    // The import pace applies only while nothing but imports changed the library since last run.
    const msUntilDue = (): number =>
      msUntilRerun(
        lastDuration,
        performance.now() - lastEnd,
        isImportActive() && !userWroteSince(lastEnd),
      );
    const schedule = (): void => {
      if (running) {
        dirty = true;
        return;
      }
      if (timer !== undefined) return;
      timer = setTimeout(
        () => {
          timer = undefined;
          if (msUntilDue() > 0) schedule();
          else void run();
        },
        Math.max(0, Math.min(RECHECK_MS, msUntilDue())),
      );
    };
    const onMutated = (parts: Record<string, unknown>): void => {
      if (rerunAfter(mutatedTables(parts, dbName))) schedule();
    };

    setValue(undefined);
    Dexie.on.storagemutated.subscribe(onMutated);
    void run();
    return () => {
      live = false;
      clearTimeout(timer);
      Dexie.on.storagemutated.unsubscribe(onMutated);
    };
    // The caller's deps stand for `query`, as with useLiveQuery.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dbName, ...deps]);
  return value;
}
