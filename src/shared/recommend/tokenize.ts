/**
 * The recommender's own tokeniser: deliberately simple and self-contained (it does not share the
 * search engine's analysis, so either can change without moving the other's figures).
 * Text is NFKD-normalised with combining marks removed, lowercased and split on anything that is
 * not a letter or digit; words shorter than two characters, pure numbers and English stop words
 * are dropped, and a regular plural `s` is removed so "models" and "model" are one feature.
 */

/** Function words and the boilerplate of abstracts; they carry no interest signal. */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before ' +
    'being below between both but by can could did do does doing down during each few for from ' +
    'further had has have having he her here hers herself him himself his how however if in into ' +
    'is it its itself just may me might more most must my myself no nor not now of off on once ' +
    'only or other our ours ourselves out over own same she should so some such than that the ' +
    'their theirs them themselves then there these they this those through thus to too under ' +
    'until up upon very via was we were what when where which while who whom why will with ' +
    'within without would yet you your yours yourself yourselves et al eg ie vs using use used ' +
    'uses based show shows shown propose proposed proposes present presents paper work new ' +
    'approach method methods result results well one two three first second'
  ).split(' '),
);

const SPLIT = /[^\p{L}\p{N}]+/u;
const ASCII_SPLIT = /[\t-/:-@[-`{-~]+/;
const NON_ASCII = /[^\t-~]/;
const MARKS = /\p{M}+/gu;
const DIGITS = /^\p{N}+$/u;

/** Whether `word` is a number (an ASCII digit check first: most words fail at once). */
function allDigits(word: string): boolean {
  const first = word.charCodeAt(0);
  if (first < 128 && (first < 48 || first > 57)) return false;
  return DIGITS.test(word);
}

/** `models` → `model`, but not `class`, `focus`, `analysis`, `gas`. */
function singular(word: string): string {
  if (word.length <= 4 || !word.endsWith('s')) return word;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  return word.slice(0, -1);
}

/** Lowercase, mark-free form of `text` (the same folding the tokens get). */
export function foldText(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

/**
 * The feature words of `text`, in order, with repeats.
 * Invariant: every token is at least 2 characters, not all digits and not a stop word.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  // Runs of ASCII letters and digits split with a cheap pattern; only a run holding other
  // characters (accents, dashes, Greek) is folded and split on Unicode classes, so an abstract
  // with one "×" does not pay the Unicode path for every word. The tokens are the same.
  for (const run of text.toLowerCase().split(ASCII_SPLIT)) {
    const words = NON_ASCII.test(run) ? foldText(run).split(SPLIT) : [run];
    for (const word of words) {
      if (word.length < 2 || STOP_WORDS.has(word) || allDigits(word)) continue;
      tokens.push(singular(word));
    }
  }
  return tokens;
}
