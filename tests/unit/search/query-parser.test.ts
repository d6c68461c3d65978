import { describe, expect, it } from 'vitest';
import { isEmptyQuery, parseQuery, parseYearRange } from '../../../src/shared/search/query-parser';

describe('parseQuery', () => {
  it('splits plain words and knows whether the last one is still being typed', () => {
    const typing = parseQuery('  sparse   atention');
    expect(typing.words).toEqual(['sparse', 'atention']);
    expect(typing.lastWordOpen).toBe(true);
    expect(parseQuery('sparse atention ').lastWordOpen).toBe(false);
    expect(isEmptyQuery(typing)).toBe(false);
  });

  it('reads tag, status, org, year and is filters combined with words', () => {
    const q = parseQuery('tag:ml status:queued org:OpenBMB year:2024 is:noted is:tagged sparse');
    expect(q.tags).toEqual(['ml']);
    expect(q.statuses).toEqual(['queued']);
    expect(q.orgs).toEqual(['openbmb']);
    expect(q.years).toEqual([{ from: 2024, to: 2024 }]);
    expect(q.noted).toBe(true);
    expect(q.tagged).toBe(true);
    expect(q.words).toEqual(['sparse']);
    expect(q.problems).toEqual([]);
  });

  it('accepts quoted filter values, folded, and status aliases', () => {
    const q = parseQuery('tag:"Deep  Léarning" status:queue status:READ');
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

  it('flags an invalid status with a suggestion instead of searching it as text', () => {
    const q = parseQuery('diffusion status:maybe');
    expect(q.words).toEqual(['diffusion']);
    expect(q.statuses).toEqual([]);
    expect(q.problems).toHaveLength(1);
    expect(q.problems[0]?.message).toMatch(/status:queued/);
    expect(q.problems[0]?.suggestion).toBe('diffusion status:queued');
    expect(parseQuery('status:dismised').problems[0]?.suggestion).toBe('status:dismissed');
  });

  it('flags unknown keys and bad values, suggesting the closest key or value', () => {
    const q = parseQuery('stats:read tag:x foo:bar year:soon is:notes');
    expect(q.words).toEqual([]);
    expect(q.tags).toEqual(['x']);
    expect(q.problems.map((p) => p.token)).toEqual([
      'stats:read',
      'foo:bar',
      'year:soon',
      'is:notes',
    ]);
    expect(q.problems.map((p) => p.suggestion)).toEqual([
      'status:read tag:x foo:bar year:soon is:notes',
      null,
      null,
      'stats:read tag:x foo:bar year:soon is:noted',
    ]);
    expect(parseQuery('year:24').problems[0]?.suggestion).toBe('year:2024');
    expect(parseQuery('tag:').problems[0]?.message).toMatch(/needs a value/);
  });

  it('keeps quoted phrases together, tolerating a missing closing quote', () => {
    const q = parseQuery('"large language" models');
    expect(q.phrases).toEqual(['large language']);
    expect(q.words).toEqual(['models']);
    expect(parseQuery('"mixture of experts').phrases).toEqual(['mixture of experts']);
    const single = parseQuery('"single"');
    expect(single.words).toEqual(['single']);
    expect(single.lastWordOpen).toBe(false);
  });

  it('reads exclusions of words and phrases, but not of filters', () => {
    const q = parseQuery('diffusion -video -"point cloud" - x');
    expect(q.words).toEqual(['diffusion', '-', 'x']);
    expect(q.excluded).toEqual(['video', 'point cloud']);
    expect(parseQuery('-tag:ml').problems[0]?.suggestion).toBe('tag:ml');
  });

  it('recognises empty queries', () => {
    expect(isEmptyQuery(parseQuery('   '))).toBe(true);
    expect(isEmptyQuery(parseQuery('status:maybe'))).toBe(true);
    expect(isEmptyQuery(parseQuery('tag:ml'))).toBe(false);
    expect(isEmptyQuery(parseQuery('is:noted'))).toBe(false);
  });
});
