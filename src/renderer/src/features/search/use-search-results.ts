import { useEffect, useState } from 'react';
import type { SearchClient } from '../../search/search-client';
import type { SearchHit } from '../../../../shared/search/search-types';
import { showToast } from '../toasts/toast-store';

/** Hits of the current query by id, their rank order, and the total match count. */
export interface SearchResults {
  readonly query: string;
  readonly hits: ReadonlyMap<string, SearchHit>;
  readonly order: ReadonlyMap<string, number>;
  readonly total: number;
  readonly tookMs: number;
}

const RESULT_LIMIT = 5000;

/**
 * Runs the query in the search worker whenever it changes; an answer to an outdated query is
 * dropped (the client resolves superseded searches with null). Null while the query is empty.
 * `revision` re-runs the same query after the library changed.
 */
export function useSearchResults(
  client: SearchClient | null,
  query: string,
  revision: number,
): SearchResults | null {
  const [results, setResults] = useState<SearchResults | null>(null);
  const trimmed = query.trim();
  useEffect(() => {
    if (!client || trimmed === '') {
      setResults(null);
      return undefined;
    }
    let live = true;
    client
      .search({ text: query, limit: RESULT_LIMIT })
      .then((result) => {
        if (!live || result === null) return;
        setResults({
          query: trimmed,
          hits: new Map(result.hits.map((hit) => [hit.id, hit])),
          order: new Map(result.hits.map((hit, index) => [hit.id, index])),
          total: result.total,
          tookMs: result.tookMs,
        });
      })
      .catch((error: unknown) => {
        if (live)
          showToast({
            kind: 'error',
            title: 'Search failed',
            detail: error instanceof Error ? error.message : String(error),
          });
      });
    return () => {
      live = false;
    };
  }, [client, query, trimmed, revision]);
  return trimmed === '' ? null : results;
}
