/**
 * What the Insights view is drawn from, read in one transaction: per paper the time it was
 * first imported, its organisation, its status with the time that status was set, its read date
 * and tags. The library keeps no history of status changes (only the latest change per paper),
 * so the view derives its weekly figures from these timestamps and says so.
 */
import { readAllPaged } from './paged-read';
import type { LibraryDb } from './schema';
import type { PaperStatus } from './types';

/** One paper as the Insights view sees it. */
export interface InsightPaper {
  readonly firstSeenAt: string;
  readonly organization: string | null;
  readonly status: PaperStatus;
  readonly statusChangedAt: string;
  readonly readAt: string | null;
  readonly tagNames: readonly string[];
}

/** Every paper's insight fields (papers without an entry are skipped). */
export async function loadInsightPapers(db: LibraryDb): Promise<InsightPaper[]> {
  return db.transaction('r', db.paperSummaries, db.entries, db.tags, async () => {
    const summaries = await readAllPaged(db.paperSummaries, 'id');
    const entries = new Map(
      (await readAllPaged(db.entries, 'paperId')).map((entry) => [entry.paperId, entry]),
    );
    const tagNames = new Map((await db.tags.toArray()).map((tag) => [tag.id, tag.name]));
    return summaries.flatMap((summary) => {
      const entry = entries.get(summary.id);
      if (!entry) return [];
      return [
        {
          firstSeenAt: summary.firstSeenAt,
          organization: summary.organization,
          status: entry.status,
          statusChangedAt: entry.statusChangedAt,
          readAt: entry.readAt,
          tagNames: entry.tagIds.flatMap((id) => tagNames.get(id) ?? []),
        },
      ];
    });
  });
}
