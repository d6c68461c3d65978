import { describe, expect, it } from 'vitest';
import {
  MAX_TAG_NAME_LENGTH,
  TAG_PALETTE,
  TagNameConflictError,
  addTagByName,
  addTagToPapers,
  createTag,
  deleteTag,
  getTagCounts,
  mergeImportBatch,
  mergeTags,
  onLibraryChanged,
  removeTagFromPapers,
  renameTag,
  restoreEntries,
  restoreTag,
  setTagColor,
  type LibraryChange,
  type LibraryDb,
} from '../../../src/renderer/src/db';
import { at, batch, freshLibrary, paper } from './helpers';

async function library(): Promise<LibraryDb> {
  const db = freshLibrary();
  const papers = ['a', 'b', 'c'].map((id, i) => paper({ id, title: `Paper ${id}`, line: i + 1 }));
  await mergeImportBatch(db, batch(papers), at(0));
  return db;
}

async function tagIdsOf(db: LibraryDb): Promise<Record<string, readonly string[]>> {
  const entries = await db.entries.toArray();
  return Object.fromEntries(entries.map((e) => [e.paperId, e.tagIds]));
}

describe('tags', () => {
  it('creates tags trimmed, unique case-insensitively, with palette colours', async () => {
    const db = await library();
    const ml = await createTag(db, '  ML ');
    expect(ml.name).toBe('ML');
    expect(await createTag(db, 'ml')).toEqual(ml);
    const rl = await createTag(db, 'RL');
    expect(TAG_PALETTE).toContain(ml.color);
    expect(rl.color).not.toBe(ml.color);
    const chosen = await createTag(db, 'vision', TAG_PALETTE[4]);
    expect(chosen.color).toBe(TAG_PALETTE[4]);
    await expect(createTag(db, '   ')).rejects.toThrow(/empty/);
    await expect(createTag(db, 'x'.repeat(MAX_TAG_NAME_LENGTH + 1))).rejects.toThrow(/at most 60/);
    await expect(createTag(db, 'y', '#123456')).rejects.toThrow(/not one of the tag colours/);
    expect(await db.tags.count()).toBe(3);
  });

  it('renames, allows a case change of its own name, and refuses another tag’s name', async () => {
    const db = await library();
    const ml = await createTag(db, 'ml');
    await createTag(db, 'Vision');
    await renameTag(db, ml.id, 'ML');
    expect((await db.tags.get(ml.id))?.name).toBe('ML');
    const error = await renameTag(db, ml.id, ' vision ').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TagNameConflictError);
    expect((error as Error).message).toMatch(/already exists.*merge/i);
    const undo = await renameTag(db, ml.id, 'Machine learning');
    await restoreEntries(db, undo);
    expect((await db.tags.get(ml.id))?.name).toBe('ML');
  });

  it('merges one tag into another without duplicates, and undoes the merge', async () => {
    const db = await library();
    const from = await createTag(db, 'ml');
    const into = await createTag(db, 'machine learning');
    await addTagToPapers(db, from.id, ['a', 'b'], at(1));
    await addTagToPapers(db, into.id, ['b', 'c'], at(1));
    const before = await db.entries.toArray();
    const seen: LibraryChange[] = [];
    const stop = onLibraryChanged((ids) => seen.push(ids));
    const undo = await mergeTags(db, from.id, into.id, at(2));
    stop();
    expect(await tagIdsOf(db)).toEqual({ a: [into.id], b: [into.id], c: [into.id] });
    expect(await db.tags.get(from.id)).toBeUndefined();
    expect(seen).toEqual([['a', 'b']]);
    await restoreEntries(db, undo);
    expect(await db.entries.toArray()).toEqual(before);
    expect(await db.tags.get(from.id)).toEqual(from);
  });

  it('deletes a tag from every paper and restores it exactly', async () => {
    const db = await library();
    const tag = await createTag(db, 'later');
    await addTagToPapers(db, tag.id, ['a', 'c'], at(1));
    const before = await db.entries.toArray();
    const snapshot = await deleteTag(db, tag.id, at(2));
    expect(snapshot.paperIds).toEqual(['a', 'c']);
    expect(await tagIdsOf(db)).toEqual({ a: [], b: [], c: [] });
    expect(await db.tags.count()).toBe(0);
    await restoreTag(db, snapshot);
    expect(await db.entries.toArray()).toEqual(before);
    expect(await db.tags.get(tag.id)).toEqual(tag);
  });

  it('sets colours, adds and removes tags, and counts papers per tag', async () => {
    const db = await library();
    const tag = await createTag(db, 'ml');
    await setTagColor(db, tag.id, TAG_PALETTE[9] as string);
    expect((await db.tags.get(tag.id))?.color).toBe(TAG_PALETTE[9]);
    await addTagToPapers(db, tag.id, ['a', 'b', 'a']);
    await removeTagFromPapers(db, tag.id, ['b']);
    expect(await tagIdsOf(db)).toEqual({ a: [tag.id], b: [], c: [] });
    expect((await getTagCounts(db)).map((t) => [t.tag.name, t.count])).toEqual([['ml', 1]]);
  });

  it('tags by name, creating the tag once, and undo removes a created tag', async () => {
    const db = await library();
    const first = await addTagByName(db, ['a'], 'New Tag', at(1));
    expect(first.created).toBe(true);
    const second = await addTagByName(db, ['b'], 'new tag', at(2));
    expect(second.created).toBe(false);
    expect(second.tag.id).toBe(first.tag.id);
    await restoreEntries(db, second.undo);
    await restoreEntries(db, first.undo);
    expect(await db.tags.count()).toBe(0);
    expect(await tagIdsOf(db)).toEqual({ a: [], b: [], c: [] });
  });
});
