import { useSyncExternalStore } from 'react';

/** One transient message in the corner; `action` offers e.g. Undo. */
export interface Toast {
  readonly id: number;
  readonly kind: 'info' | 'success' | 'warning' | 'error';
  readonly title: string;
  readonly detail?: string;
  readonly action?: { readonly label: string; readonly run: () => void };
  /** Progress 0..1 for long-running work; the toast stays until replaced or dismissed. */
  readonly progress?: number;
  readonly sticky?: boolean;
  /** A toast replaces the one already shown in the same slot (e.g. the one undo toast). */
  readonly slot?: string;
  /** How often this same message came (repeated errors and warnings collapse into one toast). */
  readonly repeats?: number;
}

type Listener = () => void;

/** Newest toasts shown at once; older ones wait behind a "N more" line. */
export const MAX_VISIBLE_TOASTS = 3;
const AUTO_DISMISS_MS = 5000;
/** Toasts with an action (Undo) stay a little longer. */
const ACTION_DISMISS_MS = 8000;

let toasts: readonly Toast[] = [];
let nextId = 1;
let held = false;
const listeners = new Set<Listener>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function emit(): void {
  for (const listener of listeners) listener();
}

/** Errors, warnings, progress and sticky toasts stay until dismissed or replaced. */
function persists(toast: Toast): boolean {
  return (
    toast.sticky === true ||
    toast.kind === 'error' ||
    toast.kind === 'warning' ||
    toast.progress !== undefined
  );
}

function startTimer(toast: Toast): void {
  clearTimeout(timers.get(toast.id));
  timers.delete(toast.id);
  if (persists(toast) || held) return;
  timers.set(
    toast.id,
    setTimeout(() => dismissToast(toast.id), toast.action ? ACTION_DISMISS_MS : AUTO_DISMISS_MS),
  );
}

/** Removes a toast (no-op if already gone). */
export function dismissToast(id: number): void {
  clearTimeout(timers.get(id));
  timers.delete(id);
  const next = toasts.filter((toast) => toast.id !== id);
  if (next.length !== toasts.length) {
    toasts = next;
    emit();
  }
}

/** Removes every toast. */
export function dismissAllToasts(): void {
  for (const timer of timers.values()) clearTimeout(timer);
  timers.clear();
  toasts = [];
  emit();
}

/** Pauses auto-dismissal while the pointer is over the toasts (true), and restarts it (false). */
export function holdToasts(hold: boolean): void {
  held = hold;
  for (const toast of toasts) startTimer(toast);
}

function sameMessage(a: Omit<Toast, 'id'>, b: Toast): boolean {
  return a.kind === b.kind && a.title === b.title && a.detail === b.detail;
}

/**
 * Shows a toast and returns its id. With `replaceId` (progress updates) it replaces that toast in
 * place. A toast with a `slot` replaces the toast in the same slot. An error or warning identical
 * to one still shown is not added again: that toast counts the repeat and moves to the front.
 * Errors, warnings and progress stay until dismissed; others disappear after a few seconds. Only
 * the newest `MAX_VISIBLE_TOASTS` are shown; of the rest, transient ones are dropped.
 */
export function showToast(toast: Omit<Toast, 'id'>, replaceId?: number): number {
  const inPlace = replaceId !== undefined && toasts.some((existing) => existing.id === replaceId);
  if (inPlace) {
    const full: Toast = { ...toast, id: replaceId };
    toasts = toasts.map((existing) => (existing.id === replaceId ? full : existing));
    startTimer(full);
    emit();
    return replaceId;
  }
  const previous =
    toasts.find((existing) => toast.slot !== undefined && existing.slot === toast.slot) ??
    toasts.find(
      (existing) =>
        (toast.kind === 'error' || toast.kind === 'warning') && sameMessage(toast, existing),
    );
  const id = previous?.id ?? replaceId ?? nextId++;
  const repeats =
    previous && previous.slot === undefined ? (previous.repeats ?? 1) + 1 : toast.repeats;
  const full: Toast = { ...toast, id, ...(repeats === undefined ? {} : { repeats }) };
  const others = toasts.filter((existing) => existing.id !== id);
  // Transient toasts hidden behind newer ones are of no use later: drop them.
  const hiddenFrom = others.length + 1 - MAX_VISIBLE_TOASTS;
  const kept = others.filter((existing, index) => index >= hiddenFrom || persists(existing));
  for (const dropped of others) {
    if (kept.includes(dropped)) continue;
    clearTimeout(timers.get(dropped.id));
    timers.delete(dropped.id);
  }
  toasts = [...kept, full];
  startTimer(full);
  emit();
  return id;
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current toasts, oldest first, re-rendering on change. */
export function useToasts(): readonly Toast[] {
  return useSyncExternalStore(subscribe, () => toasts);
}
