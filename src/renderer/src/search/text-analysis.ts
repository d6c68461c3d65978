/**
 * Tokenising and term normalisation shared by indexing and querying, so both sides agree.
 * Terms are lower-cased, lightly stemmed (plural and -ing/-ed/-e endings) and stop words dropped;
 * hyphenated words index their parts and the joined compound: `fine-tuning` →
 * `fine`, `tuning`, `finetun` (so `finetune`, `finetuning` and `fine-tuned` meet).
 */

/** Words, keeping inner hyphens (and apostrophes) so compounds can be expanded. */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by can do does for from has have how in into is it its of on ' +
    'or our so such than that the their then there these this those to via was we were what when ' +
    'which while who will with without'
  ).split(' '),
);

/** Splits text into raw word tokens (not yet normalised); same tokens as `forEachToken`. */
export function tokenizeText(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** 1 for ASCII letters and digits. */
const ASCII_WORD = new Uint8Array(128);
for (let code = 0; code < 128; code += 1) {
  const char = String.fromCharCode(code);
  ASCII_WORD[code] = /[A-Za-z0-9]/.test(char) ? 1 : 0;
}
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** BMP code unit → 1 word character, −1 not, 0 not yet classified (filled lazily). */
const bmpWord = new Int8Array(0x10000);
const astralWord = new Map<number, boolean>();

/**
 * Width in code units of the word character (`\p{L}` or `\p{N}`) starting at `i`: 0 when there
 * is none, 2 for an astral letter (surrogate pair), else 1. Non-ASCII answers are cached, so the
 * scan allocates nothing per character.
 */
function wordWidth(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return ASCII_WORD[code] ?? 0;
  if (code !== code) return 0; // NaN: past the end
  if (code >= 0xd800 && code <= 0xdbff) {
    const point = text.codePointAt(i) ?? code;
    if (point <= 0xffff) return 0;
    let known = astralWord.get(point);
    if (known === undefined) {
      known = WORD_CHAR.test(String.fromCodePoint(point));
      astralWord.set(point, known);
    }
    return known ? 2 : 0;
  }
  let known = bmpWord[code] ?? 0;
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : -1;
    bmpWord[code] = known;
  }
  return known === 1 ? 1 : 0;
}

/** True for the inner connectors of a token: apostrophes and hyphens. */
function isConnector(code: number): boolean {
  return code === 45 || code === 39 || code === 0x2019;
}

/**
 * Hash of `text[start, end)` (FNV-1a over UTF-16 code units), as `scanTokens` reports it; lets a
 * caller look tokens up without first cutting them out of the text.
 */
export function tokenHash(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

/**
 * Calls `visit(start, end, hash)` for every raw word token `text[start, end)`, in order: exactly
 * the matches of `WORD` (runs of letters/digits joined by single inner apostrophes or hyphens),
 * found by scanning char codes. Allocates nothing per character or per token.
 */
export function scanTokens(
  text: string,
  visit: (start: number, end: number, hash: number) => void,
): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    let width = wordWidth(text, i);
    if (width === 0) {
      i += 1;
      continue;
    }
    const start = i;
    i += width;
    for (;;) {
      width = wordWidth(text, i);
      if (width > 0) {
        i += width;
        continue;
      }
      if (!isConnector(text.charCodeAt(i))) break;
      width = wordWidth(text, i + 1);
      if (width === 0) break;
      i += 1 + width;
    }
    visit(start, i, tokenHash(text, start, i));
  }
}

/** Calls `visit` with every raw word token of `text`, in order (see `scanTokens`). */
export function forEachToken(text: string, visit: (token: string) => void): void {
  scanTokens(text, (start, end) => visit(text.slice(start, end)));
}

/** Light suffix stripping; idempotent on its own output for the suffixes it handles. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length - 3 >= 4 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length - 2 >= 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length - 1 >= 4 && w.endsWith('e')) return w.slice(0, -1);
  return w;
}

/** Normalises one plain (unhyphenated) word; null for stop words and single letters. */
function normalizeWord(word: string): string | null {
  const lower = word.toLowerCase().replace(/['’]s$/, '');
  if (lower.length < 2 && !/\d/.test(lower)) return null;
  if (STOP_WORDS.has(lower)) return null;
  return stem(lower.replace(/['’]/g, ''));
}

/**
 * Turns one raw token into index terms. Returns null when nothing is worth indexing.
 * Invariant: the same token always yields the same terms, so indexing and querying agree.
 */
export function processToken(token: string): string | string[] | null {
  if (!token.includes('-')) return normalizeWord(token);
  const parts = token.split('-');
  const terms: string[] = [];
  for (const part of parts) {
    const term = normalizeWord(part);
    if (term !== null) terms.push(term);
  }
  const joined = normalizeWord(parts.join(''));
  if (joined !== null) terms.push(joined);
  return terms.length > 0 ? terms : null;
}

/** All normalised terms of a piece of query text, in order (duplicates kept). */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  forEachTerm(text, (term) => terms.push(term));
  return terms;
}

const tokenCache = new Map<string, string | string[] | null>();
const TOKEN_CACHE_LIMIT = 200_000;

/**
 * `processToken` memoised (tokens repeat heavily across papers). Callers must not mutate the
 * returned arrays. The cache is cleared when it reaches 200k entries to bound memory.
 */
export function processTokenCached(token: string): string | string[] | null {
  const cached = tokenCache.get(token);
  if (cached !== undefined) return cached;
  if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
  const processed = processToken(token);
  tokenCache.set(token, processed);
  return processed;
}

/**
 * Calls `visit` with every normalised term of `text`, in order (duplicates kept), exactly the
 * terms `analyze` returns, through the token cache and without intermediate arrays. This is the
 * indexing hot path: one regex scan, one cache look-up per token.
 */
export function forEachTerm(text: string, visit: (term: string) => void): void {
  forEachToken(text, (token) => {
    const processed = processTokenCached(token);
    if (processed === null) return;
    if (typeof processed === 'string') visit(processed);
    else for (const term of processed) visit(term);
  });
}
