import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addHighlight,
  addTagByName,
  addTagToPapers,
  createTag,
  deleteHighlight,
  deleteTag,
  mergeImportBatch,
  mergeTags,
  moveInQueue,
  moveToQueueBottom,
  moveToQueueTop,
  removeTagFromPapers,
  renameTag,
  restoreEntries,
  restoreHighlight,
  restoreTag,
  setHighlightComment,
  setNote,
  setStatus,
  setTagColor,
} from '../../../src/renderer/src/db';
import { batch, freshLibrary, paper } from './helpers';

interface OpenedTransaction {
  readonly stores: readonly string[];
  readonly mode: IDBTransactionMode;
  readonly durability: string | undefined;
}

/**
 * Records every IndexedDB transaction opened from now on, as IndexedDB itself was asked. Install
 * it before the library opens: Dexie binds `IDBDatabase#transaction` when it connects.
 */
function recordTransactions(): OpenedTransaction[] {
  const opened: OpenedTransaction[] = [];
  const original = IDBDatabase.prototype.transaction;
  vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
    this: IDBDatabase,
    stores: string | Iterable<string>,
    mode?: IDBTransactionMode,
    options?: IDBTransactionOptions,
  ) {
    opened.push({
      stores: typeof stores === 'string' ? [stores] : [...stores],
      mode: mode ?? 'readonly',
      durability: options?.durability,
    });
    return original.call(this, stores, mode, options);
  });
  return opened;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('durability of user writes', () => {
  it('opens every read-write transaction with strict durability, on every write path', async () => {
    const opened = recordTransactions();
    const db = freshLibrary();
    await mergeImportBatch(db, batch(['Alpha', 'Beta', 'Gamma'].map((title) => paper({ title }))));
    const statusUndo = await setStatus(db, ['alpha', 'beta', 'gamma'], 'queued');
    await moveToQueueTop(db, 'gamma');
    await moveToQueueBottom(db, 'alpha');
    await moveInQueue(db, 'beta', 0);
    await restoreEntries(db, statusUndo);
    await setNote(db, 'alpha', '# note');
    const { tag } = await addTagByName(db, ['alpha'], 'vision');
    const other = await createTag(db, 'robots');
    await addTagToPapers(db, other.id, ['beta']);
    await removeTagFromPapers(db, other.id, ['beta']);
    await renameTag(db, tag.id, 'Vision');
    await setTagColor(db, tag.id, '#2563eb');
    await mergeTags(db, other.id, tag.id);
    const snapshot = await deleteTag(db, tag.id);
    await restoreTag(db, snapshot);
    const highlight = await addHighlight(db, { paperId: 'alpha', start: 0, end: 8, comment: '' });
    await setHighlightComment(db, highlight.id, 'why it matters');
    await restoreHighlight(db, await deleteHighlight(db, highlight.id));

    const writes = opened.filter((transaction) => transaction.mode === 'readwrite');
    expect(writes.length).toBeGreaterThanOrEqual(20);
    expect(writes.filter((transaction) => transaction.durability !== 'strict')).toEqual([]);
    expect(new Set(writes.flatMap((transaction) => transaction.stores))).toEqual(
      new Set(['papers', 'paperSummaries', 'entries', 'imports', 'tags', 'highlights']),
    );
  });

  it('applies to writes outside explicit transactions too (plain table writes)', async () => {
    const opened = recordTransactions();
    const db = freshLibrary();
    await db.open();
    opened.length = 0;
    await db.meta.put({ key: 'library-id', value: 'x' });
    await db.transaction('rw', db.meta, () => db.meta.delete('library-id'));
    expect(opened.map(({ mode, durability }) => ({ mode, durability }))).toEqual([
      { mode: 'readwrite', durability: 'strict' },
      { mode: 'readwrite', durability: 'strict' },
    ]);
  });
});
