import { describe, expect, it } from 'vitest';
import type { ImportRunProgress } from '../../../src/shared/import-types';
import { MAX_FILES_PER_REQUEST } from '../../../src/shared/ipc-validators';
import type { ImportRecord } from '../../../src/renderer/src/db';
import {
  progressLine,
  runSummary,
} from '../../../src/renderer/src/features/import/import-progress';
import { readInParts } from '../../../src/renderer/src/features/import/read-dropped-data';
import {
  groupImports,
  importState,
  originLabel,
} from '../../../src/renderer/src/features/imports/import-groups';

function run(overrides: Partial<ImportRunProgress> = {}): ImportRunProgress {
  return {
    runId: 'run-1',
    origins: ['drop'],
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    filesTotal: 569,
    filesDone: 569,
    lastFile: 'day-568.txt',
    filesImported: 569,
    papers: 9459,
    added: 9400,
    updated: 59,
    unchanged: 0,
    warnings: 0,
    problems: [],
    problemCount: 0,
    ...overrides,
  };
}

describe('import progress and summary', () => {
  it('shows one line for the whole run', () => {
    expect(progressLine(run({ finishedAt: null, filesDone: 119, papers: 2031 }))).toBe(
      'File 120 of 569 · 2,031 papers',
    );
    expect(progressLine(run({ finishedAt: null, filesDone: 569 }))).toBe(
      'File 569 of 569 · 9,459 papers',
    );
  });

  it('sums a run up in one toast', () => {
    expect(runSummary(run())).toEqual({
      kind: 'success',
      title: 'Imported 569 files · 9,459 papers',
      detail: '9,400 new, 59 updated, 0 unchanged',
    });
    const single = runSummary(run({ filesTotal: 1, filesDone: 1, filesImported: 1, papers: 45 }));
    expect(single?.title).toBe('Imported day-568.txt');
  });

  it('names problems, a few at a time, and stays silent when nothing happened', () => {
    const problems = [1, 2, 3, 4].map((n) => ({
      file: `bad-${n}.html`,
      kind: 'rejected' as const,
      message: `bad-${n}.html is an HTML page.`,
    }));
    const summary = runSummary(run({ filesImported: 565, problems, problemCount: 4 }));
    expect(summary?.kind).toBe('warning');
    expect(summary?.detail).toContain('bad-1.html is an HTML page. bad-2.html');
    expect(summary?.detail).toContain('And 1 more file.');
    const only = runSummary(
      run({ filesImported: 0, problems: problems.slice(0, 1), problemCount: 1 }),
    );
    expect(only).toEqual({
      kind: 'error',
      title: 'Not imported: bad-1.html',
      detail: 'bad-1.html is an HTML page.',
    });
    expect(runSummary(run({ filesImported: 0, filesTotal: 0, papers: 0 }))).toBeNull();
  });

  it('leaves a refused paste to the paste handler, which quotes what was pasted', () => {
    const refused = { file: 'pasted-1.txt', kind: 'rejected' as const, message: 'not a listing' };
    const paste = { origins: ['paste' as const], filesImported: 0, problemCount: 1 };
    expect(runSummary(run({ ...paste, problems: [refused] }))).toBeNull();
    const failed = { ...refused, kind: 'failed' as const, message: 'disk full' };
    expect(runSummary(run({ ...paste, problems: [failed] }))?.title).toBe(
      'Import failed: pasted-1.txt',
    );
  });
});

describe('reading a large drop', () => {
  it('hands it over in parts of bounded size, in order', async () => {
    const files = Array.from(
      { length: 450 },
      (_, i) => new File([new Uint8Array(20_000).fill(65)], `f${i}.txt`),
    );
    const parts: string[][] = [];
    for await (const part of readInParts(files, 1_000_000)) parts.push(part.map((f) => f.name));
    expect(parts.flat()).toEqual(files.map((file) => file.name));
    expect(Math.max(...parts.map((part) => part.length))).toBeLessThanOrEqual(50);
    const few = [];
    for await (const part of readInParts(files, 1e9)) few.push(part.length);
    expect(few).toEqual([MAX_FILES_PER_REQUEST, MAX_FILES_PER_REQUEST, 50]);
  });
});

function record(overrides: Partial<ImportRecord>): ImportRecord {
  return {
    importId: 'i',
    file: 'a.txt',
    hash: 'h',
    origin: 'drop',
    format: 'page',
    listingDate: null,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    batchesDone: 1,
    totalBatches: 1,
    totalPapers: 10,
    added: 10,
    updated: 0,
    unchanged: 0,
    diagnostics: [],
    batchIndices: [0],
    ...overrides,
  };
}

describe('Import History', () => {
  it('groups files by run, newest run first, and keeps rows from before runs apart', () => {
    const groups = groupImports([
      record({ importId: 'a', runId: 'r1', file: 'a.txt' }),
      record({ importId: 'b', runId: 'r1', file: 'b.txt', startedAt: '2026-01-01T00:00:02.000Z' }),
      record({
        importId: 'c',
        runId: 'r2',
        origin: 'startup-scan',
        startedAt: '2026-02-01T00:00:00.000Z',
      }),
      record({ importId: 'old', startedAt: '2025-01-01T00:00:00.000Z' }),
    ]);
    expect(groups.map((group) => [group.runId, group.files.length, group.totalPapers])).toEqual([
      ['r2', 1, 10],
      ['r1', 2, 20],
      ['old', 1, 10],
    ]);
    expect(originLabel(['startup-scan', 'drop'])).toBe('Inbox folder at start + Dropped');
  });

  it('tells a file still being imported from one whose import was interrupted', () => {
    const unfinished = record({ runId: 'r1', finishedAt: null });
    expect(importState(unfinished, (runId) => runId === 'r1')).toBe('in progress');
    expect(importState(unfinished, () => false)).toBe('interrupted');
    expect(importState(record({}), () => false)).toBe('imported');
  });
});
