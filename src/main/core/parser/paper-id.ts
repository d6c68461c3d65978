/**
 * Paper identity: a stable id derived only from the title, so that the same paper read from any
 * dump, in either format, with any line endings or invisible characters, maps to one record.
 */
import { hash } from 'node:crypto';

/**
 * Invisible characters that copy/paste and web pages sprinkle into titles: zero-width space,
 * non-joiner and joiner (U+200B–U+200D), word joiner (U+2060), BOM / zero-width no-break space
 * (U+FEFF), and the bidi controls LRM/RLM (U+200E, U+200F), embeddings and overrides
 * (U+202A–U+202E), isolates (U+2066–U+2069) and the Arabic letter mark (U+061C).
 */
const INVISIBLE = /[\u200B-\u200F\u2060\uFEFF\u202A-\u202E\u2066-\u2069\u061C]/g;
/** Any run of Unicode white space (JS `\s` covers NBSP, U+2000–U+200A, U+3000, line breaks…). */
const WHITE_SPACE_RUN = /\s+/g;
/** Printable ASCII only: no invisible characters, NFC already, case folding = `toLowerCase`. */
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;
/** White space that `normalizeTitle` would change in a printable-ASCII title. */
const ASCII_SPACE_TO_FIX = /^ | $| {2}/;

/**
 * Normalises a title for identity comparison.
 *
 * Steps, in this order (the order matters):
 * 1. remove zero-width and bidi control characters (before NFC, so that a ZWJ between a base
 *    letter and a combining mark cannot prevent composition, and before white-space collapsing,
 *    so that `a \u200B b` collapses to `a b`);
 * 2. Unicode NFC, so precomposed and decomposed spellings (`é` vs `e\u0301`) agree;
 * 3. case folding by lower → upper → lower casing: unlike a plain `toLowerCase()` (or
 *    `toLocaleLowerCase('und')`, which leaves `ß` alone) this folds `ß` and `ẞ` to `ss` (the
 *    first pass turns `ẞ` into `ß`, the upper pass expands it) and maps the Greek final sigma `ς`
 *    to the same form as `σ`. All calls are locale-independent. Like Unicode full case folding
 *    in effect for these cases, without needing ICU case-folding APIs that JS lacks;
 * 4. NFC again, because case mapping can emit decomposed sequences (e.g. `İ` → `i\u0307`);
 * 5. collapse every white-space run to one ASCII space and trim.
 * Printable-ASCII titles take a fast path with the same result (a unit test checks both agree).
 *
 * Invariant: the result never contains invisible characters, leading/trailing or repeated white
 * space, and equal-looking titles (modulo case and the above) give equal results.
 */
export function normalizeTitle(title: string): string {
  // Fast path, same result: most titles are printable ASCII (ids are computed for every entry).
  if (PRINTABLE_ASCII.test(title)) {
    const lower = title.toLowerCase();
    return ASCII_SPACE_TO_FIX.test(lower) ? lower.replace(WHITE_SPACE_RUN, ' ').trim() : lower;
  }
  const visible = title.replace(INVISIBLE, '').normalize('NFC');
  const folded = visible.toLowerCase().toUpperCase().toLowerCase().normalize('NFC');
  return folded.replace(WHITE_SPACE_RUN, ' ').trim();
}

/**
 * The paper id: `'p'` followed by the first 20 hex digits (80 bits) of the SHA-256 of the UTF-8
 * encoding of `normalizeTitle(title)`.
 *
 * Invariant: depends only on `normalizeTitle(title)`, so it is identical across dumps and formats
 * and stable across releases (changing the normalisation would orphan users' records; do not).
 * The `p` prefix keeps the id a valid identifier / CSS-safe token that never starts with a digit.
 */
export function paperIdFromTitle(title: string): string {
  return `p${hash('sha256', normalizeTitle(title), 'hex').slice(0, 20)}`;
}
