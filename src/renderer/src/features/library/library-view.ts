import type { LibraryView, PaperStatus, ViewCounts } from '../../db';

/** Sidebar entries for the status views, in display order. */
export const STATUS_VIEWS: readonly {
  readonly view: PaperStatus | 'all';
  readonly label: string;
}[] = [
  { view: 'inbox', label: 'Inbox' },
  { view: 'queued', label: 'Queue' },
  { view: 'reading', label: 'Reading' },
  { view: 'read', label: 'Read' },
  { view: 'dismissed', label: 'Dismissed' },
  { view: 'all', label: 'All papers' },
];

/** Human label of a status. */
export const STATUS_LABELS: Readonly<Record<PaperStatus, string>> = {
  inbox: 'Inbox',
  queued: 'Queued',
  reading: 'Reading',
  read: 'Read',
  dismissed: 'Dismissed',
};

/** Whether two views are the same (tag views compare by tag id). */
export function sameView(a: LibraryView, b: LibraryView): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.tagId === b.tagId;
}

/** Count shown next to a status view. */
export function countOf(counts: ViewCounts | undefined, view: PaperStatus | 'all'): number {
  return counts?.[view] ?? 0;
}
