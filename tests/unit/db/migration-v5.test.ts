import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  getViewCounts,
  openLibrary,
  type EntryRecord,
  type HighlightRecord,
  type TagRecord,
} from '../../../src/renderer/src/db';
import { newPaperRecord } from '../../../src/renderer/src/db/merge';
import { toPaperSummary } from '../../../src/renderer/src/db/merge-batch';
import { SCHEMA_V4 } from '../../../src/renderer/src/db/schema';
import { paper, source } from './helpers';

const papers = ['Alpha', 'Beta'].map((title, i) =>
  newPaperRecord({
    paper: paper({ title, abstract: `The ${title} abstract says something new.`, line: i + 1 }),
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

const entries: EntryRecord[] = [
  {
    paperId: 'alpha',
    status: 'queued',
    queueRank: 1024,
    tagIds: [tag.id],
    note: '# mine',
    readAt: null,
    changedAt: '2025-04-17T10:00:00.000Z',
    statusChangedAt: '2025-04-17T10:00:00.000Z',
  },
  {
    paperId: 'beta',
    status: 'read',
    queueRank: null,
    tagIds: [],
    note: '',
    readAt: '2025-04-18T00:00:00.000Z',
    changedAt: '2025-04-18T00:00:00.000Z',
    statusChangedAt: '2025-04-18T00:00:00.000Z',
  },
];

/** A library as version 4 code left it. */
async function seedVersion4(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(4).stores(SCHEMA_V4);
  await old.open();
  expect(old.tables.map((table) => table.name)).not.toContain('highlights');
  await old.table('papers').bulkAdd(papers);
  await old.table('paperSummaries').bulkAdd(papers.map(toPaperSummary));
  await old.table('entries').bulkAdd(entries);
  await old.table('tags').add(tag);
  await old.table('meta').put({ key: 'libraryId', value: 'lib-1' });
  old.close();
}

describe('migration v4 → v5 (highlights table)', () => {
  it('keeps every record and adds an empty highlights table indexed by paper', async () => {
    const name = `migrate-v5-${crypto.randomUUID()}`;
    await seedVersion4(name);
    const db = openLibrary(name);
    try {
      expect(await db.papers.toArray()).toEqual(papers);
      expect(await db.paperSummaries.toArray()).toEqual(papers.map(toPaperSummary));
      expect(await db.entries.toArray()).toEqual(entries);
      expect(await db.tags.toArray()).toEqual([tag]);
      expect(await db.meta.get('libraryId')).toEqual({ key: 'libraryId', value: 'lib-1' });
      expect(await getViewCounts(db)).toMatchObject({ all: 2, queued: 1, read: 1 });

      expect(await db.highlights.count()).toBe(0);
      expect(db.highlights.schema.indexes.map((index) => index.name)).toEqual(['paperId']);
      const highlight: HighlightRecord = {
        id: 'h-1',
        paperId: 'alpha',
        start: 4,
        end: 9,
        text: 'Alpha',
        comment: 'the name',
        createdAt: '2025-04-19T00:00:00.000Z',
        updatedAt: '2025-04-19T00:00:00.000Z',
      };
      await db.highlights.add(highlight);
      expect(await db.highlights.where('paperId').equals('alpha').toArray()).toEqual([highlight]);
      expect(await db.highlights.where('paperId').equals('beta').count()).toBe(0);
    } finally {
      db.close();
    }
  });
});
