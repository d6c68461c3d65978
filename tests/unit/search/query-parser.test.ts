import { describe, expect, it } from 'vitest';
import {
  isEmptyQuery,
  isFilterOnly,
  parseQuery,
  parseYearRange,
} from '../../../src/renderer/src/search/query-parser';

describe('parseQuery', () => {
  it('splits plain words', () => {
    const q = parseQuery('  sparse   atention ');
    expect(q.terms).toEqual([
      { text: 'sparse', phrase: false },
      { text: 'atention', phrase: false },
    ]);
    expect(isEmptyQuery(q)).toBe(false);
  });

  it('reads tag, status, org and year filters combined with words', () => {
    const q = parseQuery('tag:ml status:queued org:openbmb year:2024 sparse');
    expect(q.tags).toEqual(['ml']);
    expect(q.statuses).toEqual(['queued']);
    expect(q.orgs).toEqual(['openbmb']);
    expect(q.years).toEqual([{ from: 2024, to: 2024 }]);
    expect(q.terms).toEqual([{ text: 'sparse', phrase: false }]);
  });

  it('accepts quoted filter values and status aliases', () => {
    const q = parseQuery('tag:"Deep  Learning" status:queue status:READ');
    expect(q.tags).toEqual(['deep learning']);
    expect(q.statuses).toEqual(['queued', 'read']);
    for (const s of ['inbox', 'reading', 'dismissed']) {
      expect(parseQuery(`status:${s}`).statuses).toEqual([s]);
    }
  });

  it('parses year ranges, open ends and reversed bounds', () => {
    expect(parseQuery('year:2023..2025').years).toEqual([{ from: 2023, to: 2025 }]);
    expect(parseYearRange('2025..2023')).toEqual({ from: 2023, to: 2025 });
    expect(parseYearRange('2023..')).toEqual({ from: 2023, to: null });
    expect(parseYearRange('..2020')).toEqual({ from: null, to: 2020 });
    expect(parseYearRange('soon')).toBeNull();
  });

  it('treats unknown keys and invalid values as plain text', () => {
    const q = parseQuery('foo:bar status:maybe year:soon');
    expect(q.terms.map((t) => t.text)).toEqual(['foo:bar', 'status:maybe', 'year:soon']);
    expect(q.statuses).toEqual([]);
    expect(q.years).toEqual([]);
  });

  it('keeps quoted phrases together, tolerating a missing closing quote', () => {
    expect(parseQuery('"large language" models').terms).toEqual([
      { text: 'large language', phrase: true },
      { text: 'models', phrase: false },
    ]);
    expect(parseQuery('"mixture of experts').terms).toEqual([
      { text: 'mixture of experts', phrase: true },
    ]);
    expect(parseQuery('"single"').terms).toEqual([{ text: 'single', phrase: false }]);
  });

  it('recognises empty and filter-only queries', () => {
    expect(isEmptyQuery(parseQuery('   '))).toBe(true);
    expect(isFilterOnly(parseQuery('tag:ml year:2024'))).toBe(true);
    expect(isFilterOnly(parseQuery('tag:ml sparse'))).toBe(false);
    expect(parseQuery('tag:').terms).toEqual([{ text: 'tag:', phrase: false }]);
  });
});
