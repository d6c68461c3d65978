import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeTitle, paperIdFromTitle } from '../../../src/main/core/parser/index';

/** Independent statement of the id rule, for comparison. */
const expectedId = (normalised: string) =>
  `p${createHash('sha256').update(normalised, 'utf8').digest('hex').slice(0, 20)}`;

describe('normalizeTitle', () => {
  it('composes to NFC', () => {
    const nfd = 'Caf\u0065\u0301 Nets'.normalize('NFD');
    expect(nfd).not.toBe('Café Nets');
    expect(normalizeTitle(nfd)).toBe('café nets');
    expect(normalizeTitle('Café Nets')).toBe('café nets');
  });

  it('folds case, including ß and final sigma', () => {
    expect(normalizeTitle('LoRAFusion: EFFICIENT LoRA')).toBe('lorafusion: efficient lora');
    expect(normalizeTitle('Straße')).toBe(normalizeTitle('STRASSE'));
    expect(normalizeTitle('ẞ')).toBe('ss');
    expect(normalizeTitle('ΟΔΟΣ')).toBe(normalizeTitle('οδος'));
  });

  it('removes zero-width and bidi control characters', () => {
    const invisible = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u200E', '\u200F'];
    const bidi = [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u061C',
    ];
    for (const char of [...invisible, ...bidi]) {
      expect(normalizeTitle(`Atten${char}tion Is All`)).toBe('attention is all');
    }
    expect(normalizeTitle('a \u200B b')).toBe('a b');
  });

  it('collapses and trims all kinds of white space', () => {
    expect(normalizeTitle('  Attention \t is\u00A0\u00A0all\u2003you\nneed  ')).toBe(
      'attention is all you need',
    );
    expect(normalizeTitle('Attention  Is')).toBe('attention is');
    expect(normalizeTitle(' x')).toBe('x');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (title) => {
        const once = normalizeTitle(title);
        expect(normalizeTitle(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('takes an ASCII fast path that agrees with the general path', () => {
    // Appending U+200B forces the general path without changing the expected result.
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aZ 09:-.\tQx  ') }), (title) => {
        expect(normalizeTitle(title)).toBe(normalizeTitle(`${title}\u200B`));
      }),
      { numRuns: 300 },
    );
  });
});

describe('paperIdFromTitle', () => {
  it('is p + the first 20 hex digits of sha256(normalised title)', () => {
    const id = paperIdFromTitle('Attention Is All You Need');
    expect(id).toMatch(/^p[0-9a-f]{20}$/);
    expect(id).toBe(expectedId('attention is all you need'));
  });

  it('is the same for every spelling of the same title, different for different titles', () => {
    const spellings = [
      'Café: Attention Is All You Need',
      'cafe\u0301: attention is all you need',
      '  CAFÉ:  Attention\u200B Is All You Need\u202C ',
      'Café:\tAttention Is\u00A0All You Need',
    ];
    expect(new Set(spellings.map(paperIdFromTitle)).size).toBe(1);
    expect(paperIdFromTitle('Attention Is All You Need!')).not.toBe(
      paperIdFromTitle(spellings[0] ?? ''),
    );
  });
});
