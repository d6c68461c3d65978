/**
 * React hooks over the app's library: thin `useLiveQuery` wrappers that re-render when the
 * underlying tables change. Each returns undefined while the first result is loading.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import {
  getPaperDetail,
  getTagCounts,
  getViewCounts,
  listImports,
  listPaperRows,
  type LibraryView,
  type PaperDetail,
  type PaperRow,
  type PaperSort,
  type TagCount,
  type ViewCounts,
} from './queries';
import { getLibrary } from './schema';
import { useThrottledQuery } from './throttled-query';
import type { ImportRecord } from './types';

/** A stable dependency key for a view (object views compare by tag id, not identity). */
function viewKey(view: LibraryView): string {
  return typeof view === 'string' ? view : `tag:${view.tagId}`;
}

/** Rows of a view, kept live. */
export function useViewRows(view: LibraryView, sort: PaperSort): PaperRow[] | undefined {
  const key = viewKey(view);
  // `view` is represented by `key`, so an inline `{ tagId }` object does not re-query every render.
  return useThrottledQuery(getLibrary().name, () => listPaperRows(getLibrary(), view, sort), [
    key,
    sort,
  ]);
}

/** One paper with its entry; null when it does not exist, undefined while loading or for no id. */
export function usePaperDetail(id: string | null): PaperDetail | null | undefined {
  return useLiveQuery(() => (id === null ? undefined : getPaperDetail(getLibrary(), id)), [id]);
}

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
