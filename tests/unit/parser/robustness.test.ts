/**
 * Damaged, re-encoded and wrong inputs: each case is built from a real sample (or is a known
 * wrong file type) and compared with the clean parse.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_DUMP_BYTES, parseDump } from '../../../src/main/core/parser/index';
import type { ParseResult } from '../../../src/shared/paper';
import { REFERENCE, expectWellFormed, fixtureBytes, fixtureText } from './helpers';

const parse = (input: Uint8Array | string): ParseResult => {
  const result = parseDump(input, { referenceDate: REFERENCE });
  expectWellFormed(result);
  return result;
};
const PAGE = fixtureText('000');
const COMPACT = fixtureText('003');
const clean = { page: parse(PAGE), compact: parse(COMPACT) };

/**
 * Re-joins the lines of `text` with the line ending chosen for each line. A lone CR followed by
 * an empty line ending in LF would read as one CRLF, so such an empty line gets a CR as well.
 */
function withEndings(text: string, ending: (index: number) => string): string {
  let previous = '';
  return text
    .split('\n')
    .map((line, index) => {
      const chosen = ending(index);
      previous = previous === '\r' && line === '' && chosen.startsWith('\n') ? '\r' : chosen;
      return line + previous;
    })
    .join('');
}

describe('encodings and line endings give the same papers on the same lines', () => {
  const same = (input: Uint8Array | string, expected = clean.page) => {
    const result = parse(input);
    expect(result.rejection).toBeNull();
    expect(result.papers).toEqual(expected.papers);
    expect(result.listingDate).toBe(expected.listingDate);
  };

  it('UTF-8 with a BOM (bytes and string)', () => {
    same(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixtureBytes('000')]));
    same(`\uFEFF${PAGE}`);
  });

  it('UTF-16 LE and BE with a BOM', () => {
    const le = Buffer.from(`\uFEFF${PAGE}`, 'utf16le');
    expect([le[0], le[1]]).toEqual([0xff, 0xfe]);
    same(le);
    const be = Buffer.from(le).swap16();
    expect([be[0], be[1]]).toEqual([0xfe, 0xff]);
    same(be);
    same(Buffer.from(`\uFEFF${COMPACT}`, 'utf16le'), clean.compact);
  });

  it('CRLF, CR-only and mixed line endings', () => {
    same(PAGE.replace(/\n/g, '\r\n'));
    same(PAGE.replace(/\n/g, '\r'));
    same(withEndings(PAGE, (i) => ['\n', '\r\n', '\r'][i % 3] ?? '\n'));
    same(
      withEndings(COMPACT, (i) => (i % 2 === 0 ? '\r\n' : '\r')),
      clean.compact,
    );
  });

  it('white-space-only blank lines and trailing spaces', () => {
    same(
      PAGE.split('\n')
        .map((line) => (line === '' ? ' \t ' : `${line}  \t`))
        .join('\n'),
    );
  });

  it('Uint8Array views with an offset into a larger buffer', () => {
    const bytes = fixtureBytes('000');
    const big = new Uint8Array(bytes.length + 10);
    big.set(bytes, 5);
    same(big.subarray(5, 5 + bytes.length));
  });
});

describe('structural variants', () => {
  it('accepts Subscribe on its own line in a compact dump (titles move down one line)', () => {
    const result = parse(COMPACT.replace('\nSubscribe', '\nSubscribe\n'));
    expect(result.format).toBe('compact');
    expect(result.papers.map((p) => p.title)).toEqual(clean.compact.papers.map((p) => p.title));
    expect(result.papers.map((p) => p.line)).toEqual(clean.compact.papers.map((p) => p.line + 1));
  });

  it('accepts a compact dump whose first line is just the shorter header', () => {
    const result = parse(COMPACT.slice(COMPACT.indexOf('\n') + 1));
    expect(result.format).toBe('compact');
    expect(result.papers).toHaveLength(clean.compact.papers.length);
  });

  it('ignores compact header lines repeated mid-file (concatenated dumps)', () => {
    const second = fixtureText('004');
    const result = parse(`${COMPACT}${second}`);
    const both = [...clean.compact.papers, ...parse(second).papers].map((p) => p.title);
    expect(result.papers.map((p) => p.title)).toEqual(both);
    expect(result.papers.some((p) => p.title.includes('Get trending'))).toBe(false);
    expect(result.diagnostics).toEqual([]);
  });

  it('ignores a page header repeated mid-file', () => {
    const result = parse(`${PAGE}\n\n${PAGE}`);
    expect(result.papers).toHaveLength(clean.page.papers.length * 2);
    expect(result.papers.some((p) => /^(new|Daily Papers|Subscribe)$/.test(p.title))).toBe(false);
  });

  it('skips a compact entry truncated after its title, with an error on that line', () => {
    const lines = COMPACT.split('\n');
    const cut = lines.slice(0, 2 + 2 * 10 + 1).join('\n'); // header, 10 entries, one title
    const result = parse(cut);
    expect(result.papers).toHaveLength(10);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: 23,
        message: expect.stringContaining('no abstract'),
      }),
    ]);
  });

  it('skips a page entry truncated after its title, keeps one truncated in its metadata', () => {
    const lines = PAGE.split('\n');
    const last = clean.page.papers.at(-1);
    if (!last) throw new Error('no papers');
    const titleOnly = parse(lines.slice(0, last.line).join('\n'));
    expect(titleOnly.papers).toHaveLength(clean.page.papers.length - 1);
    expect(titleOnly.diagnostics.at(-1)).toMatchObject({ severity: 'error', line: last.line });
    const noDate = parse(lines.slice(0, last.line + 4).join('\n')); // up to the authors line
    expect(noDate.papers).toHaveLength(clean.page.papers.length);
    expect(noDate.papers.at(-1)).toMatchObject({ authors: 7, published: null, upvotes: null });
    expect(noDate.diagnostics.at(-1)).toMatchObject({ severity: 'warning', line: last.line });
  });

  it('keeps the entries around one with a malformed date line', () => {
    const victim = clean.page.papers[5];
    if (!victim) throw new Error('no papers');
    const lines = PAGE.split('\n');
    expect(lines[victim.line + 5]).toBe('Jan 29, 2020'); // title + 6 lines: the date line
    lines[victim.line + 5] = 'Sept 31 the day that never was';
    const result = parse(lines.join('\n'));
    expect(result.papers.map((p) => p.title)).toEqual(clean.page.papers.map((p) => p.title));
    expect(result.papers[5]).toMatchObject({ authors: 4, published: null, upvotes: null });
    expect(result.papers[6]).toEqual(clean.page.papers[6]);
    // reported on the bad line, then the bad line itself is a title without abstract: skipped
    expect(result.diagnostics.map((d) => [d.severity, d.line])).toContainEqual([
      'warning',
      victim.line + 6,
    ]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toHaveLength(1);
  });

  it('keeps the entries around one with a malformed metadata block (no "·")', () => {
    const victim = clean.page.papers[5];
    if (!victim) throw new Error('no papers');
    const lines = PAGE.split('\n');
    lines[victim.line + 4] = '';
    const result = parse(lines.join('\n'));
    expect(result.papers.map((p) => p.title)).toEqual(clean.page.papers.map((p) => p.title));
    expect(result.papers[5]).toMatchObject({ authors: 4, published: '2020-01-29' });
    expect(result.papers.slice(6)).toEqual(clean.page.papers.slice(6));
    expect(result.diagnostics.some((d) => d.line === victim.line)).toBe(true);
  });

  it('skips an entry without abstract in the middle and keeps all others', () => {
    const victim = clean.page.papers[5];
    if (!victim) throw new Error('no papers');
    const lines = PAGE.split('\n');
    lines.splice(victim.line + 1, 1); // the abstract line
    const result = parse(lines.join('\n'));
    expect(result.papers.map((p) => p.title)).toEqual(
      clean.page.papers.filter((p) => p !== victim).map((p) => p.title),
    );
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toHaveLength(1);
  });

  it('handles a very long line (1 MB abstract)', () => {
    const long = 'x'.repeat(1024 * 1024);
    const lines = COMPACT.split('\n');
    lines[3] = long;
    const result = parse(lines.join('\n'));
    expect(result.papers[0]?.abstract).toHaveLength(long.length);
    expect(result.papers).toHaveLength(clean.compact.papers.length);
  });

  it('warns about a page dump without a listing date and resolves year-less dates to the reference', () => {
    const page = fixtureText('001').replace('\nJun 1\n', '\n\n');
    const withHeader = parse(fixtureText('001'));
    const result = parse(page);
    expect(result.listingDate).toBeNull();
    expect(result.diagnostics[0]).toMatchObject({ severity: 'warning', line: null });
    const lines = page.split('\n');
    const apr13 = (r: ParseResult) => r.papers.filter((p) => lines[p.line + 5] === 'Apr 13');
    // With the header (Jun 1 → 2026-06-01) and without it (reference 2026-11-23): same year…
    expect(apr13(withHeader).map((p) => p.published)).toEqual(['2026-04-13']);
    expect(apr13(result).map((p) => p.published)).toEqual(['2026-04-13']);
    // …but with a reference in February, "Apr 13" resolves to the previous year.
    const feb = parseDump(page, { referenceDate: new Date('2026-02-01T00:00:00Z') });
    expect(apr13(feb).map((p) => p.published)).toEqual(['2025-04-13']);
  });

  it('replaces a few invalid UTF-8 bytes with a warning instead of rejecting', () => {
    const bytes = Buffer.from(fixtureBytes('000'));
    bytes[bytes.indexOf('Deploying')] = 0xff;
    const result = parse(bytes);
    expect(result.papers).toHaveLength(clean.page.papers.length);
    expect(result.diagnostics[0]?.message).toContain('invalid UTF-8');
  });
});

describe('inputs that are not listing dumps are rejected with a one-line reason', () => {
  const rejects = (input: Uint8Array | string, reason: RegExp) => {
    const result = parse(input);
    expect(result.rejection).toMatch(reason);
    expect(result.papers).toEqual([]);
    expect(result.format).toBeNull();
  };

  it('empty and white-space-only input', () => {
    rejects(new Uint8Array(0), /^is empty$/);
    rejects('', /^is empty$/);
    rejects(new Uint8Array([0xef, 0xbb, 0xbf]), /^is empty$/);
    rejects(' \n\r\n\t  \n', /white space/);
    rejects(Buffer.from('\uFEFF \r\n \n', 'utf16le'), /white space/);
  });

  it('an HTML page', () => {
    rejects('<!DOCTYPE html>\n<html><head><title>Daily Papers</title></head>', /HTML page/);
    rejects('\n  <html lang="en">\n<body>Subscribe\n·\n</body>', /HTML page/);
  });

  it('PDF, gzip, PNG, JPEG and zip bytes', () => {
    rejects(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj', 'latin1'), /PDF/);
    rejects(gzipSync(fixtureBytes('000')), /gzip/);
    rejects(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /PNG/);
    rejects(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]), /JPEG/);
    rejects(Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]), /zip/);
  });

  it('random binary data', () => {
    let seed = 42;
    const random = Uint8Array.from({ length: 8192 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed >> 23;
    });
    rejects(random, /binary|NUL/);
    rejects(
      random.map((byte) => byte | 0x80),
      /binary/,
    ); // no NUL, invalid UTF-8 everywhere
  });

  it('text without either format', () => {
    rejects('Just some notes.\nNothing to see here.\n', /has no listing entries/);
  });

  it('input over the size cap, naming the cap', () => {
    const reason = /64 MiB/;
    rejects(new Uint8Array(MAX_DUMP_BYTES + 1), reason);
    rejects('a'.repeat(MAX_DUMP_BYTES + 1), reason);
    rejects('\u00e9'.repeat(MAX_DUMP_BYTES / 2 + 1), reason); // fewer chars than the cap, more bytes
    expect(MAX_DUMP_BYTES).toBe(64 * 1024 * 1024);
  });
});
