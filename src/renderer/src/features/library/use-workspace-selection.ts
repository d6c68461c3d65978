import { useCallback, useEffect, useState } from 'react';
import { clickSelection, EMPTY_SELECTION, pruneSelection, type SelectionState } from './selection';

/** Selection of the list plus the operations the list, the header and the keyboard share. */
export interface WorkspaceSelection {
  readonly selection: SelectionState;
  readonly setSelection: React.Dispatch<React.SetStateAction<SelectionState>>;
  /** The papers an action applies to: the selection when several are selected, else the focus. */
  readonly targets: () => string[];
  readonly selectAll: () => void;
  readonly clear: () => void;
  readonly click: (event: React.MouseEvent, id: string) => void;
}

/**
 * Selection state over the visible ids. Ids that leave the list (triaged away, filtered out) are
 * pruned once the list has loaded (`loaded`), so the selection never names a paper not shown.
 */
export function useWorkspaceSelection(ids: readonly string[], loaded: boolean): WorkspaceSelection {
  const [selection, setSelection] = useState(EMPTY_SELECTION);

  useEffect(() => {
    if (loaded) setSelection((state) => pruneSelection(state, ids));
  }, [ids, loaded]);

  const targets = useCallback((): string[] => {
    if (selection.selected.size > 1) return ids.filter((id) => selection.selected.has(id));
    return selection.focused ? [selection.focused] : [];
  }, [ids, selection]);

  const selectAll = useCallback(() => {
    setSelection((state) => ({
      selected: new Set(ids),
      focused: state.focused ?? ids[0] ?? null,
      anchor: ids[0] ?? null,
    }));
  }, [ids]);

  const clear = useCallback(() => setSelection(EMPTY_SELECTION), []);

  const click = useCallback(
    (event: React.MouseEvent, id: string) =>
      setSelection((state) =>
        clickSelection(state, ids, id, {
          toggle: event.ctrlKey || event.metaKey,
          range: event.shiftKey,
        }),
      ),
    [ids],
  );

  return { selection, setSelection, targets, selectAll, clear, click };
}
