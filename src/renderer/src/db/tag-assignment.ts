/** Putting tags on papers and taking them off. */
import { emitLibraryChanged } from './change-feed';
import { applyEntryUpdates, updateEntries } from './entry-updates';
import type { LibraryDb } from './schema';
import { findOrCreateTag, requireTag } from './tag-repository';
import type { EntryRecord, TagRecord } from './types';
import type { UndoRecord } from './undo';

function withTag(tagId: string, at: string) {
  return (entry: EntryRecord): EntryRecord | null =>
    entry.tagIds.includes(tagId)
      ? null
      : { ...entry, tagIds: [...entry.tagIds, tagId], changedAt: at };
}

/**
 * Adds an existing tag to papers (papers that already have it are left alone), setting
 * `changedAt`. Returns the undo record. Throws `UnknownTagError` / `UnknownPaperError`.
 */
export async function addTagToPapers(
  db: LibraryDb,
  tagId: string,
  paperIds: readonly string[],
  now: Date = new Date(),
): Promise<UndoRecord> {
  await requireTag(db, tagId);
  return updateEntries(db, paperIds, ['tagIds', 'changedAt'], withTag(tagId, now.toISOString()));
}

/** Removes a tag from papers (papers without it are left alone). Returns the undo record. */
export async function removeTagFromPapers(
  db: LibraryDb,
  tagId: string,
  paperIds: readonly string[],
  now: Date = new Date(),
): Promise<UndoRecord> {
  const at = now.toISOString();
  return updateEntries(db, paperIds, ['tagIds', 'changedAt'], (entry) =>
    entry.tagIds.includes(tagId)
      ? { ...entry, tagIds: entry.tagIds.filter((id) => id !== tagId), changedAt: at }
      : null,
  );
}

/**
 * Tags papers by name, creating the tag when no tag has that name case-insensitively, all in one
 * transaction. The undo record also deletes the tag if this call created it.
 */
export async function addTagByName(
  db: LibraryDb,
  paperIds: readonly string[],
  name: string,
  now: Date = new Date(),
): Promise<{ readonly tag: TagRecord; readonly created: boolean; readonly undo: UndoRecord }> {
  const at = now.toISOString();
  const result = await db.transaction('rw', db.tags, db.entries, async () => {
    const { tag, created } = await findOrCreateTag(db, name, undefined, now);
    const entries = await applyEntryUpdates(
      db,
      paperIds,
      ['tagIds', 'changedAt'],
      withTag(tag.id, at),
    );
    return { tag, created, entries };
  });
  const { tag, created, entries } = result;
  emitLibraryChanged(entries.map((snapshot) => snapshot.paperId));
  return {
    tag,
    created,
    undo: { entries, tagsToRestore: [], tagIdsToDelete: created ? [tag.id] : [] },
  };
}
