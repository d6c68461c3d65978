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
}

type Listener = () => void;

const AUTO_DISMISS_MS = 7000;
let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<Listener>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function emit(): void {
  for (const listener of listeners) listener();
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

/**
 * Shows a toast, or replaces the one with `replaceId` (used for progress updates). Errors and
 * progress toasts stay until dismissed; others disappear after a few seconds. Returns its id.
 */
export function showToast(toast: Omit<Toast, 'id'>, replaceId?: number): number {
  const id = replaceId ?? nextId++;
  const full: Toast = { ...toast, id };
  toasts = toasts.some((existing) => existing.id === id)
    ? toasts.map((existing) => (existing.id === id ? full : existing))
    : [...toasts.slice(-4), full];
  clearTimeout(timers.get(id));
  if (!toast.sticky && toast.kind !== 'error' && toast.progress === undefined) {
    timers.set(
      id,
      setTimeout(() => dismissToast(id), AUTO_DISMISS_MS),
    );
  }
  emit();
  return id;
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current toasts, re-rendering on change. */
export function useToasts(): readonly Toast[] {
  return useSyncExternalStore(subscribe, () => toasts);
}
