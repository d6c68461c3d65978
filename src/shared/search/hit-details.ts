/**
 * Highlights and the snippet of one hit: tokens of the document whose analysed terms are among
 * the query's expansions are marked (the same analyser as the index, so what is marked is what
 * matched, never a look-alike); a snippet of the abstract or note is cut when some query word
 * matched there and not in the title or tags.
 */
import type { Entry } from './doc-filters';
import { snippetAround } from './highlight';
import { analyzeToken, scanTokens } from './normalize';
import type { FieldHighlight, SearchField, SearchSnippet } from './search-types';
import { TokenTable } from './token-table';
import { fieldText } from './search-types';

/** Characters of context either side of the first match in a snippet. */
const SNIPPET_RADIUS = 60;
const TOKEN_CACHE_LIMIT = 50_000;
const termCache = new TokenTable<readonly string[]>();

/** Index terms of the raw token `text[start, end)`, memoised without cutting it out first. */
function termsOf(text: string, start: number, end: number, hash: number): readonly string[] {
  let terms = termCache.find(text, start, end, hash);
  if (terms === undefined) {
    if (termCache.size >= TOKEN_CACHE_LIMIT) termCache.clear();
    const token = text.slice(start, end);
    terms = analyzeToken(token).terms.map((item) => item.term);
    termCache.insert(token, hash, terms);
  }
  return terms;
}

/** Ranges of `text` whose tokens have a term in `termBits`, and the bits they set. */
export function matchedRanges(
  text: string,
  termBits: ReadonlyMap<string, number>,
): { ranges: [number, number][]; bits: number } {
  const ranges: [number, number][] = [];
  let bits = 0;
  scanTokens(text, (start, end, hash) => {
    let hit = 0;
    for (const term of termsOf(text, start, end, hash)) hit |= termBits.get(term) ?? 0;
    if (hit === 0) return;
    bits |= hit;
    ranges.push([start, end]);
  });
  return { ranges, bits };
}

/** Where a literal (stop word or symbol) query stands in the title, when offsets agree. */
function literalRanges(entry: Entry, literal: string, at: number): [number, number][] {
  if (at < 0 || entry.title.length !== entry.doc.title.length) return [];
  return [[at, at + literal.length]];
}

/**
 * Highlights for every field with a match, and the snippet (see the module comment).
 * `mayMatch(field)` false lets a field known to hold no query term go unscanned.
 */
export function hitDetails(
  entry: Entry,
  termBits: ReadonlyMap<string, number>,
  allBits: number,
  literal: { text: string; at: number } | null,
  mayMatch: (field: SearchField) => boolean,
): { highlights: FieldHighlight[]; snippet: SearchSnippet | null } {
  const highlights: FieldHighlight[] = [];
  if (literal !== null) {
    const ranges = literalRanges(entry, literal.text, literal.at);
    if (ranges.length > 0) highlights.push({ field: 'title', ranges });
    return { highlights, snippet: null };
  }
  let shown = 0;
  const bodies: { field: 'abstract' | 'note'; ranges: [number, number][]; bits: number }[] = [];
  const fields: SearchField[] = ['title', 'tags', 'organization', 'abstract', 'note'];
  for (const field of fields) {
    if (!mayMatch(field)) continue;
    const { ranges, bits } = matchedRanges(fieldText(entry.doc, field), termBits);
    if (ranges.length === 0) continue;
    highlights.push({ field, ranges });
    if (field === 'abstract' || field === 'note') bodies.push({ field, ranges, bits });
    else shown |= bits;
  }
  const body = bodies.find((candidate) => (candidate.bits & allBits & ~shown) !== 0);
  if ((shown & allBits) === allBits || body === undefined) return { highlights, snippet: null };
  const excerpt = snippetAround(fieldText(entry.doc, body.field), body.ranges, SNIPPET_RADIUS);
  const flat = excerpt.text.replace(/\s/g, ' ');
  return { highlights, snippet: { field: body.field, text: flat, ranges: excerpt.ranges } };
}
