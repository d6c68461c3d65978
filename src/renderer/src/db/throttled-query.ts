import Dexie from 'dexie';
import { useEffect, useState, type DependencyList } from 'react';

/** Longest pause between a change and the refreshed result. */
const MAX_DELAY_MS = 1500;

/**
 * Like `useLiveQuery`, but a re-run after a change waits at least twice as long as the previous
 * run took. Cheap queries still refresh at once; a query over 50k rows, while an import commits a
 * batch every few hundred milliseconds, refreshes a few times per second instead of after every
 * batch, which keeps imports fast and the UI responsive. Returns undefined until the first result
 * (and again right after `deps` change).
 */
export function useThrottledQuery<T>(
  dbName: string,
  query: () => Promise<T>,
  deps: DependencyList,
): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let live = true;
    let running = false;
    let dirty = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastDuration = 0;
    let lastEnd = 0;
    const prefix = `idb://${dbName}/`;

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
    const schedule = (): void => {
      if (running) {
        dirty = true;
        return;
      }
      if (timer !== undefined) return;
      const wait = Math.max(
        0,
        Math.min(MAX_DELAY_MS, 2 * lastDuration) - (performance.now() - lastEnd),
      );
      timer = setTimeout(() => {
        timer = undefined;
        void run();
      }, wait);
    };
    const onMutated = (parts: Record<string, unknown>): void => {
      if (Object.keys(parts).some((part) => part.startsWith(prefix))) schedule();
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
