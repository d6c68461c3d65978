/**
 * What the engine keeps per document besides its postings, and the predicates of views and
 * filters over it. Everything compared is folded once at indexing time.
 */
import { foldText, titleKey } from './normalize';
import type { ParsedQuery, YearRange } from './query-parser';
import { fieldText, type SearchDocument, type SearchView } from './search-types';

/** A document with its folded comparison keys. */
export interface Entry {
  readonly doc: SearchDocument;
  /** Folded tag names. */
  readonly tags: readonly string[];
  /** Folded organisation, '' when absent. */
  readonly org: string;
  /** Folded title, for literal (stop word and symbol) queries. */
  readonly title: string;
  /** `titleKey` of the title, for exact title matches. */
  readonly titleKey: string;
}

/** Builds the entry of a document. */
export function entryOf(doc: SearchDocument): Entry {
  return {
    doc,
    tags: doc.tags.map((tag) => foldText(tag.trim().replace(/\s+/g, ' '))),
    org: foldText(doc.organization ?? ''),
    title: foldText(doc.title),
    titleKey: titleKey(doc.title),
  };
}

/** True when the document belongs to the view. */
export function inView(entry: Entry, view: SearchView): boolean {
  if (view === 'all') return true;
  if (typeof view === 'string') return entry.doc.status === view;
  return entry.doc.tagIds?.includes(view.tagId) ?? false;
}

function yearInRange(year: number | null, range: YearRange): boolean {
  if (year === null) return false;
  return (range.from === null || year >= range.from) && (range.to === null || year <= range.to);
}

/** True when the query has at least one filter. */
export function hasFilters(query: ParsedQuery): boolean {
  return (
    query.tags.length > 0 ||
    query.statuses.length > 0 ||
    query.orgs.length > 0 ||
    query.years.length > 0 ||
    query.noted ||
    query.tagged
  );
}

/**
 * True when the entry passes every filter of `query` (words are not considered here).
 * Tags: all required; status, org, year: any of the given values.
 */
export function passesFilters(entry: Entry, query: ParsedQuery): boolean {
  const { doc } = entry;
  for (const tag of query.tags) if (!entry.tags.includes(tag)) return false;
  if (query.statuses.length > 0 && !query.statuses.includes(doc.status)) return false;
  if (query.orgs.length > 0 && !query.orgs.some((org) => entry.org.includes(org))) return false;
  if (query.years.length > 0 && !query.years.some((range) => yearInRange(doc.year, range))) {
    return false;
  }
  if (query.noted && doc.note.trim() === '') return false;
  return !query.tagged || doc.tags.length > 0;
}

/** True when a folded phrase pattern occurs in any searchable field of the document. */
export function containsPhrase(entry: Entry, pattern: RegExp): boolean {
  const { doc } = entry;
  return (
    pattern.test(entry.title) ||
    pattern.test(foldText(doc.abstract)) ||
    pattern.test(foldText(fieldText(doc, 'note'))) ||
    pattern.test(entry.org) ||
    entry.tags.some((tag) => pattern.test(tag))
  );
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** True when the character at `i` is a letter or digit (ASCII answered without a regex). */
function isWordAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code !== code) return false; // NaN: outside the text
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  }
  return WORD_CHAR.test(text[i] ?? '');
}

/**
 * Position of `needle` in the folded title where it stands as whole words (no letter or digit
 * glued to a word character at either end), or −1. `c` is not found in `cnn`, `c++` is in
 * `c++ templates`.
 */
export function literalPosition(title: string, needle: string): number {
  if (needle === '') return -1;
  const wordStart = isWordAt(needle, 0);
  const wordEnd = isWordAt(needle, needle.length - 1);
  for (let at = title.indexOf(needle); at !== -1; at = title.indexOf(needle, at + 1)) {
    if (wordStart && isWordAt(title, at - 1)) continue;
    if (wordEnd && isWordAt(title, at + needle.length)) continue;
    return at;
  }
  return -1;
}
