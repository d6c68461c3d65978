import { describe, expect, it } from 'vitest';
import { setStatus } from '../../../src/renderer/src/db';
import { defaultEntry } from '../../../src/renderer/src/db/import-repository';
import { newPaperRecord } from '../../../src/renderer/src/db/merge';
import { toPaperSummary } from '../../../src/renderer/src/db/merge-batch';
import { PacedQuery, type ChangedTables } from '../../../src/renderer/src/db/throttled-query';
import { at, freshLibrary, paper, source } from './helpers';

/** Resolves once `check` holds, polling (PacedQuery re-runs on its own timers). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(check()).toBe(true);
}

describe('PacedQuery', () => {
  it('tells each run which tables changed since the previous one (null: read everything)', async () => {
    const db = freshLibrary();
    const record = newPaperRecord({
      paper: paper({ title: 'Alpha' }),
      source: source(),
      importedAt: at(0).toISOString(),
    });
    await db.papers.add(record);
    await db.paperSummaries.add(toPaperSummary(record));
    await db.entries.add(defaultEntry('alpha', at(0).toISOString()));
    const runs: (string[] | null)[] = [];
    const query = new PacedQuery(
      db.name,
      async (changed: ChangedTables) => {
        runs.push(changed === null ? null : [...changed].sort());
        return runs.length;
      },
      () => undefined,
    );
    query.start();
    try {
      await until(() => runs.length === 1);
      await setStatus(db, ['alpha'], 'queued', at(1));
      await until(() => runs.length === 2);
      await db.paperSummaries.put({ ...toPaperSummary(record), title: 'Alpha v2' });
      await until(() => runs.length === 3);
      query.refresh();
      await until(() => runs.length === 4);
      expect(runs).toEqual([null, ['entries'], ['paperSummaries'], null]);
    } finally {
      query.stop();
    }
  });
});
