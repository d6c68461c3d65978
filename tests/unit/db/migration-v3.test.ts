import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openLibrary, type EntryRecord, type TagRecord } from '../../../src/renderer/src/db';
import { SCHEMA_V2 } from '../../../src/renderer/src/db/schema';

/**
 * Version 2 records are written out by hand, not built with today's code, so this test keeps
 * describing what version 2 really stored even when the record builders change.
 */
const v2Papers = [
  {
    id: 'p-alpha',
    title: 'Alpha: Sparse Attention',
    abstract: 'About sparse attention.',
    authors: 4,
    organization: null,
    published: '2025-02-01',
    upvotes: 12,
    upvoteHistory: [
      { listingDate: '2025-04-17', file: 'a.txt', upvotes: 12, seenAt: '2025-04-17T09:00:00Z' },
    ],
    links: ['https://github.com/alpha/alpha'],
    sources: [
      {
        file: 'a.txt',
        hash: 'hash-a',
        line: 13,
        listingDate: '2025-04-17',
        importedAt: '2025-04-17T09:00:00Z',
      },
    ],
    firstSeenAt: '2025-04-17T09:00:00Z',
    lastSeenAt: '2025-04-17T09:00:00Z',
    listingDate: '2025-04-17',
    titleSort: 'alpha: sparse attention',
  },
  {
    id: 'p-beta',
    title: 'Beta Without A Listing Date',
    abstract: 'From a compact dump.',
    authors: null,
    organization: 'OpenBMB',
    published: null,
    upvotes: null,
    upvoteHistory: [],
    links: [],
    sources: [
      {
        file: 'b.txt',
        hash: 'hash-b',
        line: 3,
        listingDate: null,
        importedAt: '2025-04-18T09:00:00Z',
      },
    ],
    firstSeenAt: '2025-04-18T09:00:00Z',
    lastSeenAt: '2025-04-18T09:00:00Z',
    listingDate: null,
    titleSort: 'beta without a listing date',
  },
];

const tag: TagRecord = {
  id: 'tag-1',
  name: 'Attention',
  nameKey: 'attention',
  color: '#2563eb',
  createdAt: '2025-04-17T09:30:00.000Z',
};

const entries: EntryRecord[] = [
  {
    paperId: 'p-alpha',
    status: 'queued',
    queueRank: 2048,
    tagIds: [tag.id],
    note: 'Read **section 3**.',
    readAt: null,
    changedAt: '2025-04-17T10:00:00.000Z',
    statusChangedAt: '2025-04-17T10:00:00.000Z',
  },
  {
    paperId: 'p-beta',
    status: 'read',
    queueRank: null,
    tagIds: [],
    note: '',
    readAt: '2025-04-19T08:00:00.000Z',
    changedAt: '2025-04-19T08:00:00.000Z',
    statusChangedAt: '2025-04-19T08:00:00.000Z',
  },
];

async function seedVersion2(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(2).stores(SCHEMA_V2);
  await old.open();
  await old.table('papers').bulkAdd(v2Papers);
  await old.table('entries').bulkAdd(entries);
  await old.table('tags').add(tag);
  await old.table('meta').put({ key: 'persistence', value: 'granted' });
  old.close();
}

describe('migration v2 → v3 (paper summaries, field dates)', () => {
  it('gives every paper one summary and its field dates, and changes no other value', async () => {
    const name = `migrate-v2-${crypto.randomUUID()}`;
    await seedVersion2(name);
    const db = openLibrary(name);
    try {
      const papers = await db.papers.orderBy('id').toArray();
      expect(papers).toEqual([
        {
          ...v2Papers[0],
          fieldDates: {
            authors: '2025-04-17',
            organization: '2025-04-17',
            published: '2025-04-17',
          },
        },
        { ...v2Papers[1], fieldDates: { authors: null, organization: null, published: null } },
      ]);
      expect(await db.paperSummaries.orderBy('id').toArray()).toEqual([
        {
          id: 'p-alpha',
          title: 'Alpha: Sparse Attention',
          titleSort: 'alpha: sparse attention',
          organization: null,
          authors: 4,
          published: '2025-02-01',
          listingDate: '2025-04-17',
          upvotes: 12,
          firstSeenAt: '2025-04-17T09:00:00Z',
        },
        {
          id: 'p-beta',
          title: 'Beta Without A Listing Date',
          titleSort: 'beta without a listing date',
          organization: 'OpenBMB',
          authors: null,
          published: null,
          listingDate: null,
          upvotes: null,
          firstSeenAt: '2025-04-18T09:00:00Z',
        },
      ]);
      expect(await db.entries.orderBy('paperId').toArray()).toEqual(entries);
      expect(await db.tags.toArray()).toEqual([tag]);
      expect(await db.meta.get('persistence')).toEqual({ key: 'persistence', value: 'granted' });
      expect(await db.entries.where('tagIds').equals(tag.id).primaryKeys()).toEqual(['p-alpha']);
    } finally {
      db.close();
    }
  });
});
