/**
 * The one text normaliser and analyser of search, shared by the app's search worker and the
 * `search` command so both index and query exactly alike. Pure, no dependencies.
 *
 * Folding (`foldText`): NFKC (fullwidth letters, ligatures such as ﬁ), lower case, diacritics
 * removed (NFD, combining marks stripped) and a few letters that carry no mark (ß→ss, æ→ae, ø→o,
 * ł→l, đ→d, œ→oe, þ→th).
 *
 * Tokens (`scanTokens`): runs of letters, digits and combining marks, joined by inner hyphens
 * (`gpt-4`), dots between digits (`3.1`) and apostrophes between letters, with their offsets in
 * the original text (so matches can be highlighted there).
 *
 * Terms (`analyzeToken`): a compound or versioned token yields its whole form and its parts
 * (`llama-3.1` → `llama-3.1`, `llama`, `3.1`, `3`, `1`), plus the joined form of alphabetic
 * compounds (`fine-tuning` → `finetun`), which is what a query of such a compound requires (so
 * `fine-tuned`, `finetuning` and `fine-tuning` meet), while a versioned name requires its whole
 * form (`gpt-4` never matches a bare 4); CJK runs become character bigrams (a one-character
 * run itself); words are stemmed conservatively (`stem`); stop words and single letters yield no
 * term. Paper ids, sorting and merge keys do not use this module: only search does.
 */

/** Words too common to search by; a query of only these searches titles literally. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by can do does for from has have how in into is it its of on ' +
    'or our so such than that the their then there these this those to via was we were what when ' +
    'which while who will with without'
  ).split(' '),
);

/** Letters that NFD does not decompose into a base letter plus marks. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  œ: 'oe',
  þ: 'th',
  ı: 'i',
};
const SPECIAL_PATTERN = /[ßæøłđœþı]/g;
const MARKS = /\p{M}+/gu;
const NON_ASCII = /[^\p{ASCII}]/u;

/**
 * Folds text for comparison: NFKC, lower case, diacritics removed, special letters spelled out.
 * Invariant: idempotent (`foldText(foldText(s)) === foldText(s)`); ASCII text is only lower-cased.
 */
export function foldText(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(SPECIAL_PATTERN, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .normalize('NFC');
}

/** True for Han, Hiragana and Katakana characters: written without spaces, so bigrammed. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]+/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** 1 for ASCII letters and digits, 0 otherwise. */
const ASCII_WORD = new Uint8Array(128);
for (let code = 0; code < 128; code += 1) {
  ASCII_WORD[code] = /[A-Za-z0-9]/.test(String.fromCharCode(code)) ? 1 : 0;
}
/** BMP code unit → 1 word character, −1 not, 0 not yet classified (filled lazily). */
const bmpWord = new Int8Array(0x10000);

/** Width in code units of the word character at `i` (0 none, 2 astral, else 1). */
function wordWidth(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return ASCII_WORD[code] ?? 0;
  if (code !== code) return 0; // NaN: past the end
  if (code >= 0xd800 && code <= 0xdbff) {
    const point = text.codePointAt(i) ?? code;
    return point > 0xffff && WORD_CHAR.test(String.fromCodePoint(point)) ? 2 : 0;
  }
  let known = bmpWord[code] ?? 0;
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : -1;
    bmpWord[code] = known;
  }
  return known === 1 ? 1 : 0;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** True when `text[i]` joins the word characters around it into one token. */
function joins(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code === 45) return true; // hyphen
  if (code === 46) return isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1));
  if (code === 39 || code === 0x2019) {
    return !isDigit(text.charCodeAt(i - 1)) && !isDigit(text.charCodeAt(i + 1));
  }
  return false;
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
 * Calls `visit(start, end, hash)` for every raw token `text[start, end)` in order (see the module
 * comment for what joins a token). Allocates nothing per character or per token.
 */
export function scanTokens(
  text: string,
  visit: (start: number, end: number, hash: number) => void,
): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    const first = text.charCodeAt(i);
    let width = first < 128 ? (ASCII_WORD[first] ?? 0) : wordWidth(text, i);
    if (width === 0) {
      i += 1;
      continue;
    }
    const start = i;
    // FNV-1a over the code units as they are scanned (the same value as `tokenHash`).
    let hash = 0x811c9dc5;
    for (;;) {
      for (let k = 0; k < width; k += 1) {
        hash = Math.imul(hash ^ text.charCodeAt(i + k), 0x01000193);
      }
      i += width;
      const code = text.charCodeAt(i);
      width = code < 128 ? (ASCII_WORD[code] ?? 0) : wordWidth(text, i);
      if (width > 0) continue;
      if (code !== code || !joins(text, i)) break;
      const after = wordWidth(text, i + 1);
      if (after === 0) break;
      hash = Math.imul(hash ^ code, 0x01000193);
      i += 1;
      width = after;
    }
    visit(start, i, hash);
  }
}

/** The raw tokens of `text`, in order (see `scanTokens`). */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  scanTokens(text, (start, end) => tokens.push(text.slice(start, end)));
  return tokens;
}

/** Words whose final s is not a plural ending. */
const NOT_PLURAL: ReadonlySet<string> = new Set(
  'news lens series species means bias gas thus this always perhaps whereas towards'.split(' '),
);
const DOUBLED = /([bdgmnprt])\1$/;

/** Drops the doubled final consonant a suffix caused (`modell` → `model`, `stopp` → `stop`). */
function undouble(stem: string): string {
  if (stem.endsWith('ell')) return stem.slice(0, -1);
  return DOUBLED.test(stem) ? stem.slice(0, -1) : stem;
}

/**
 * Conservative English stemmer: plural -s/-es/-ies, then -ing/-ed only when at least four
 * characters remain (a doubled consonant is undone: `modelling` ≡ `modeling` → `model`), then a
 * final -e when four remain (`compute` ≡ `computing`). Words with digits are left alone.
 * Invariant: deterministic on folded words; both index and query use it, so only its
 * consistency matters for matching.
 */
export function stem(word: string): string {
  if (word.length < 4 || /\d/.test(word) || NOT_PLURAL.has(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:ch|sh|x|ss|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is|ys)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length - 3 >= 4) return undouble(w.slice(0, -3));
  if (w.endsWith('ed') && w.length - 2 >= 4) return undouble(w.slice(0, -2));
  if (w.endsWith('e') && w.length - 1 >= 4) return w.slice(0, -1);
  return w;
}

/** The index term of one folded simple word; null for stop words and single letters. */
function wordTerm(word: string): string | null {
  if (word === '' || STOP_WORDS.has(word)) return null;
  if (word.length === 1 && !isDigit(word.charCodeAt(0)) && !CJK.test(word)) return null;
  return stem(word);
}

/** One term with the folded word it came from (prefix completion looks at the latter). */
export interface AnalyzedTerm {
  readonly term: string;
  readonly surface: string;
}

/**
 * The analysis of one raw token: `terms` are indexed; `required` are the terms a query word made
 * of this token must all match (the whole compound, or every bigram of a CJK run).
 */
export interface TokenAnalysis {
  readonly terms: readonly AnalyzedTerm[];
  readonly required: readonly string[];
}

/** Character bigrams of a CJK run (the run itself when one character long). */
function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length <= 1) return [run];
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) grams.push(`${chars[i]}${chars[i + 1]}`);
  return grams;
}

/** Splits a folded simple word (no connectors) into its CJK bigrams and other pieces. */
function pieces(word: string, out: AnalyzedTerm[], required: string[]): void {
  if (!CJK.test(word)) {
    const term = wordTerm(word);
    if (term === null) return;
    out.push({ term, surface: word });
    required.push(term);
    return;
  }
  let rest = word;
  while (rest !== '') {
    const run = CJK_RUN.exec(rest);
    const before = run === null ? rest : rest.slice(0, run.index);
    if (before !== '') pieces(before, out, required);
    if (run === null) break;
    for (const gram of bigrams(run[0])) {
      out.push({ term: gram, surface: gram });
      required.push(gram);
    }
    rest = rest.slice(run.index + run[0].length);
  }
}

const SEPARATORS = /[^\p{L}\p{N}]+/u;

/**
 * Analyses one raw token (see the module comment). Stop words, single letters and symbols yield
 * no terms. Invariant: the same token always yields the same analysis, and indexing and
 * querying both use it.
 */
export function analyzeToken(token: string): TokenAnalysis {
  const folded = foldText(token)
    .replace(/['’]s$/, '')
    .replace(/['’]/g, '');
  const terms: AnalyzedTerm[] = [];
  const required: string[] = [];
  const hyphenParts = folded.split('-').filter((part) => part !== '');
  const compound = hyphenParts.length > 1 || /\d\.\d/.test(folded);
  if (!compound) {
    for (const word of folded.split(SEPARATORS)) pieces(word, terms, required);
    return { terms, required };
  }
  const whole = hyphenParts.map((part) => (/\d/.test(part) ? part : stem(part))).join('-');
  terms.push({ term: whole, surface: hyphenParts.join('-') });
  const seen = new Set<string>([whole]);
  const add = (word: string): void => {
    const list: AnalyzedTerm[] = [];
    pieces(word, list, []);
    for (const item of list) {
      if (seen.has(item.term)) continue;
      seen.add(item.term);
      terms.push(item);
    }
  };
  for (const part of hyphenParts) {
    add(part);
    if (part.includes('.')) for (const sub of part.split('.')) add(sub);
  }
  const alphabetic = hyphenParts.every((part) => /^\p{L}+$/u.test(part) && !CJK.test(part));
  if (!alphabetic) return { terms, required: [whole] };
  const joined = hyphenParts.join('');
  add(joined);
  return { terms, required: [stem(joined)] };
}

/** Every index term of `text`, in order (duplicates kept): what the index stores for it. */
export function analyzeText(text: string): string[] {
  const terms: string[] = [];
  scanTokens(text, (start, end) => {
    for (const item of analyzeToken(text.slice(start, end)).terms) terms.push(item.term);
  });
  return terms;
}

/** Folded words of `text` joined by single spaces (stop words kept): exact-title comparisons. */
export function titleKey(text: string): string {
  return tokenize(foldText(text)).join(' ');
}
