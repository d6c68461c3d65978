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

/** Splits text into raw word tokens (not yet normalised). */
export function tokenizeText(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * Calls `visit` with every raw word token of `text`, in order, without building a token array:
 * one `exec` loop over a private copy of the word pattern (the only allocation is the match per
 * token). Re-entrant: `visit` may itself call `forEachToken`.
 */
export function forEachToken(text: string, visit: (token: string) => void): void {
  const pattern = new RegExp(WORD);
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    visit(match[0]);
  }
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
