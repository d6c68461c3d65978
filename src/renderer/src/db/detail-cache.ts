/**
 * The detail pane's papers, cached and read ahead: the papers around the focused one are read
 * before the user moves to them, so J/K and triage show the next paper in the same frame as the
 * key press instead of after an IndexedDB read (which waits behind the triage write).
 * Invariant: a cached paper is re-read after every announced change that names it, so the cache
 * never shows older data than the library for longer than one read.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { changeSequence, onLibraryChanged } from './change-feed';
import { statusChanged, stillPending, usePendingStatus } from './optimistic-status';
import type { PaperDetail } from './queries';
import { getLibrary } from './schema';

interface Cached {
  readonly detail: PaperDetail | null;
  /** The change sequence the read started at. */
  readonly seq: number;
  /** Why the paper could not be read (shown by the pane's error boundary); then detail is null. */
  readonly error?: unknown;
}

/** Papers kept; the least recently read go first. */
const CAPACITY = 64;

const cache = new Map<string, Cached>();
const reading = new Set<string>();
/** Ids that changed while being read: read again when that read ends. */
const outdated = new Set<string>();
const listeners = new Set<() => void>();
let unsubscribeFeed: (() => void) | null = null;

function notify(): void {
  for (const listener of listeners) listener();
}

function remember(id: string, entry: Cached): void {
  cache.delete(id);
  cache.set(id, entry);
  while (cache.size > CAPACITY) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
}

async function read(ids: readonly string[]): Promise<void> {
  for (const id of ids) reading.add(id);
  const seq = changeSequence();
  const db = getLibrary();
  try {
    const [papers, entries] = await db.transaction('r', db.papers, db.entries, () =>
      Promise.all([db.papers.bulkGet([...ids]), db.entries.bulkGet([...ids])]),
    );
    ids.forEach((id, i) => {
      const paper = papers[i];
      const entry = entries[i];
      remember(id, { detail: paper && entry ? { paper, entry } : null, seq });
    });
  } catch (error) {
    for (const id of ids) remember(id, { detail: null, seq, error });
  } finally {
    for (const id of ids) reading.delete(id);
  }
  notify();
  const again = ids.filter((id) => outdated.delete(id));
  if (again.length > 0) void read(again);
}

function followChanges(): void {
  unsubscribeFeed ??= onLibraryChanged((ids) => {
    const named = ids === 'all' ? [...cache.keys()] : ids.filter((id) => cache.has(id));
    for (const id of ids === 'all' ? [...reading] : ids.filter((id) => reading.has(id)))
      outdated.add(id);
    const now = named.filter((id) => !reading.has(id));
    if (now.length > 0) void read(now);
  });
}

/** Reads the given papers into the cache unless they are there (or on their way) already. */
export function prefetchPaperDetails(ids: readonly string[]): void {
  followChanges();
  const missing = ids.filter((id) => !cache.has(id) && !reading.has(id));
  if (missing.length > 0) void read(missing);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * One paper with its entry, with unconfirmed status changes shown: null when it does not exist,
 * undefined while loading or for no id. Never a different paper than `id` (the previous paper is
 * not shown while the next one loads). A read that failed is thrown for an error boundary, and the
 * paper is read again meanwhile, so "Try again" shows it once it can be read.
 */
export function usePaperDetail(id: string | null): PaperDetail | null | undefined {
  const cached = useSyncExternalStore(subscribe, () => (id === null ? undefined : cache.get(id)));
  useEffect(() => {
    if (id !== null) prefetchPaperDetails([id]);
  }, [id, cached]);
  const pending = usePendingStatus();
  const shown = useMemo(() => {
    if (!cached?.detail) return cached?.detail;
    let entry = cached.detail.entry;
    for (const change of pending) {
      if (change.from.has(entry.paperId) && stillPending(change, cached.seq))
        entry = statusChanged(entry, change.status, change.at);
    }
    return entry === cached.detail.entry ? cached.detail : { ...cached.detail, entry };
  }, [cached, pending]);
  if (id !== null && cached?.error !== undefined) {
    // Read it again in the background: the boundary's "Try again" then finds the fresh result.
    if (!reading.has(id)) setTimeout(() => void read([id]), 0);
    throw cached.error;
  }
  return shown;
}
