import { describe, expect, it } from 'vitest';
import {
  HighlightError,
  MAX_HIGHLIGHT_COMMENT_LENGTH,
  UnknownPaperError,
  addHighlight,
  deleteHighlight,
  listHighlights,
  mergeImportBatch,
  onLibraryChanged,
  restoreHighlight,
  setHighlightComment,
  type LibraryChange,
  type LibraryDb,
} from '../../../src/renderer/src/db';
import { at, batch, freshLibrary, paper } from './helpers';

const ABSTRACT = 'We train a small model. It beats the large one on every benchmark.';

async function library(): Promise<LibraryDb> {
  const db = freshLibrary();
  await mergeImportBatch(
    db,
    batch([
      paper({ id: 'a', title: 'Paper A', abstract: ABSTRACT }),
      paper({ id: 'b', title: 'Paper B', line: 2 }),
    ]),
    at(0),
  );
  return db;
}

function recordChanges(): LibraryChange[] {
  const changes: LibraryChange[] = [];
  onLibraryChanged((ids) => changes.push(ids));
  return changes;
}

describe('highlights', () => {
  it('quotes the passage, trims the comment and lists a paper’s highlights in text order', async () => {
    const db = await library();
    const changes = recordChanges();
    const second = await addHighlight(
      db,
      { paperId: 'a', start: 24, end: 66, comment: '  the claim  ' },
      at(1),
    );
    const first = await addHighlight(db, { paperId: 'a', start: 3, end: 8, comment: '' }, at(2));
    expect(second).toMatchObject({
      paperId: 'a',
      start: 24,
      end: 66,
      text: 'It beats the large one on every benchmark.',
      comment: 'the claim',
      createdAt: at(1).toISOString(),
      updatedAt: at(1).toISOString(),
    });
    expect(first.text).toBe('train');
    expect(await listHighlights(db, 'a')).toEqual([first, second]);
    expect(await listHighlights(db, 'b')).toEqual([]);
    expect(changes).toEqual([['a'], ['a']]);
  });

  it('refuses passages outside the abstract, blank ones, unknown papers and long comments', async () => {
    const db = await library();
    const attempt = (start: number, end: number, comment = '') =>
      addHighlight(db, { paperId: 'a', start, end, comment });
    await expect(attempt(-1, 4)).rejects.toThrow(HighlightError);
    await expect(attempt(10, 10)).rejects.toThrow(HighlightError);
    await expect(attempt(60, ABSTRACT.length + 1)).rejects.toThrow(HighlightError);
    await expect(attempt(1.5, 4)).rejects.toThrow(HighlightError);
    await expect(attempt(23, 24)).rejects.toThrow('Select some words');
    await expect(attempt(0, 2, 'x'.repeat(MAX_HIGHLIGHT_COMMENT_LENGTH + 1))).rejects.toThrow(
      'at most 10,000',
    );
    await expect(
      addHighlight(db, { paperId: 'nope', start: 0, end: 2, comment: '' }),
    ).rejects.toThrow(UnknownPaperError);
    expect(await db.highlights.count()).toBe(0);
  });

  it('edits a comment, undoes the edit, deletes and undoes the delete', async () => {
    const db = await library();
    const made = await addHighlight(db, { paperId: 'a', start: 3, end: 8, comment: '' }, at(1));
    const changes = recordChanges();
    const before = await setHighlightComment(db, made.id, ' key verb ', at(2));
    expect(before).toEqual(made);
    expect(await db.highlights.get(made.id)).toEqual({
      ...made,
      comment: 'key verb',
      updatedAt: at(2).toISOString(),
    });
    // The same comment again changes nothing and announces nothing.
    await setHighlightComment(db, made.id, 'key verb', at(3));
    expect((await db.highlights.get(made.id))?.updatedAt).toBe(at(2).toISOString());
    await restoreHighlight(db, before);
    expect(await db.highlights.get(made.id)).toEqual(made);

    const removed = await deleteHighlight(db, made.id);
    expect(removed).toEqual(made);
    expect(await db.highlights.count()).toBe(0);
    await expect(deleteHighlight(db, made.id)).rejects.toThrow('no longer exists');
    await expect(setHighlightComment(db, made.id, 'x')).rejects.toThrow(HighlightError);
    await restoreHighlight(db, removed);
    expect(await listHighlights(db, 'a')).toEqual([made]);
    expect(changes).toEqual([['a'], ['a'], ['a'], ['a']]);
  });

  it('does not restore a highlight whose paper is gone', async () => {
    const db = await library();
    const made = await addHighlight(db, { paperId: 'a', start: 3, end: 8, comment: '' });
    await deleteHighlight(db, made.id);
    await db.papers.delete('a');
    await restoreHighlight(db, made);
    expect(await db.highlights.count()).toBe(0);
  });
});
