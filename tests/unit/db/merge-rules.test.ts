import { describe, expect, it } from 'vitest';
import type { ImportSource } from '../../../src/shared/import-types';
import type { ParsedPaper } from '../../../src/shared/paper';
import {
  currentUpvotes,
  mergeSighting,
  newPaperRecord,
  titleSortKey,
} from '../../../src/renderer/src/db/merge';
import { countOutcomes, mergeSegments } from '../../../src/renderer/src/db/merge-batch';
import type { PaperRecord } from '../../../src/renderer/src/db';
import { paper, source } from './helpers';

const OLD = source({ file: 'old.txt', listingDate: '2025-04-10' });
const NEW = source({ file: 'new.txt', listingDate: '2025-04-12' });
const MID = source({ file: 'mid.txt', listingDate: '2025-04-11' });
const UNDATED = source({ file: 'compact.txt', listingDate: null, format: 'compact' });

function first(p: ParsedPaper, src: ImportSource = OLD): PaperRecord {
  return newPaperRecord({ paper: p, source: src, importedAt: '2025-04-10T10:00:00.000Z' });
}

function then(record: PaperRecord, p: ParsedPaper, src: ImportSource): PaperRecord {
  return mergeSighting(record, { paper: p, source: src, importedAt: '2025-04-12T10:00:00.000Z' })
    .record;
}

const base = { title: 'Scaling Laws' } as const;

describe('merge rules', () => {
  it('fills an empty abstract and prefers the longer of a prefix pair', () => {
    const empty = first(paper({ ...base, abstract: '' }));
    expect(then(empty, paper({ ...base, abstract: 'Full text.' }), NEW).abstract).toBe(
      'Full text.',
    );
    const truncated = first(paper({ ...base, abstract: 'Full te' }));
    expect(then(truncated, paper({ ...base, abstract: 'Full text.' }), NEW).abstract).toBe(
      'Full text.',
    );
    const full = first(paper({ ...base, abstract: 'Full text.' }));
    expect(then(full, paper({ ...base, abstract: 'Full' }), NEW).abstract).toBe('Full text.');
    expect(then(full, paper({ ...base, abstract: '' }), NEW).abstract).toBe('Full text.');
  });

  it('fills null authors, organization and published, and never replaces a value by null', () => {
    const bare = first(paper(base), UNDATED);
    const rich = paper({ ...base, authors: 7, organization: 'OpenBMB', published: '2024-09-02' });
    const filled = then(bare, rich, OLD);
    expect([filled.authors, filled.organization, filled.published]).toEqual([
      7,
      'OpenBMB',
      '2024-09-02',
    ]);
    const kept = then(filled, paper(base), NEW);
    expect([kept.authors, kept.organization, kept.published]).toEqual([7, 'OpenBMB', '2024-09-02']);
  });

  it('resolves conflicting authors/organization to the later listing, in any import order', () => {
    const a = paper({ ...base, organization: 'Old Org', authors: 3, line: 1 });
    const b = paper({ ...base, organization: 'New Org', authors: 4, line: 2 });
    const forward = then(first(a, OLD), b, NEW);
    const backward = then(first(b, NEW), a, OLD);
    expect([forward.organization, forward.authors]).toEqual(['New Org', 4]);
    expect([backward.organization, backward.authors]).toEqual(['New Org', 4]);
  });

  it('compares against the listing that supplied the value, not the latest sighting', () => {
    const withOrg = first(paper({ ...base, organization: 'X' }), OLD);
    const laterWithout = then(withOrg, paper({ ...base, line: 5 }), NEW);
    const mid = then(laterWithout, paper({ ...base, organization: 'Y', line: 9 }), MID);
    expect(mid.organization).toBe('Y');
  });

  it('unions links in first-appearance order', () => {
    const record = first(paper({ ...base, links: ['https://a', 'https://b'] }));
    const merged = then(record, paper({ ...base, links: ['https://b', 'https://c'] }), NEW);
    expect(merged.links).toEqual(['https://a', 'https://b', 'https://c']);
  });

  it('keeps upvote history and takes current upvotes from the latest listing', () => {
    const record = first(paper({ ...base, upvotes: 50 }), NEW);
    const merged = then(record, paper({ ...base, upvotes: 10 }), OLD);
    expect(merged.upvotes).toBe(50);
    expect(merged.upvoteHistory.map((h) => [h.file, h.upvotes])).toEqual([
      ['new.txt', 50],
      ['old.txt', 10],
    ]);
    const later = then(
      merged,
      paper({ ...base, upvotes: 80, line: 3 }),
      source({ file: 'x', listingDate: '2025-05-01' }),
    );
    expect(later.upvotes).toBe(80);
  });

  it('breaks upvote ties on the same listing date by the maximum', () => {
    const history = [
      { listingDate: '2025-04-12', file: 'a', upvotes: 3, seenAt: 't' },
      { listingDate: '2025-04-12', file: 'b', upvotes: 9, seenAt: 't' },
      { listingDate: null, file: 'c', upvotes: 99, seenAt: 't' },
    ];
    expect(currentUpvotes(history)).toBe(9);
    expect(currentUpvotes([])).toBeNull();
  });

  it('skips an upvote sighting of the same file and listing date', () => {
    const record = first(paper({ ...base, upvotes: 5, line: 1 }), OLD);
    const again = then(record, paper({ ...base, upvotes: 6, line: 2 }), OLD);
    expect(again.upvoteHistory).toHaveLength(1);
  });

  it('appends provenance per (hash, line) and advances lastSeenAt and listingDate', () => {
    const record = first(paper({ ...base, line: 4 }), OLD);
    const merged = then(record, paper({ ...base, line: 8 }), NEW);
    expect(merged.sources.map((s) => [s.hash, s.line])).toEqual([
      ['hash-old.txt', 4],
      ['hash-new.txt', 8],
    ]);
    expect(merged.listingDate).toBe('2025-04-12');
    expect(merged.lastSeenAt).toBe('2025-04-12T10:00:00.000Z');
    expect(merged.firstSeenAt).toBe('2025-04-10T10:00:00.000Z');
    const older = then(merged, paper({ ...base, line: 2 }), UNDATED);
    expect(older.listingDate).toBe('2025-04-12');
  });

  it('treats a sighting already in provenance as a no-op', () => {
    const record = first(paper({ ...base, upvotes: 5, line: 4 }), OLD);
    const outcome = mergeSighting(record, {
      paper: paper({ ...base, upvotes: 5, line: 4 }),
      source: OLD,
      importedAt: '2030-01-01T00:00:00.000Z',
    });
    expect(outcome.changed).toBe(false);
    expect(outcome.record).toBe(record);
  });

  it('normalises titles for sorting', () => {
    expect(titleSortKey('  Über-Fast  LLMs: A Survey ')).toBe('uber fast llms a survey');
  });
});

/** One file's papers merged against `existing`, with its counts. */
function mergeBatch(
  existing: ReadonlyMap<string, PaperRecord>,
  papers: readonly ParsedPaper[],
  source: ImportSource,
  importedAt: string,
) {
  const result = mergeSegments(existing, [{ source, papers }], importedAt);
  return { ...result, counts: countOutcomes(result.outcomes[0] ?? new Map()) };
}

describe('mergeSegments of one file', () => {
  it('merges duplicate ids within a batch and counts each distinct id once', () => {
    const papers = [
      paper({ ...base, abstract: 'Short', line: 1 }),
      paper({ ...base, abstract: 'Short and complete.', organization: 'Lab', line: 9 }),
      paper({ title: 'Other' }),
    ];
    const result = mergeBatch(new Map(), papers, OLD, 'now');
    expect(result.counts).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(result.toWrite).toHaveLength(2);
    const merged = result.toWrite.find((r) => r.title === base.title);
    expect(merged?.abstract).toBe('Short and complete.');
    expect(merged?.organization).toBe('Lab');
    expect(merged?.sources).toHaveLength(2);
  });

  it('classifies updated versus provenance-only changes', () => {
    const stored = first(paper({ ...base, organization: 'Lab' }));
    const other = first(paper({ title: 'Other' }));
    const existing = new Map([
      [stored.id, stored],
      [other.id, other],
    ]);
    const result = mergeBatch(
      existing,
      [paper({ ...base, upvotes: 3, line: 2 }), paper({ title: 'Other', line: 3 })],
      NEW,
      'now',
    );
    expect(result.counts).toEqual({ added: 0, updated: 1, unchanged: 1 });
    expect(result.newIds).toEqual([]);
  });
});
