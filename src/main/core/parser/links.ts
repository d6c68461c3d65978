/**
 * Extraction of http(s) links from abstract text. Abstracts are plain text copied from a web
 * page, often with LaTeX leftovers (`\href{url}{text}` becomes `url{text}`) and sentence
 * punctuation glued to the end of the URL.
 */

/**
 * Candidate URL: scheme, then characters up to white space or a character that may not appear
 * unescaped in a URL (`<>"{}|\^` and backtick, RFC 3986 §2 / "unwise" characters) or a square
 * bracket. Cutting at `{` drops LaTeX leftovers such as `…/gated_attention{codes}`.
 */
const URL_CANDIDATE = /https?:\/\/[^\s<>"{}|\\^`[\]]+/gi;
/** Characters that end a sentence or clause rather than a URL when they are the last ones. */
const TRAILING_PUNCTUATION = new Set([
  '.',
  ',',
  ';',
  ':',
  '!',
  '?',
  "'",
  '*',
  '~',
  '\u2018',
  '\u2019',
  '\u201C',
  '\u201D', // curly quotes
  '\u3002',
  '\uFF0C',
  '\uFF1B',
  '\uFF1A',
  '\u3001',
  '\uFF09',
  '\u300D', // CJK punctuation
]);

/**
 * Removes trailing punctuation and unbalanced closing parentheses from a URL candidate.
 * A `)` is kept only when the URL contains more `(` than `)` before it, so Wikipedia-style
 * `…/Foo_(bar)` survives while `(see https://x.org/a)` loses its closing paren.
 */
function trimUrlEnd(candidate: string): string {
  let end = candidate.length;
  for (;;) {
    const last = candidate[end - 1];
    if (last === undefined) return '';
    if (TRAILING_PUNCTUATION.has(last)) {
      end -= 1;
    } else if (last === ')' && !hasUnclosedParen(candidate, end - 1)) {
      end -= 1;
    } else {
      return candidate.slice(0, end);
    }
  }
}

/** True when `text[0..end)` opens more `(` than it closes. */
function hasUnclosedParen(text: string, end: number): boolean {
  let depth = 0;
  for (let i = 0; i < end; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x28) depth += 1;
    else if (code === 0x29 && depth > 0) depth -= 1;
  }
  return depth > 0;
}

/** True when something follows `scheme://`, i.e. the URL names at least a host. */
function hasHost(url: string): boolean {
  const afterScheme = url.indexOf('://') + 3;
  return afterScheme < url.length && url[afterScheme] !== '/';
}

/**
 * All distinct http(s) URLs in `text`, in order of first appearance, with trailing sentence
 * punctuation, braces, brackets and unbalanced parentheses removed.
 *
 * Invariants: every result starts with `http://` or `https://` (any case), names a host,
 * contains no white space, and appears once. Cheap on text without URLs (one `indexOf`), which
 * is most abstracts, so it adds little to parsing throughput.
 */
export function extractLinks(text: string): string[] {
  if (text.indexOf('://') === -1) return [];
  const links: string[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const url = trimUrlEnd(match[0]);
    if (url !== '' && hasHost(url) && !seen.has(url)) {
      seen.add(url);
      links.push(url);
    }
  }
  return links;
}
