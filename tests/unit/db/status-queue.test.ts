import { describe, expect, it } from 'vitest';
import {
  MIN_QUEUE_RANK_GAP,
  NotQueuedError,
  UnknownPaperError,
  getQueueIds,
  mergeImportBatch,
  moveInQueue,
  moveToQueueBottom,
  moveToQueueTop,
  restoreEntries,
  setStatus,
  type LibraryDb,
} from '../../../src/renderer/src/db';
import { at, batch, freshLibrary, paper } from './helpers';

const IDS = ['a', 'b', 'c', 'd', 'e'];

async function library(): Promise<LibraryDb> {
  const db = freshLibrary();
  await mergeImportBatch(
    db,
    batch(IDS.map((id, i) => paper({ id, title: `Paper ${id}`, line: i + 1 }))),
    at(0),
  );
  return db;
}

describe('setStatus', () => {
  it('appends to the queue in the given order and clears ranks when leaving it', async () => {
    const db = await library();
    await setStatus(db, ['c', 'a'], 'queued', at(1));
    await setStatus(db, ['e', 'b'], 'queued', at(2));
    expect(await getQueueIds(db)).toEqual(['c', 'a', 'e', 'b']);
    await setStatus(db, ['a'], 'reading', at(3));
    const a = await db.entries.get('a');
    expect(a).toMatchObject({ status: 'reading', queueRank: null, changedAt: at(3).toISOString() });
    expect(await getQueueIds(db)).toEqual(['c', 'e', 'b']);
  });

  it('keeps the place of papers already queued', async () => {
    const db = await library();
    await setStatus(db, ['a', 'b'], 'queued', at(1));
    const undo = await setStatus(db, ['a', 'c'], 'queued', at(2));
    expect(await getQueueIds(db)).toEqual(['a', 'b', 'c']);
    expect(undo.entries.map((e) => e.paperId)).toEqual(['c']);
  });

  it('sets readAt when read and clears it when leaving read', async () => {
    const db = await library();
    await setStatus(db, ['a'], 'read', at(4));
    expect((await db.entries.get('a'))?.readAt).toBe(at(4).toISOString());
    await setStatus(db, ['a'], 'inbox', at(5));
    expect((await db.entries.get('a'))?.readAt).toBeNull();
  });

  it('is undone exactly by restoreEntries', async () => {
    const db = await library();
    await setStatus(db, ['b'], 'queued', at(1));
    await setStatus(db, ['c'], 'read', at(2));
    const before = await db.entries.toArray();
    const undo = await setStatus(db, ['a', 'b', 'c'], 'dismissed', at(3));
    expect((await db.entries.toArray()).filter((e) => e.status === 'dismissed')).toHaveLength(3);
    await restoreEntries(db, undo);
    expect(await db.entries.toArray()).toEqual(before);
  });

  it('rejects unknown papers without changing anything', async () => {
    const db = await library();
    const before = await db.entries.toArray();
    await expect(setStatus(db, ['a', 'nope'], 'read')).rejects.toBeInstanceOf(UnknownPaperError);
    expect(await db.entries.toArray()).toEqual(before);
  });
});

describe('queue ordering', () => {
  it('moves to an index, the top and the bottom', async () => {
    const db = await library();
    await setStatus(db, IDS, 'queued', at(1));
    await moveInQueue(db, 'e', 1, at(2));
    expect(await getQueueIds(db)).toEqual(['a', 'e', 'b', 'c', 'd']);
    await moveToQueueTop(db, 'c', at(3));
    expect(await getQueueIds(db)).toEqual(['c', 'a', 'e', 'b', 'd']);
    await moveToQueueBottom(db, 'a', at(4));
    expect(await getQueueIds(db)).toEqual(['c', 'e', 'b', 'd', 'a']);
    await moveInQueue(db, 'd', 99, at(5));
    expect(await getQueueIds(db)).toEqual(['c', 'e', 'b', 'a', 'd']);
    expect((await db.entries.get('d'))?.changedAt).toBe(at(5).toISOString());
  });

  it('writes one entry per move while gaps are wide', async () => {
    const db = await library();
    await setStatus(db, IDS, 'queued', at(1));
    const undo = await moveInQueue(db, 'd', 1, at(2));
    expect(undo.entries).toHaveLength(1);
  });

  it('renumbers the whole queue when neighbours get too close, keeping the order', async () => {
    const db = await library();
    await setStatus(db, ['a', 'b', 'c'], 'queued', at(1));
    let renumbered = false;
    let mover = 'c';
    // Repeatedly squeezing between the first two halves the gap until renumbering kicks in.
    for (let i = 0; i < 80 && !renumbered; i += 1) {
      mover = i % 2 === 0 ? 'c' : 'b';
      const undo = await moveInQueue(db, mover, 1, at(2));
      renumbered = undo.entries.length > 1;
    }
    expect(renumbered).toBe(true);
    const queue = await db.entries.orderBy('queueRank').toArray();
    const ranks = queue.map((e) => e.queueRank as number);
    ranks.slice(1).forEach((rank, i) => {
      expect(rank - (ranks[i] ?? 0)).toBeGreaterThan(MIN_QUEUE_RANK_GAP);
    });
    expect(queue).toHaveLength(3);
    expect(queue.map((e) => e.paperId)).toEqual(['a', mover, mover === 'c' ? 'b' : 'c']);
    expect(ranks).toEqual([1024, 2048, 3072]);
  });

  it('undoes a move and refuses papers that are not queued', async () => {
    const db = await library();
    await setStatus(db, ['a', 'b', 'c'], 'queued', at(1));
    const undo = await moveToQueueTop(db, 'c', at(2));
    await restoreEntries(db, undo);
    expect(await getQueueIds(db)).toEqual(['a', 'b', 'c']);
    await expect(moveInQueue(db, 'e', 0)).rejects.toBeInstanceOf(NotQueuedError);
  });
});
