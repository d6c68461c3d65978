import { useMemo } from 'react';
import type { PaperRow } from '../../db';
import type { SearchResults } from '../search/use-search-results';

/**
 * The rows the list shows: the view's rows, or, while searching, the loaded matches in rank
 * order. The engine searched inside the view, so its matches are the view's rows; one that has
 * just left the view (a status change not yet re-searched) is skipped.
 */
export function useVisibleRows(
  rows: readonly PaperRow[] | undefined,
  search: SearchResults | null,
): readonly PaperRow[] {
  const searching = search !== null;
  const byId = useMemo(
    () => (rows && searching ? new Map(rows.map((row) => [row.id, row])) : null),
    [rows, searching],
  );
  return useMemo(() => {
    if (!rows) return [];
    if (!search || !byId) return rows;
    const visible: PaperRow[] = [];
    for (const id of search.ids) {
      const row = byId.get(id);
      if (row) visible.push(row);
    }
    return visible;
  }, [rows, search, byId]);
}
