/**
 * Tag records: create, rename, recolour, merge, delete and restore. Names are unique
 * case-insensitively (`nameKey`); every function that changes what papers show (rename, merge,
 * delete, restore) notifies the change feed with the affected paper ids after the commit.
 */
import { emitLibraryChanged } from './change-feed';
import type { LibraryDb } from './schema';
import { paletteColor, tagNameKey, validateTagColor, validateTagName } from './tag-rules';
import type { EntryRecord, TagRecord } from './types';
import { snapshotEntry, type UndoRecord } from './undo';

/** Thrown when a name is already used by another tag; the message suggests merging instead. */
export class TagNameConflictError extends Error {
  constructor(readonly existing: TagRecord) {
    super(
      `A tag named "${existing.name}" already exists. To combine the two tags, merge them instead of renaming.`,
    );
    this.name = 'TagNameConflictError';
  }
}

/** Thrown when a tag id does not exist (e.g. it was deleted meanwhile). */
export class UnknownTagError extends Error {
  constructor(readonly tagId: string) {
    super(`The tag ${tagId} does not exist (it may have been deleted).`);
    this.name = 'UnknownTagError';
  }
}

/** What `deleteTag` removed, enough for `restoreTag` to put it back exactly. */
export interface TagSnapshot {
  readonly tag: TagRecord;
  readonly paperIds: readonly string[];
  /** `changedAt` of each paper before the deletion, by paper id. */
  readonly previousChangedAt: Readonly<Record<string, string>>;
}

/** Loads a tag or throws `UnknownTagError`. */
export async function requireTag(db: LibraryDb, id: string): Promise<TagRecord> {
  const tag = await db.tags.get(id);
  if (!tag) throw new UnknownTagError(id);
  return tag;
}

/**
 * Finds the tag with the same name key or creates one (inside the caller's transaction on
 * `tags`). New tags get `color` if given, else the next palette colour round-robin.
 */
export async function findOrCreateTag(
  db: LibraryDb,
  name: string,
  color: string | undefined,
  now: Date,
): Promise<{ readonly tag: TagRecord; readonly created: boolean }> {
  const trimmed = validateTagName(name);
  const chosen = color === undefined ? undefined : validateTagColor(color);
  const nameKey = tagNameKey(trimmed);
  const existing = await db.tags.where('nameKey').equals(nameKey).first();
  if (existing) return { tag: existing, created: false };
  const tag: TagRecord = {
    id: crypto.randomUUID(),
    name: trimmed,
    nameKey,
    color: chosen ?? paletteColor(await db.tags.count()),
    createdAt: now.toISOString(),
  };
  await db.tags.add(tag);
  return { tag, created: true };
}

/**
 * Creates a tag (name trimmed, 1–60 characters) or returns the existing tag with the same name
 * case-insensitively (its name and colour unchanged). Throws on an invalid name or colour.
 */
export async function createTag(
  db: LibraryDb,
  name: string,
  color?: string,
  now: Date = new Date(),
): Promise<TagRecord> {
  const { tag } = await db.transaction('rw', db.tags, () => findOrCreateTag(db, name, color, now));
  return tag;
}

async function taggedPaperIds(db: LibraryDb, tagId: string): Promise<string[]> {
  return db.entries.where('tagIds').equals(tagId).primaryKeys();
}

/**
 * Renames a tag. A change of case or spacing of its own name is allowed; a name used by another
 * tag throws `TagNameConflictError`. Returns the undo record (the previous tag).
 */
export async function renameTag(db: LibraryDb, id: string, newName: string): Promise<UndoRecord> {
  const name = validateTagName(newName);
  const nameKey = tagNameKey(name);
  const { before, paperIds } = await db.transaction('rw', db.tags, db.entries, async () => {
    const tag = await requireTag(db, id);
    const clash = await db.tags.where('nameKey').equals(nameKey).first();
    if (clash && clash.id !== id) throw new TagNameConflictError(clash);
    await db.tags.put({ ...tag, name, nameKey });
    return { before: tag, paperIds: await taggedPaperIds(db, id) };
  });
  emitLibraryChanged(paperIds);
  return { entries: [], tagsToRestore: [before], tagIdsToDelete: [] };
}

/** Sets a tag's colour (one of `TAG_PALETTE`). Returns the undo record (the previous tag). */
export async function setTagColor(db: LibraryDb, id: string, color: string): Promise<UndoRecord> {
  const valid = validateTagColor(color);
  const before = await db.transaction('rw', db.tags, async () => {
    const tag = await requireTag(db, id);
    await db.tags.put({ ...tag, color: valid });
    return tag;
  });
  return { entries: [], tagsToRestore: [before], tagIdsToDelete: [] };
}

/**
 * Merges tag `fromId` into `intoId`: every paper tagged `fromId` gets `intoId` (no duplicates)
 * and loses `fromId`, then the `fromId` tag is deleted. Sets `changedAt` on those papers.
 * Returns the undo record (old tag lists and the deleted tag).
 */
export async function mergeTags(
  db: LibraryDb,
  fromId: string,
  intoId: string,
  now: Date = new Date(),
): Promise<UndoRecord> {
  if (fromId === intoId) throw new Error('A tag cannot be merged into itself.');
  const at = now.toISOString();
  const result = await db.transaction('rw', db.tags, db.entries, async () => {
    const from = await requireTag(db, fromId);
    await requireTag(db, intoId);
    const entries = await db.entries.where('tagIds').equals(fromId).toArray();
    const replace = (ids: readonly string[]): string[] => [
      ...new Set(ids.map((id) => (id === fromId ? intoId : id))),
    ];
    await db.entries.bulkPut(
      entries.map((e) => ({ ...e, tagIds: replace(e.tagIds), changedAt: at })),
    );
    await db.tags.delete(fromId);
    return { from, snapshots: entries.map((e) => snapshotEntry(e, ['tagIds', 'changedAt'])) };
  });
  emitLibraryChanged(result.snapshots.map((snapshot) => snapshot.paperId));
  return { entries: result.snapshots, tagsToRestore: [result.from], tagIdsToDelete: [] };
}

/**
 * Deletes a tag and removes it from every paper (setting their `changedAt`). Returns a snapshot
 * for `restoreTag`.
 */
export async function deleteTag(
  db: LibraryDb,
  id: string,
  now: Date = new Date(),
): Promise<TagSnapshot> {
  const at = now.toISOString();
  const snapshot = await db.transaction('rw', db.tags, db.entries, async () => {
    const tag = await requireTag(db, id);
    const entries = await db.entries.where('tagIds').equals(id).toArray();
    const without = (e: EntryRecord): EntryRecord => ({
      ...e,
      tagIds: e.tagIds.filter((tagId) => tagId !== id),
      changedAt: at,
    });
    await db.entries.bulkPut(entries.map(without));
    await db.tags.delete(id);
    const previousChangedAt = Object.fromEntries(entries.map((e) => [e.paperId, e.changedAt]));
    return { tag, paperIds: entries.map((e) => e.paperId), previousChangedAt };
  });
  emitLibraryChanged(snapshot.paperIds);
  return snapshot;
}

/**
 * Undoes `deleteTag`: re-creates the tag with its id, name and colour and puts it back on the
 * papers it was on, restoring their `changedAt`. Throws `TagNameConflictError` if another tag
 * took the name meanwhile.
 */
export async function restoreTag(db: LibraryDb, snapshot: TagSnapshot): Promise<void> {
  const { tag, paperIds, previousChangedAt } = snapshot;
  await db.transaction('rw', db.tags, db.entries, async () => {
    const clash = await db.tags.where('nameKey').equals(tag.nameKey).first();
    if (clash && clash.id !== tag.id) throw new TagNameConflictError(clash);
    await db.tags.put(tag);
    const entries = await db.entries.bulkGet([...paperIds]);
    const restored = entries
      .filter((e): e is EntryRecord => e !== undefined)
      .map((e) => ({
        ...e,
        tagIds: e.tagIds.includes(tag.id) ? e.tagIds : [...e.tagIds, tag.id],
        changedAt: previousChangedAt[e.paperId] ?? e.changedAt,
      }));
    await db.entries.bulkPut(restored);
  });
  emitLibraryChanged(paperIds);
}
