import { useMemo } from 'react';
import type { PaperRow } from '../../db';
import type { SearchResults } from '../search/use-search-results';

/**
 * The rows the list shows: the view's rows, or, while searching, the view's rows that match,
 * in relevance order. Searching therefore always stays within the current view.
 */
export function useVisibleRows(
  rows: readonly PaperRow[] | undefined,
  search: SearchResults | null,
): readonly PaperRow[] {
  return useMemo(() => {
    if (!rows) return [];
    if (!search) return rows;
    const { order } = search;
    return rows
      .filter((row) => order.has(row.id))
      .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  }, [rows, search]);
}
