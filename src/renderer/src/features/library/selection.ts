/** Which papers are selected, which one is focused (shown in the detail pane), and the range anchor. */
export interface SelectionState {
  readonly selected: ReadonlySet<string>;
  readonly focused: string | null;
  readonly anchor: string | null;
}

export const EMPTY_SELECTION: SelectionState = { selected: new Set(), focused: null, anchor: null };

/** Selects exactly one paper. */
export function selectOnly(id: string | null): SelectionState {
  return id === null ? EMPTY_SELECTION : { selected: new Set([id]), focused: id, anchor: id };
}

/**
 * Applies a click: plain click selects one; Ctrl/Cmd toggles one; Shift selects the range from
 * the anchor to the clicked row (in the order of `ids`, the visible list).
 */
export function clickSelection(
  state: SelectionState,
  ids: readonly string[],
  id: string,
  modifiers: { readonly toggle: boolean; readonly range: boolean },
): SelectionState {
  if (modifiers.range && state.anchor !== null) {
    const from = ids.indexOf(state.anchor);
    const to = ids.indexOf(id);
    if (from >= 0 && to >= 0) {
      const [start, end] = from <= to ? [from, to] : [to, from];
      return { selected: new Set(ids.slice(start, end + 1)), focused: id, anchor: state.anchor };
    }
  }
  if (modifiers.toggle) {
    const selected = new Set(state.selected);
    if (selected.has(id)) selected.delete(id);
    else selected.add(id);
    return { selected, focused: id, anchor: id };
  }
  return selectOnly(id);
}

/** Moves the focus by `delta` rows (j/k), selecting the new row alone; stays within the list. */
export function moveFocus(
  state: SelectionState,
  ids: readonly string[],
  delta: number,
): SelectionState {
  if (ids.length === 0) return EMPTY_SELECTION;
  const current = state.focused === null ? -1 : ids.indexOf(state.focused);
  const next =
    current < 0
      ? delta > 0
        ? 0
        : ids.length - 1
      : Math.min(ids.length - 1, Math.max(0, current + delta));
  return selectOnly(ids[next] ?? null);
}

/**
 * The paper to focus after the acted-on papers leave or are passed over: the first row after the
 * focused one that was not acted on, else the nearest one before it. This is what makes triage by
 * keyboard flow: act, and the next paper is already selected.
 */
export function nextAfterAction(
  ids: readonly string[],
  focused: string | null,
  acted: ReadonlySet<string>,
): string | null {
  const index = focused === null ? -1 : ids.indexOf(focused);
  for (let i = index + 1; i < ids.length; i++) {
    const id = ids[i];
    if (id !== undefined && !acted.has(id)) return id;
  }
  for (let i = Math.min(index, ids.length) - 1; i >= 0; i--) {
    const id = ids[i];
    if (id !== undefined && !acted.has(id)) return id;
  }
  return null;
}

/** Keeps only ids still present in the list; the focus falls back to the first selected. */
export function pruneSelection(state: SelectionState, ids: readonly string[]): SelectionState {
  if (state.selected.size === 0 && state.focused === null) return state;
  // A few ids are looked up directly: a set of a 50k-row list costs more than it saves.
  const index = state.selected.size > 16 ? new Set(ids) : null;
  const present = (id: string): boolean => (index ? index.has(id) : ids.includes(id));
  const selected = new Set([...state.selected].filter(present));
  if (selected.size === state.selected.size && (state.focused === null || present(state.focused)))
    return state;
  const focused =
    state.focused !== null && present(state.focused) ? state.focused : ([...selected][0] ?? null);
  return { selected, focused, anchor: focused };
}
