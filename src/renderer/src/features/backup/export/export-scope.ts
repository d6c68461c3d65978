import { useEffect } from 'react';

/** The papers "current view" and "selection" mean when the Export dialog opens. */
export interface ExportScope {
  readonly viewLabel: string;
  /** Ids of the papers the list shows, in its order (search and filters applied). */
  readonly visibleIds: readonly string[];
  /** Ids of the selected papers, in list order (the focused paper when none is selected). */
  readonly selectedIds: readonly string[];
}

let current: ExportScope = { viewLabel: 'Library', visibleIds: [], selectedIds: [] };

/** The scope last published by the library view. */
export function getExportScope(): ExportScope {
  return current;
}

/**
 * Publishes the library view's papers and selection for the Export dialog (the workspace calls
 * this; the dialog reads it when it opens).
 */
export function useExportScopePublisher(
  viewLabel: string,
  visibleIds: readonly string[],
  selected: ReadonlySet<string>,
  focused: string | null,
): void {
  useEffect(() => {
    const selectedIds = visibleIds.filter((id) => selected.has(id));
    if (selectedIds.length === 0 && focused !== null) selectedIds.push(focused);
    current = { viewLabel, visibleIds, selectedIds };
  }, [viewLabel, visibleIds, selected, focused]);
}
