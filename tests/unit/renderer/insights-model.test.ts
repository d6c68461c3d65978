import { describe, expect, it } from 'vitest';
import {
  addTagByName,
  mergeImportBatch,
  setStatus,
  type InsightPaper,
} from '../../../src/renderer/src/db';
import { loadInsightPapers } from '../../../src/renderer/src/db/insights';
import {
  topNames,
  weekOf,
  weeklyFigures,
} from '../../../src/renderer/src/features/insights/insights-model';
import { batch, freshLibrary, paper } from '../db/helpers';

function item(overrides: Partial<InsightPaper>): InsightPaper {
  return {
    firstSeenAt: '2025-04-14T10:00:00.000Z',
    organization: null,
    status: 'inbox',
    statusChangedAt: '2025-04-14T10:00:00.000Z',
    readAt: null,
    tagNames: [],
    ...overrides,
  };
}

describe('insights', () => {
  it('puts a time in the week starting on its Monday (UTC)', () => {
    expect(weekOf('2025-04-14T00:00:00.000Z')).toBe('2025-04-14');
    expect(weekOf('2025-04-20T23:59:59.000Z')).toBe('2025-04-14');
    expect(weekOf('2025-04-21T00:00:00.000Z')).toBe('2025-04-21');
    expect(weekOf('not a time')).toBeNull();
  });

  it('counts imports, triage, reads and the queue per week, empty weeks included', () => {
    const weeks = weeklyFigures([
      item({}),
      item({ status: 'queued', statusChangedAt: '2025-04-15T09:00:00.000Z' }),
      item({ status: 'queued', statusChangedAt: '2025-04-29T09:00:00.000Z' }),
      item({
        status: 'read',
        statusChangedAt: '2025-04-30T09:00:00.000Z',
        readAt: '2025-04-30T09:00:00.000Z',
      }),
      item({ status: 'dismissed', statusChangedAt: '2025-04-16T09:00:00.000Z' }),
    ]);
    expect(weeks).toEqual([
      { week: '2025-04-14', imported: 5, triaged: 2, read: 0, queued: 1 },
      { week: '2025-04-21', imported: 0, triaged: 0, read: 0, queued: 1 },
      { week: '2025-04-28', imported: 0, triaged: 2, read: 1, queued: 2 },
    ]);
    expect(weeklyFigures([])).toEqual([]);
  });

  it('ranks names by the papers carrying them', () => {
    expect(topNames([['b', 'a'], ['a', 'a'], ['c'], []], 2)).toEqual([
      { name: 'a', count: 2 },
      { name: 'b', count: 1 },
    ]);
  });

  it('reads each paper’s timestamps, status, organisation and tag names from the library', async () => {
    const db = freshLibrary();
    await mergeImportBatch(
      db,
      batch([paper({ title: 'Alpha', organization: 'Lab A' }), paper({ title: 'Beta', line: 2 })]),
      new Date('2025-04-14T10:00:00.000Z'),
    );
    await setStatus(db, ['alpha'], 'queued', new Date('2025-04-22T10:00:00.000Z'));
    await addTagByName(db, ['alpha'], 'vision');
    const papers = await loadInsightPapers(db);
    expect(papers).toHaveLength(2);
    expect(papers.find((p) => p.organization === 'Lab A')).toMatchObject({
      status: 'queued',
      statusChangedAt: '2025-04-22T10:00:00.000Z',
      tagNames: ['vision'],
    });
  });
});
