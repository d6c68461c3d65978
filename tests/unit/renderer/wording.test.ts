import { describe, expect, it } from 'vitest';
import { pasteRefusal } from '../../../src/renderer/src/features/import/pasted-text';
import { formatBytes } from '../../../src/renderer/src/features/imports/format-bytes';
import { countsWithPending } from '../../../src/renderer/src/features/library/use-optimistic-counts';
import type { PendingStatus } from '../../../src/renderer/src/db';

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1023 bytes'],
    [1.2 * 1024 * 1024, '1.2 MB'],
    [10 * 1024 ** 3, '10 GB'],
    [10241.2 * 1024 * 1024, '10 GB'],
    [null, '?'],
  ])('%s → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('paste refusal', () => {
  it('quotes what was pasted instead of a made-up file name and says what a listing is', () => {
    const { title, detail } = pasteRefusal(
      'Just some notes.\n\nNothing to see here.\n',
      'pasted-2026-01-01-10-00-00.txt',
      'pasted-2026-01-01-10-00-00.txt has no listing entries (no paper title followed by its abstract).',
    );
    expect(title).toBe('Not imported: the pasted text is not a listing');
    expect(detail).toContain(
      'What you pasted (2 lines, starting “Just some notes.”) has no listing',
    );
    expect(detail).toContain('title on one line and its abstract on the next');
    expect(detail).not.toContain('pasted-');
  });
});

describe('optimistic counts', () => {
  const counts = { inbox: 10, queued: 2, reading: 0, read: 0, dismissed: 0, all: 12 };
  const change = (settledAt: number | null): PendingStatus => ({
    token: 1,
    from: new Map([
      ['a', 'inbox'],
      ['b', 'inbox'],
    ]),
    status: 'queued',
    at: '2025-01-01T00:00:00.000Z',
    settledSeq: settledAt === null ? null : 1,
    settledAt,
  });

  it('moves papers between counts until counts read after the write arrive', () => {
    expect(countsWithPending(counts, [change(null)], 100)).toMatchObject({ inbox: 8, queued: 4 });
    expect(countsWithPending(counts, [change(150)], 100)).toMatchObject({ inbox: 8, queued: 4 });
    expect(countsWithPending(counts, [change(50)], 100)).toEqual(counts);
  });
});
