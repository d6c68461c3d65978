/**
 * React hooks over the app's library: thin `useLiveQuery` wrappers that re-render when the
 * underlying tables change (the counts and list rows are in `library-snapshot.ts` and
 * `use-view-rows.ts`, paper details in `detail-cache.ts`). Each returns undefined while the first
 * result is loading.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { listHighlights } from './highlight-repository';
import { loadInsightPapers, type InsightPaper } from './insights';
import { getTagCounts, listImports, type TagCount } from './queries';
import { getLibrary } from './schema';
import { useThrottledQuery } from './throttled-query';
import type { HighlightRecord, ImportRecord } from './types';

export { usePaperDetail, prefetchPaperDetails } from './detail-cache';
export { useViewRows, type ViewRows } from './use-view-rows';

/** Every tag with its paper count, sorted by name. */
export function useTags(): TagCount[] | undefined {
  return useLiveQuery(() => getTagCounts(getLibrary()), []);
}

/** Import history, newest first; during an import it refreshes at the import pace, not per batch. */
export function useImports(): ImportRecord[] | undefined {
  return useThrottledQuery(getLibrary().name, () => listImports(getLibrary()), []);
}

/** A paper's highlights in abstract order; re-renders when any highlight changes. */
export function usePaperHighlights(paperId: string): HighlightRecord[] | undefined {
  return useLiveQuery(() => listHighlights(getLibrary(), paperId), [paperId]);
}

/** What the Insights view is drawn from; re-read when the library changes. */
export function useInsightPapers(): InsightPaper[] | undefined {
  return useLiveQuery(() => loadInsightPapers(getLibrary()), []);
}
