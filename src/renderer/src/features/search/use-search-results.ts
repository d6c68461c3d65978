import { errorMessage } from '../../../../shared/error-message';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueryProblem, SearchHit, SearchView } from '../../../../shared/search/search-types';
import type { SearchClient } from '../../search/search-client';
import { showToast } from '../toasts/toast-store';

/** The loaded pages of the current query's matches in the current view. */
export interface SearchResults {
  readonly query: string;
  /** Ids of the matches loaded so far, in rank order (a prefix of all `total` matches). */
  readonly ids: readonly string[];
  readonly hits: ReadonlyMap<string, SearchHit>;
  /** Every match in the view (exact); `partialTotal` of them miss one query word. */
  readonly total: number;
  readonly partialTotal: number;
  /** What the user waited: from the keystroke to the results arriving on this thread. */
  readonly waitedMs: number;
  readonly problems: readonly QueryProblem[];
}

/** Matches asked for per request; more are loaded as the list scrolls near the end. */
export const SEARCH_PAGE = 200;

let lastKeystroke = 0;

/** Records when the user typed (an event's `timeStamp`), for the waited time in the header. */
export function noteKeystroke(timeStamp: number): void {
  lastKeystroke = timeStamp;
}

function reportFailure(error: unknown): void {
  showToast({
    kind: 'error',
    title: 'Search failed',
    detail: errorMessage(error),
  });
}

/**
 * Runs the query in the search worker, inside `view`, whenever either changes, and loads further
 * pages on `loadMore()`. An answer to an outdated query is dropped (the client resolves
 * superseded searches with null). Null while the query is empty. `revision` re-runs the query
 * after the library changed, keeping as many matches loaded as before.
 */
export function useSearchResults(
  client: SearchClient | null,
  query: string,
  revision: number,
  view: SearchView,
): { readonly results: SearchResults | null; readonly loadMore: () => void } {
  const [results, setResults] = useState<SearchResults | null>(null);
  const loaded = useRef(0);
  const loading = useRef(false);
  const trimmed = query.trim();
  const viewKey = JSON.stringify(view);
  useEffect(() => {
    loaded.current = 0;
  }, [query, viewKey]);
  useEffect(() => {
    if (!client || trimmed === '') {
      setResults(null);
      return undefined;
    }
    let live = true;
    const typedAt = lastKeystroke;
    const limit = Math.max(SEARCH_PAGE, loaded.current);
    loading.current = true;
    client
      .search({ text: query, view: JSON.parse(viewKey) as SearchView, limit })
      .then((result) => {
        if (!live || result === null) return;
        loading.current = false;
        loaded.current = result.hits.length;
        setResults({
          query: trimmed,
          ids: result.hits.map((hit) => hit.id),
          hits: new Map(result.hits.map((hit) => [hit.id, hit])),
          total: result.total,
          partialTotal: result.partialTotal,
          waitedMs: typedAt > 0 ? performance.now() - typedAt : result.tookMs,
          problems: result.problems,
        });
      })
      .catch((error: unknown) => {
        loading.current = false;
        if (live) reportFailure(error);
      });
    return () => {
      live = false;
    };
  }, [client, query, trimmed, revision, viewKey]);

  const loadMore = useCallback(() => {
    if (!client || !results || loading.current || results.ids.length >= results.total) return;
    loading.current = true;
    const offset = results.ids.length;
    const view = JSON.parse(viewKey) as SearchView;
    client
      .search({ text: query, view, offset, limit: SEARCH_PAGE })
      .then((page) => {
        loading.current = false;
        if (page === null) return;
        setResults((current) => {
          if (current !== results) return current;
          const hits = new Map(current.hits);
          for (const hit of page.hits) hits.set(hit.id, hit);
          const ids = [...current.ids, ...page.hits.map((hit) => hit.id)];
          loaded.current = ids.length;
          return { ...current, ids, hits };
        });
      })
      .catch((error: unknown) => {
        loading.current = false;
        reportFailure(error);
      });
  }, [client, results, query, viewKey]);

  return { results: trimmed === '' ? null : results, loadMore };
}
