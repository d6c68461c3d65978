/**
 * The five real dumps. Expected values come from the brief and from an independent, naive
 * reading of the fixture text (split on lines), never from the parser itself.
 */
import { describe, expect, it } from 'vitest';
import { parseDump } from '../../../src/main/core/parser/index';
import type { ParseResult } from '../../../src/shared/paper';
import { FIXTURE_NAMES, REFERENCE, expectWellFormed, fixtureBytes, fixtureText } from './helpers';

const PREFIXES = ['000', '001', '002', '003', '004'] as const;
const parse = (prefix: string, referenceDate: Date = REFERENCE): ParseResult =>
  parseDump(fixtureBytes(prefix), { referenceDate });

/** Naive reading of a page dump: the entries that have a `·` block, by position around it. */
function naivePageEntries(text: string) {
  const lines = text.split('\n').map((line, index) => ({ text: line.trim(), number: index + 1 }));
  const nonBlank = lines.filter((line) => line.text !== '');
  return nonBlank.flatMap((line, index) => {
    if (line.text !== '\u00B7') return [];
    const [title, abstract, meta, date] = [-3, -2, -1, 1].map((offset) => nonBlank[index + offset]);
    if (!title || !abstract || !meta || !date) throw new Error('fixture shape');
    return [{ title, abstract, meta: meta.text, date: date.text }];
  });
}

describe('the five sample dumps', () => {
  it('are all five present', () => {
    expect(FIXTURE_NAMES.map((name) => name.slice(0, 3))).toEqual([...PREFIXES]);
  });

  it('detect formats page, page, page, compact, compact from content', () => {
    expect(PREFIXES.map((prefix) => parse(prefix).format)).toEqual([
      'page',
      'page',
      'page',
      'compact',
      'compact',
    ]);
  });

  it('are well formed and not rejected', () => {
    for (const prefix of PREFIXES) {
      const result = parse(prefix);
      expect(result.rejection).toBeNull();
      expectWellFormed(result);
    }
  });

  it('yield 45, 62, 45 page entries and 119, 117 compact entries (388), 334 distinct ids', () => {
    const results = PREFIXES.map((prefix) => parse(prefix));
    expect(results.map((result) => result.papers.length)).toEqual([45, 62, 45, 119, 117]);
    const ids = new Set(results.flatMap((result) => result.papers.map((paper) => paper.id)));
    expect(ids.size).toBe(334);
    expect(results.flatMap((result) => result.diagnostics)).toEqual([]);
  });

  it('import the 4 bare title + abstract pairs with empty metadata, silently', () => {
    const bare = PREFIXES.flatMap((prefix) =>
      parse(prefix)
        .papers.filter((paper) => paper.authors === null && paper.organization === null)
        .map((paper) => [prefix, paper.line, paper.title.slice(0, 20), paper.published]),
    );
    expect(
      bare.filter(([prefix]) => prefix === '000' || prefix === '001' || prefix === '002'),
    ).toEqual([
      ['000', 277, 'Can Natural Image Au', null],
      ['001', 229, 'EEG Foundation Model', null],
      ['001', 441, 'Mitigating Attention', null],
      ['002', 189, 'Brain-IT: Image Reco', null],
    ]);
  });

  it('match a naive line-by-line reading of every page entry (title, abstract, line, metadata)', () => {
    for (const prefix of ['000', '001', '002']) {
      const expected = naivePageEntries(fixtureText(prefix));
      const byLine = new Map(parse(prefix).papers.map((paper) => [paper.line, paper]));
      for (const entry of expected) {
        const paper = byLine.get(entry.title.number);
        expect(paper?.title).toBe(entry.title.text);
        expect(paper?.abstract).toBe(entry.abstract.text);
        const authors = /^• (\d+) authors$/.exec(entry.meta);
        expect(paper?.authors).toBe(authors ? Number(authors[1]) : null);
        expect(paper?.organization).toBe(authors ? null : entry.meta.split(' ').slice(1).join(' '));
        const upvotes = /^[A-Z][a-z]{2} \d{1,2}(?:, \d{4})? (\d+)$/.exec(entry.date);
        expect(paper?.upvotes).toBe(upvotes ? Number(upvotes[1]) : null);
      }
    }
  });

  it('match a naive reading of the compact dumps (alternating lines after the header)', () => {
    for (const prefix of ['003', '004']) {
      const lines = fixtureText(prefix).split('\n').slice(2);
      const papers = parse(prefix).papers;
      papers.forEach((paper, index) => {
        const title = lines[index * 2] ?? '';
        expect(paper.title).toBe(index === 0 ? title.replace(/^Subscribe/, '') : title);
        expect(paper.abstract).toBe(lines[index * 2 + 1]);
        expect(paper.line).toBe(index * 2 + 3);
        expect([paper.authors, paper.organization, paper.published, paper.upvotes]).toEqual([
          null,
          null,
          null,
          null,
        ]);
      });
      expect(parse(prefix).listingDate).toBeNull();
    }
  });

  it('keep the organisation display names', () => {
    const orgs = parse('001')
      .papers.map((paper) => paper.organization)
      .filter((org) => org !== null);
    expect(orgs.sort()).toEqual(['BAIDU', 'OpenBMB']);
  });

  it('read upvotes next to full and year-less dates', () => {
    const sparsing = parse('000').papers.find((p) => p.title.startsWith('Sparsing Law'));
    expect(sparsing).toMatchObject({ published: '2024-11-04', upvotes: 1 });
    const text = fixtureText('002').split('\n');
    const jan29 = parse('002').papers.filter((p) => text[p.line + 5] === 'Jan 29 5');
    expect(jan29).toHaveLength(1);
    expect(jan29[0]).toMatchObject({ published: '2026-01-29', upvotes: 5 });
  });

  it('extract links without trailing punctuation', () => {
    const lora = parse('000').papers.find((p) => p.title.startsWith('LoRAFusion'));
    expect(lora?.abstract).toContain('https://github.com/CentML/lorafusion.');
    expect(lora?.links).toEqual(['https://github.com/CentML/lorafusion']);
  });

  it('give the same paper the same id and abstract in page and compact dumps', () => {
    const page = new Map(
      ['000', '001', '002'].flatMap((p) => parse(p).papers.map((x) => [x.id, x])),
    );
    const compact = ['003', '004'].flatMap((p) => parse(p).papers);
    const shared = compact.filter((paper) => page.has(paper.id));
    expect(shared.length).toBeGreaterThan(10);
    for (const paper of shared) {
      expect(page.get(paper.id)?.abstract).toBe(paper.abstract);
      expect(page.get(paper.id)?.title).toBe(paper.title);
    }
    // and the overlap really is by title: recompute it independently of the ids
    const pageTitles = new Set([...page.values()].map((p) => p.title.toLowerCase()));
    expect(compact.filter((p) => pageTitles.has(p.title.toLowerCase()))).toHaveLength(
      shared.length,
    );
  });
});

describe('year-less dates in sample 000 (header "Apr 17", newest explicit date Dec 22, 2025)', () => {
  const explicitYears = fixtureText('000').match(/^[A-Z][a-z]{2} \d{1,2}, \d{4}/gm) ?? [];

  it('has Dec 22, 2025 as its newest explicit date (precondition of these tests)', () => {
    const newest = explicitYears
      .map((d) => new Date(`${d} UTC`).getTime())
      .sort((a, b) => b - a)[0];
    expect(new Date(newest ?? 0).toISOString().slice(0, 10)).toBe('2025-12-22');
  });

  it('resolves the listing to the latest year not after the reference', () => {
    expect(parse('000', new Date('2026-11-23T00:00:00Z')).listingDate).toBe('2026-04-17');
    expect(parse('000', new Date('2027-04-17T00:00:00Z')).listingDate).toBe('2027-04-17');
    expect(parse('000', new Date('2027-04-16T23:59:59Z')).listingDate).toBe('2026-04-17');
  });

  it('moves the listing forward when the reference would put it before the newest explicit date', () => {
    // latest Apr 17 not after 2026-03-01 is 2025-04-17, older than Dec 22, 2025 → 2026-04-17
    const pushed = parse('000', new Date('2026-03-01T00:00:00Z'));
    expect(pushed.listingDate).toBe('2026-04-17');
    expect(parse('000', new Date('2020-01-01T00:00:00Z')).listingDate).toBe('2026-04-17');
  });

  it('resolves year-less paper dates to the latest such day not after the listing date', () => {
    const lines = fixtureText('000').split('\n');
    const yearless = (result: ParseResult) =>
      result.papers.filter((p) => /^[A-Z][a-z]{2} \d{1,2}( \d+)?$/.test(lines[p.line + 5] ?? ''));
    const in2026 = yearless(parse('000'));
    expect(in2026.length).toBeGreaterThan(0);
    for (const paper of in2026) {
      expect(paper.published?.startsWith('2026-')).toBe(true);
      expect((paper.published ?? '') <= '2026-04-17').toBe(true);
    }
    const in2027 = yearless(parse('000', new Date('2027-12-31T00:00:00Z')));
    expect(in2027.map((p) => p.published?.slice(0, 4))).toEqual(in2026.map(() => '2027'));
  });
});
