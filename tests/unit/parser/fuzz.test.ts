/**
 * Property tests: whatever the bytes, parseDump returns a well-formed result and never throws.
 * Inputs are random bytes and random truncations and mutations of the real samples.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseDump } from '../../../src/main/core/parser/index';
import { REFERENCE, assertWellFormed, fixtureBytes } from './helpers';

const SAMPLES = ['000', '001', '002', '003', '004'].map((prefix) => fixtureBytes(prefix));
const sample = fc.constantFrom(...SAMPLES);
const check = (input: Uint8Array | string, referenceDate: Date = REFERENCE): void =>
  assertWellFormed(parseDump(input, { referenceDate }));

/** Bytes that often matter to the parser: line breaks, BOM/UTF-16 parts, `·`, `•`, NUL, spaces. */
const interestingByte = fc.constantFrom(
  0x0a,
  0x0d,
  0x20,
  0x00,
  0xef,
  0xbb,
  0xbf,
  0xfe,
  0xff,
  0xc2,
  0xb7,
  0xe2,
  0x80,
  0xa2,
  0x3c,
);
const mutation = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom('replace', 'insert', 'delete', 'cut-line'),
  byte: fc.oneof(fc.integer({ min: 0, max: 255 }), interestingByte),
});

function mutate(
  bytes: Uint8Array,
  mutations: readonly { at: number; kind: string; byte: number }[],
): Uint8Array {
  let current = Buffer.from(bytes);
  for (const { at, kind, byte } of mutations) {
    const index = Math.min(current.length, Math.floor(at * current.length));
    if (kind === 'replace' && index < current.length) current[index] = byte;
    else if (kind === 'insert')
      current = Buffer.concat([
        current.subarray(0, index),
        Buffer.from([byte]),
        current.subarray(index),
      ]);
    else if (kind === 'delete')
      current = Buffer.concat([current.subarray(0, index), current.subarray(index + 1)]);
    else {
      const end = current.indexOf(0x0a, index);
      current = Buffer.concat([
        current.subarray(0, index),
        end === -1 ? Buffer.alloc(0) : current.subarray(end + 1),
      ]);
    }
  }
  return current;
}

describe('parseDump never throws and always returns a well-formed result', () => {
  it('for random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => check(bytes)),
      { numRuns: 500 },
    );
  });

  it('for random strings, including ones built from dump-like lines', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        'new',
        'Subscribe',
        'Daily Papers',
        '·',
        '  • 3 authors',
        'Jan 29 5',
        'Sep 2, 2024',
        'Apr 17',
        'openbmb OpenBMB',
        'Get trending papers in your email inbox!',
        'SubscribeTitle',
        '',
      ),
    );
    const dump = fc
      .array(line, { maxLength: 60 })
      .chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((eol) => lines.join(eol)));
    fc.assert(
      fc.property(dump, (text) => check(text)),
      { numRuns: 1000 },
    );
  });

  it('for random truncations of the samples', () => {
    fc.assert(
      fc.property(sample, fc.double({ min: 0, max: 1, noNaN: true }), (bytes, fraction) =>
        check(bytes.subarray(0, Math.floor(bytes.length * fraction))),
      ),
      { numRuns: 200 },
    );
  });

  it('for random mutations of the samples', () => {
    fc.assert(
      fc.property(sample, fc.array(mutation, { minLength: 1, maxLength: 20 }), (bytes, mutations) =>
        check(mutate(bytes, mutations)),
      ),
      { numRuns: 200 },
    );
  });

  it('for any reference date, including invalid ones', () => {
    const date = fc.oneof(
      fc.date(),
      fc.constant(new Date(Number.NaN)),
      fc.constant(new Date(8.64e15)),
    );
    fc.assert(
      fc.property(sample, date, (bytes, referenceDate) => check(bytes, referenceDate)),
      { numRuns: 50 },
    );
  });
});
