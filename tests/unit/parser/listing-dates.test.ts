import { describe, expect, it } from 'vitest';
import {
  formatIsoDate,
  latestNotAfter,
  parseDateLine,
  resolveListingDate,
} from '../../../src/main/core/parser/listing-dates';

const day = (iso: string) => {
  const [year = 0, month = 0, date = 0] = iso.split('-').map(Number);
  return { year, month, day: date };
};
const iso = (date: ReturnType<typeof latestNotAfter>) =>
  date === null ? null : formatIsoDate(date);

describe('parseDateLine', () => {
  it('reads every variant of the samples', () => {
    expect(parseDateLine('Sep 2, 2024')).toEqual({ month: 9, day: 2, year: 2024, upvotes: null });
    expect(parseDateLine('Jan 29')).toEqual({ month: 1, day: 29, year: null, upvotes: null });
    expect(parseDateLine('Nov 4, 2024 1')).toEqual({ month: 11, day: 4, year: 2024, upvotes: 1 });
    expect(parseDateLine('Jan 29 5')).toEqual({ month: 1, day: 29, year: null, upvotes: 5 });
    expect(parseDateLine('Sept 30, 2025 123')).toMatchObject({ month: 9, upvotes: 123 });
  });

  it('rejects what is not a real date line', () => {
    for (const line of [
      'Feb 30, 2024',
      'Feb 29, 2023',
      'Foo 3, 2024',
      'Jan 32',
      'Jan',
      '·',
      'Jan 5, 24',
      'Attention Is All You Need',
    ]) {
      expect(parseDateLine(line)).toBeNull();
    }
    expect(parseDateLine('Feb 29, 2024')).not.toBeNull();
    expect(parseDateLine('Feb 29')).not.toBeNull();
  });
});

describe('year resolution', () => {
  it('a year-less paper date is the latest such day not after the listing date', () => {
    expect(iso(latestNotAfter(1, 29, day('2026-04-17')))).toBe('2026-01-29');
    expect(iso(latestNotAfter(4, 17, day('2026-04-17')))).toBe('2026-04-17');
    expect(iso(latestNotAfter(4, 18, day('2026-04-17')))).toBe('2025-04-18');
    expect(iso(latestNotAfter(12, 5, day('2026-04-17')))).toBe('2025-12-05');
    expect(iso(latestNotAfter(2, 29, day('2026-04-17')))).toBe('2024-02-29');
  });

  it('the listing date: latest year not after the reference…', () => {
    expect(iso(resolveListingDate(4, 17, day('2026-11-23'), day('2025-12-22')))).toBe('2026-04-17');
    expect(iso(resolveListingDate(4, 17, day('2026-11-23'), null))).toBe('2026-04-17');
    expect(iso(resolveListingDate(12, 1, day('2026-11-23'), null))).toBe('2025-12-01');
  });

  it('…unless that is before the newest explicit date: explicit dates win, year moves forward', () => {
    expect(iso(resolveListingDate(4, 17, day('2026-03-01'), day('2025-12-22')))).toBe('2026-04-17');
    expect(iso(resolveListingDate(4, 17, day('2020-01-01'), day('2025-12-22')))).toBe('2026-04-17');
    expect(iso(resolveListingDate(12, 22, day('2020-01-01'), day('2025-12-22')))).toBe(
      '2025-12-22',
    );
    expect(iso(resolveListingDate(2, 29, day('2025-06-01'), day('2025-03-01')))).toBe('2028-02-29');
  });
});
