/**
 * React hooks over the app's library: thin `useLiveQuery` wrappers that re-render when the
 * underlying tables change. Each returns undefined while the first result is loading.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import {
  getTagCounts,
  getViewCounts,
  listImports,
  type TagCount,
  type ViewCounts,
} from './queries';
import { getLibrary } from './schema';
import type { ImportRecord } from './types';

export { usePaperDetail, prefetchPaperDetails } from './detail-cache';
export { useViewRows, type ViewRows } from './use-view-rows';

/** Paper counts per status and in total. */
export function useViewCounts(): ViewCounts | undefined {
  return useLiveQuery(() => getViewCounts(getLibrary()), []);
}

/** Every tag with its paper count, sorted by name. */
export function useTags(): TagCount[] | undefined {
  return useLiveQuery(() => getTagCounts(getLibrary()), []);
}

/** Import history, newest first. */
export function useImports(): ImportRecord[] | undefined {
  return useLiveQuery(() => listImports(getLibrary()), []);
}
