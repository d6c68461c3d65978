import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  getViewCounts,
  listPaperRows,
  openLibrary,
  type EntryRecord,
  type ImportRecord,
  type TagRecord,
} from '../../../src/renderer/src/db';
import { newPaperRecord } from '../../../src/renderer/src/db/merge';
import { toPaperSummary } from '../../../src/renderer/src/db/merge-batch';
import { SCHEMA_V3 } from '../../../src/renderer/src/db/schema';
import { paper, source } from './helpers';

const papers = ['Alpha', 'Beta', 'Gamma'].map((title, i) =>
  newPaperRecord({
    paper: paper({ title, upvotes: 10 - i, published: `2025-0${i + 1}-01`, line: i + 1 }),
    source: source(),
    importedAt: '2025-04-17T09:00:00.000Z',
  }),
);

const tag: TagRecord = {
  id: 'tag-1',
  name: 'Vision',
  nameKey: 'vision',
  color: '#2563eb',
  createdAt: '2025-04-17T09:30:00.000Z',
};

function entry(paperId: string, extra: Partial<EntryRecord>): EntryRecord {
  return {
    paperId,
    status: 'inbox',
    queueRank: null,
    tagIds: [],
    note: '',
    readAt: null,
    changedAt: '2025-04-17T10:00:00.000Z',
    statusChangedAt: '2025-04-17T10:00:00.000Z',
    ...extra,
  };
}

const entries: EntryRecord[] = [
  entry('alpha', { status: 'queued', queueRank: 1024, tagIds: [tag.id], note: '# mine' }),
  entry('beta', { status: 'read', readAt: '2025-04-18T00:00:00.000Z', changedAt: '2025-04-18' }),
  entry('gamma', { tagIds: [tag.id] }),
];

const importRow: ImportRecord = {
  importId: 'import-1',
  file: 'dump-000.txt',
  hash: 'hash-dump-000.txt',
  origin: 'drop',
  format: 'page',
  listingDate: '2025-04-17',
  startedAt: '2025-04-17T09:00:00.000Z',
  finishedAt: '2025-04-17T09:00:01.000Z',
  batchesDone: 1,
  totalBatches: 1,
  totalPapers: 3,
  added: 3,
  updated: 0,
  unchanged: 0,
  diagnostics: [],
  batchIndices: [0],
};

/** A library as version 3 code left it: every table filled, the old indexes present. */
async function seedVersion3(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(3).stores(SCHEMA_V3);
  await old.open();
  expect(old.table('papers').schema.indexes.map((index) => index.name)).toContain('titleSort');
  await old.table('papers').bulkAdd(papers);
  await old.table('paperSummaries').bulkAdd(papers.map(toPaperSummary));
  await old.table('entries').bulkAdd(entries);
  await old.table('tags').add(tag);
  await old.table('imports').add(importRow);
  await old.table('meta').put({ key: 'persistence', value: 'granted' });
  old.close();
}

describe('migration v3 → v4 (unused indexes dropped)', () => {
  it('keeps every record and drops only the unqueried indexes', async () => {
    const name = `migrate-v4-${crypto.randomUUID()}`;
    await seedVersion3(name);
    const db = openLibrary(name);
    try {
      expect(await db.papers.toArray()).toEqual(papers);
      expect(await db.paperSummaries.toArray()).toEqual(papers.map(toPaperSummary));
      expect(await db.entries.toArray()).toEqual(entries);
      expect(await db.tags.toArray()).toEqual([tag]);
      expect(await db.imports.toArray()).toEqual([importRow]);
      expect(await db.meta.get('persistence')).toEqual({ key: 'persistence', value: 'granted' });

      expect(db.papers.schema.indexes).toEqual([]);
      expect(db.entries.schema.indexes.map((index) => index.name).sort()).toEqual([
        'queueRank',
        'status',
        'tagIds',
      ]);
      const raw = db.backendDB();
      const store = raw.transaction(['papers', 'entries'], 'readonly');
      expect([...store.objectStore('papers').indexNames]).toEqual([]);
      expect([...store.objectStore('entries').indexNames].sort()).toEqual([
        'queueRank',
        'status',
        'tagIds',
      ]);

      expect(await getViewCounts(db)).toEqual({
        all: 3,
        inbox: 1,
        queued: 1,
        reading: 0,
        read: 1,
        dismissed: 0,
      });
      expect(await db.entries.where('tagIds').equals(tag.id).primaryKeys()).toEqual([
        'alpha',
        'gamma',
      ]);
      const byUpvotes = await listPaperRows(db, 'all', 'upvotes');
      expect(byUpvotes.map((row) => row.id)).toEqual(['alpha', 'beta', 'gamma']);
      const byChange = await listPaperRows(db, 'all', 'changed');
      expect(byChange[0]?.id).toBe('beta');
    } finally {
      db.close();
    }
  });
});
