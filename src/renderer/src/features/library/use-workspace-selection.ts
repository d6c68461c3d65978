import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { clickSelection, EMPTY_SELECTION, pruneSelection, type SelectionState } from './selection';

/** Selection of the list plus the operations the list, the header and the keyboard share. */
export interface WorkspaceSelection {
  readonly selection: SelectionState;
  /**
   * Sets the selection; an updater sees the latest state even when several keys arrive before
   * React renders (fast key repeat), so no key acts on a paper already acted on.
   */
  readonly setSelection: (
    update: SelectionState | ((state: SelectionState) => SelectionState),
  ) => void;
  /** The latest selection (see `setSelection`). */
  readonly current: () => SelectionState;
  /** The papers an action applies to: the selection when several are selected, else the focus. */
  readonly targets: (ids: readonly string[]) => string[];
  readonly selectAll: () => void;
  readonly clear: () => void;
  readonly click: (event: React.MouseEvent, id: string) => void;
}

/**
 * Selection state over the visible ids. Ids that leave the list (triaged away, filtered out) are
 * pruned once the list has loaded (`loaded`), so the selection never names a paper not shown.
 */
export function useWorkspaceSelection(ids: readonly string[], loaded: boolean): WorkspaceSelection {
  const [selection, setState] = useState(EMPTY_SELECTION);
  const latest = useRef(selection);
  const setSelection = useCallback(
    (update: SelectionState | ((state: SelectionState) => SelectionState)) => {
      const next = typeof update === 'function' ? update(latest.current) : update;
      latest.current = next;
      setState(next);
    },
    [],
  );
  const current = useCallback(() => latest.current, []);

  useEffect(() => {
    if (loaded) setSelection((state) => pruneSelection(state, ids));
  }, [ids, loaded, setSelection]);

  const targets = useCallback((list: readonly string[]): string[] => {
    const state = latest.current;
    if (state.selected.size > 1) return list.filter((id) => state.selected.has(id));
    return state.focused ? [state.focused] : [];
  }, []);

  const selectAll = useCallback(() => {
    setSelection((state) => ({
      selected: new Set(ids),
      focused: state.focused ?? ids[0] ?? null,
      anchor: ids[0] ?? null,
    }));
  }, [ids, setSelection]);

  const clear = useCallback(() => setSelection(EMPTY_SELECTION), [setSelection]);

  const click = useCallback(
    (event: React.MouseEvent, id: string) =>
      setSelection((state) =>
        clickSelection(state, ids, id, {
          toggle: event.ctrlKey || event.metaKey,
          range: event.shiftKey,
        }),
      ),
    [ids, setSelection],
  );

  return useMemo(
    () => ({ selection, setSelection, current, targets, selectAll, clear, click }),
    [selection, setSelection, current, targets, selectAll, clear, click],
  );
}
