/**
 * React hooks over the app's library: thin `useLiveQuery` wrappers that re-render when the
 * underlying tables change (the counts and list rows are in `library-snapshot.ts`). Each returns
 * undefined while the first result is loading.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import {
  getPaperDetail,
  getTagCounts,
  listImports,
  type PaperDetail,
  type TagCount,
} from './queries';
import { getLibrary } from './schema';
import { useThrottledQuery } from './throttled-query';
import type { ImportRecord } from './types';

/** One paper with its entry; null when it does not exist, undefined while loading or for no id. */
export function usePaperDetail(id: string | null): PaperDetail | null | undefined {
  return useLiveQuery(() => (id === null ? undefined : getPaperDetail(getLibrary(), id)), [id]);
}

/** Every tag with its paper count, sorted by name. */
export function useTags(): TagCount[] | undefined {
  return useLiveQuery(() => getTagCounts(getLibrary()), []);
}

/** Import history, newest first; during an import it refreshes at the import pace, not per batch. */
export function useImports(): ImportRecord[] | undefined {
  return useThrottledQuery(getLibrary().name, () => listImports(getLibrary()), []);
}
