import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  dismissAllToasts,
  holdToasts,
  MAX_VISIBLE_TOASTS,
  showToast,
  useToasts,
} from '../../../src/renderer/src/features/toasts/toast-store';

// The store is plain module state; `useToasts` only wraps it for React, so read it directly.
vi.mock('react', () => ({
  useSyncExternalStore: (_subscribe: unknown, get: () => unknown) => get(),
}));
const toasts = () => useToasts();

describe('toast store', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    dismissAllToasts();
  });
  afterEach(() => vi.useRealTimers());

  it('keeps one toast per slot: the next undo toast replaces the last', () => {
    showToast({ kind: 'info', title: 'Queued: 1 paper', slot: 'undo' });
    showToast({ kind: 'info', title: 'Dismissed: 1 paper', slot: 'undo' });
    expect(toasts().map((toast) => toast.title)).toEqual(['Dismissed: 1 paper']);
  });

  it('collapses a repeated error into one toast counting the repeats, kept until dismissed', () => {
    for (let i = 0; i < 4; i += 1) showToast({ kind: 'error', title: 'Disk full', detail: 'x' });
    showToast({ kind: 'error', title: 'Disk full', detail: 'other detail' });
    expect(toasts().map((toast) => [toast.title, toast.repeats])).toEqual([
      ['Disk full', 4],
      ['Disk full', undefined],
    ]);
    vi.advanceTimersByTime(60_000);
    expect(toasts()).toHaveLength(2);
  });

  it('shows at most a few: older transient toasts are dropped, errors wait behind', () => {
    showToast({ kind: 'error', title: 'Error A' });
    for (let i = 0; i < 5; i += 1) showToast({ kind: 'success', title: `Done ${i}` });
    const titles = toasts().map((toast) => toast.title);
    expect(titles).toEqual(['Error A', 'Done 2', 'Done 3', 'Done 4']);
    expect(titles.length - MAX_VISIBLE_TOASTS).toBe(1);
  });

  it('dismisses transient toasts after a few seconds, unless the pointer holds them', () => {
    showToast({ kind: 'success', title: 'Saved' });
    holdToasts(true);
    vi.advanceTimersByTime(20_000);
    expect(toasts()).toHaveLength(1);
    holdToasts(false);
    vi.advanceTimersByTime(20_000);
    expect(toasts()).toHaveLength(0);
  });

  it('replaces a progress toast in place by id (the signature other features use)', () => {
    const id = showToast({ kind: 'info', title: 'Importing…', progress: 0 });
    showToast({ kind: 'info', title: 'Other' });
    expect(showToast({ kind: 'success', title: 'Imported' }, id)).toBe(id);
    expect(toasts().map((toast) => toast.title)).toEqual(['Imported', 'Other']);
  });
});
