/**
 * The papers an export writes, read in pages: bibliographic fields, the user's status, queue
 * position, tag names, note and highlights, in the order asked for. Read-only.
 */
import { listPaperRows } from './list-rows';
import type { LibraryDb } from './schema';
import type { HighlightRecord, PaperStatus } from './types';
import { byPassageOrder } from './highlight-repository';

/** A highlight as exports show it: the quoted passage and the comment (possibly empty). */
export type ExportHighlight = Pick<HighlightRecord, 'text' | 'comment'>;

/** One paper as the export formats see it. */
export interface ExportItem {
  readonly id: string;
  readonly title: string;
  readonly abstract: string;
  readonly links: readonly string[];
  readonly authors: number | null;
  readonly organization: string | null;
  readonly published: string | null;
  readonly listingDate: string | null;
  readonly upvotes: number | null;
  readonly status: PaperStatus;
  /** 1-based position in the reading queue, or null when not queued. */
  readonly queuePosition: number | null;
  /** Tag names, sorted case-insensitively. */
  readonly tags: readonly string[];
  readonly note: string;
  readonly readAt: string | null;
  readonly changedAt: string;
  /** In the order their passages appear in the abstract. */
  readonly highlights: readonly ExportHighlight[];
}

/** The highlights of the papers `ids`, by paper id, each list in abstract order. */
async function highlightsOf(
  db: LibraryDb,
  ids: readonly string[],
): Promise<Map<string, ExportHighlight[]>> {
  const rows = await db.highlights
    .where('paperId')
    .anyOf([...ids])
    .toArray();
  rows.sort(byPassageOrder);
  const byPaper = new Map<string, ExportHighlight[]>();
  for (const row of rows) {
    const list = byPaper.get(row.paperId) ?? [];
    list.push({ text: row.text, comment: row.comment });
    byPaper.set(row.paperId, list);
  }
  return byPaper;
}

/** Papers read per page. */
export const EXPORT_PAGE_SIZE = 500;

/**
 * Calls `onPage` with the export items of `ids` (every paper in title order when null), a page
 * at a time and in order; unknown ids are skipped. Each page is its own read transaction, so an
 * export of 50k papers never holds the library (or the UI) for long.
 */
export async function forEachExportPage(
  db: LibraryDb,
  ids: readonly string[] | null,
  onPage: (items: ExportItem[]) => Promise<void>,
): Promise<number> {
  const order = ids ?? (await listPaperRows(db, 'all', 'title')).map((row) => row.id);
  const queue = await db.entries.orderBy('queueRank').primaryKeys();
  const positions = new Map(queue.map((id, i) => [id, i + 1]));
  const tagNames = new Map((await db.tags.toArray()).map((tag) => [tag.id, tag.name]));
  let written = 0;
  for (let start = 0; start < order.length; start += EXPORT_PAGE_SIZE) {
    const pageIds = order.slice(start, start + EXPORT_PAGE_SIZE);
    const [papers, entries, highlights] = await db.transaction(
      'r',
      db.papers,
      db.entries,
      db.highlights,
      () =>
        Promise.all([
          db.papers.bulkGet(pageIds),
          db.entries.bulkGet(pageIds),
          highlightsOf(db, pageIds),
        ]),
    );
    const items: ExportItem[] = [];
    papers.forEach((paper, i) => {
      const entry = entries[i];
      if (!paper || !entry) return;
      items.push({
        id: paper.id,
        title: paper.title,
        abstract: paper.abstract,
        links: paper.links,
        authors: paper.authors,
        organization: paper.organization,
        published: paper.published,
        listingDate: paper.listingDate,
        upvotes: paper.upvotes,
        status: entry.status,
        queuePosition: positions.get(paper.id) ?? null,
        tags: entry.tagIds
          .flatMap((id) => tagNames.get(id) ?? [])
          .sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })),
        note: entry.note,
        readAt: entry.readAt,
        changedAt: entry.changedAt,
        highlights: highlights.get(paper.id) ?? [],
      });
    });
    written += items.length;
    await onPage(items);
  }
  return written;
}
