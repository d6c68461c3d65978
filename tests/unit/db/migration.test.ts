import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_V1 } from '../../../src/renderer/src/db/schema';
import { newPaperRecord } from '../../../src/renderer/src/db/merge';
import type { EntryRecordV1 } from '../../../src/renderer/src/db/migrations/v2-tag-table';
import {
  CURRENT_SCHEMA_VERSION,
  TAG_PALETTE,
  openLibrary,
  type PaperRecord,
} from '../../../src/renderer/src/db';
import { paper, source } from './helpers';

/** A paper as version 1 code wrote it (no `fieldDates`). */
function v1Paper(title: string): Omit<PaperRecord, 'fieldDates'> {
  const record: { -readonly [K in keyof PaperRecord]?: PaperRecord[K] } = newPaperRecord({
    paper: paper({ title, organization: 'Lab', upvotes: 3 }),
    source: source(),
    importedAt: '2025-04-17T09:00:00.000Z',
  });
  delete record.fieldDates;
  return record as Omit<PaperRecord, 'fieldDates'>;
}

function v1Entry(
  paperId: string,
  tags: string[],
  extra: Partial<EntryRecordV1> = {},
): EntryRecordV1 {
  return {
    paperId,
    status: 'inbox',
    queueRank: null,
    tags,
    note: '',
    readAt: null,
    changedAt: '2025-04-17T10:00:00.000Z',
    statusChangedAt: '2025-04-17T10:00:00.000Z',
    ...extra,
  };
}

async function seedVersion1(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores(SCHEMA_V1);
  await old.open();
  await old.table('papers').bulkAdd(['Alpha', 'Beta', 'Gamma', 'Delta'].map(v1Paper));
  await old.table('entries').bulkAdd([
    v1Entry('alpha', ['ML', 'vision'], { status: 'queued', queueRank: 1024 }),
    v1Entry('beta', ['ml', ' Vision ', 'ML']),
    v1Entry('delta', ['  ', 'RL'], {
      status: 'read',
      readAt: '2025-04-18T00:00:00.000Z',
      note: 'n',
    }),
    v1Entry('gamma', []),
  ]);
  await old.table('meta').put({ key: 'persistence', value: 'granted' });
  old.close();
}

describe('migration v1 → current', () => {
  it('turns tag names into tag records and tagIds without losing data', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    await seedVersion1(name);
    const db = openLibrary(name);
    try {
      const tags = await db.tags.orderBy('nameKey').toArray();
      expect(tags.map((t) => [t.name, t.nameKey])).toEqual([
        ['ML', 'ml'],
        ['RL', 'rl'],
        ['vision', 'vision'],
      ]);
      expect(new Set(tags.map((t) => t.color)).size).toBe(3);
      for (const tag of tags) expect(TAG_PALETTE).toContain(tag.color);
      const id = (key: string): string => tags.find((t) => t.nameKey === key)?.id ?? 'missing';

      const entries = await db.entries.toArray();
      expect(entries.map((e) => [e.paperId, e.tagIds])).toEqual([
        ['alpha', [id('ml'), id('vision')]],
        ['beta', [id('ml'), id('vision')]],
        ['delta', [id('rl')]],
        ['gamma', []],
      ]);
      for (const entry of entries) expect(entry).not.toHaveProperty('tags');
      expect(entries[0]).toMatchObject({ status: 'queued', queueRank: 1024 });
      expect(entries[2]).toMatchObject({
        status: 'read',
        note: 'n',
        readAt: '2025-04-18T00:00:00.000Z',
      });
      expect(await db.entries.where('tagIds').equals(id('ml')).primaryKeys()).toEqual([
        'alpha',
        'beta',
      ]);

      const papers = await db.papers.toArray();
      expect(papers.map((p) => [p.id, p.organization, p.upvotes])).toEqual([
        ['alpha', 'Lab', 3],
        ['beta', 'Lab', 3],
        ['delta', 'Lab', 3],
        ['gamma', 'Lab', 3],
      ]);
      expect(papers.every((p) => p.fieldDates.organization === '2025-04-17')).toBe(true);
      expect((await db.paperSummaries.toArray()).map((s) => s.title)).toEqual([
        'Alpha',
        'Beta',
        'Delta',
        'Gamma',
      ]);
      expect(await db.meta.get('persistence')).toEqual({ key: 'persistence', value: 'granted' });
      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    } finally {
      db.close();
    }
  });
});
