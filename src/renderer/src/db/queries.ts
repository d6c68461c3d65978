/**
 * Read functions for the UI: counts, tags, one paper's detail and the import history. The rows of
 * list views come from `list-rows.ts` (re-exported here).
 */
import type { LibraryDb } from './schema';
import type { EntryRecord, ImportRecord, PaperRecord, PaperStatus, TagRecord } from './types';
import { PAPER_STATUSES } from './types';

export { listPaperRows, type LibraryView, type PaperRow, type PaperSort } from './list-rows';

/** Number of papers per status, plus `all`. */
export type ViewCounts = Readonly<Record<PaperStatus | 'all', number>>;

/** A tag with the number of papers carrying it. */
export interface TagCount {
  readonly tag: TagRecord;
  readonly count: number;
}

/** Everything the detail pane shows for one paper. */
export interface PaperDetail {
  readonly paper: PaperRecord;
  readonly entry: EntryRecord;
}

/** The full paper and its entry, or null when either is missing. */
export async function getPaperDetail(db: LibraryDb, id: string): Promise<PaperDetail | null> {
  return db.transaction('r', db.papers, db.entries, async () => {
    const [paper, entry] = await Promise.all([db.papers.get(id), db.entries.get(id)]);
    return paper && entry ? { paper, entry } : null;
  });
}

/** Papers per status and in total (index counts, no records loaded). */
export async function getViewCounts(db: LibraryDb): Promise<ViewCounts> {
  return db.transaction('r', db.entries, async () => {
    const counts = await Promise.all(
      PAPER_STATUSES.map((status) => db.entries.where('status').equals(status).count()),
    );
    const all = await db.entries.count();
    const result: Record<string, number> = { all };
    PAPER_STATUSES.forEach((status, i) => {
      result[status] = counts[i] ?? 0;
    });
    return result as ViewCounts;
  });
}

/** Every tag with its paper count, sorted by name (case-insensitive). */
export async function getTagCounts(db: LibraryDb): Promise<TagCount[]> {
  return db.transaction('r', db.tags, db.entries, async () => {
    const tags = await db.tags.orderBy('nameKey').toArray();
    const counts = await Promise.all(
      tags.map((tag) => db.entries.where('tagIds').equals(tag.id).count()),
    );
    return tags.map((tag, i) => ({ tag, count: counts[i] ?? 0 }));
  });
}

/** Import history, newest first. */
export async function listImports(db: LibraryDb): Promise<ImportRecord[]> {
  return db.imports.orderBy('startedAt').reverse().toArray();
}
