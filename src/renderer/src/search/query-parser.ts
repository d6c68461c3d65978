/**
 * Query language: free words, "quoted phrases" and filters
 * `tag:ml`, `tag:"deep learning"`, `status:queued`, `org:openbmb`, `year:2024`, `year:2023..2025`.
 * Unknown keys (`foo:bar`) and invalid values (`status:maybe`, `year:soon`) are plain text.
 */
import type { PaperStatus, ParsedQuery, QueryTerm, YearRange } from './search-types';

/** Accepted spellings of each status value. */
const STATUS_ALIASES: Readonly<Record<string, PaperStatus>> = {
  inbox: 'inbox',
  new: 'inbox',
  queued: 'queued',
  queue: 'queued',
  reading: 'reading',
  read: 'read',
  done: 'read',
  dismissed: 'dismissed',
  dismiss: 'dismissed',
};

/** One lexical unit: `key` is set for `key:value` tokens; `quoted` when the value was quoted. */
interface Token {
  readonly key: string | null;
  readonly value: string;
  readonly quoted: boolean;
  /** The token as typed, used when a filter turns out to be plain text. */
  readonly raw: string;
}

const KEY_PATTERN = /^([a-z]+):/i;

/** Reads a value starting at `start`: quoted (to the closing quote or the end) or bare word. */
function readValue(input: string, start: number): { value: string; quoted: boolean; end: number } {
  if (input[start] === '"') {
    const close = input.indexOf('"', start + 1);
    const end = close === -1 ? input.length : close + 1;
    const value = input.slice(start + 1, close === -1 ? input.length : close);
    return { value, quoted: true, end };
  }
  let end = start;
  while (end < input.length && !/\s/.test(input[end] ?? '')) end += 1;
  return { value: input.slice(start, end), quoted: false, end };
}

/** Splits a query into tokens; whitespace separates tokens except inside quotes. */
function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    if (/\s/.test(input[i] ?? '')) {
      i += 1;
      continue;
    }
    const keyMatch = KEY_PATTERN.exec(input.slice(i, i + 40));
    const key = keyMatch?.[1] ?? null;
    const valueStart = key === null ? i : i + key.length + 1;
    const { value, quoted, end } = readValue(input, valueStart);
    tokens.push({ key: key?.toLowerCase() ?? null, value, quoted, raw: input.slice(i, end) });
    i = end;
  }
  return tokens;
}

/** Parses `2024`, `2023..2025`, `2023..` or `..2025`; null when not a year or range. */
export function parseYearRange(value: string): YearRange | null {
  const match = /^(\d{4})?(?:(\.\.)(\d{4})?)?$/.exec(value.trim());
  if (!match || (!match[1] && !match[3])) return null;
  const from = match[1] ? Number(match[1]) : null;
  if (!match[2]) return { from, to: from };
  const to = match[3] ? Number(match[3]) : null;
  return from !== null && to !== null && from > to ? { from: to, to: from } : { from, to };
}

/** Mutable accumulator used while parsing. */
interface Draft {
  terms: QueryTerm[];
  tags: string[];
  statuses: PaperStatus[];
  orgs: string[];
  years: YearRange[];
}

/** Applies a `key:value` token to the draft; false when it is not a valid filter. */
function applyFilter(draft: Draft, key: string, value: string): boolean {
  const normalized = value.trim().replace(/\s+/g, ' ').toLowerCase();
  if (normalized === '') return false;
  switch (key) {
    case 'tag':
      draft.tags.push(normalized);
      return true;
    case 'org':
      draft.orgs.push(normalized);
      return true;
    case 'status': {
      const status = STATUS_ALIASES[normalized];
      if (status === undefined) return false;
      if (!draft.statuses.includes(status)) draft.statuses.push(status);
      return true;
    }
    case 'year': {
      const range = parseYearRange(normalized);
      if (range === null) return false;
      draft.years.push(range);
      return true;
    }
    default:
      return false;
  }
}

/** Adds a free-text token: quoted text is a phrase (single quoted words are plain words). */
function addText(draft: Draft, text: string, quoted: boolean): void {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return;
  draft.terms.push({ text: trimmed, phrase: quoted && trimmed.includes(' ') });
}

/**
 * Parses a query string. Never throws; every input yields a query (possibly empty).
 * Invariant: a token is either a filter or contributes to `terms`, never both.
 */
export function parseQuery(input: string): ParsedQuery {
  const draft: Draft = { terms: [], tags: [], statuses: [], orgs: [], years: [] };
  for (const token of tokenize(input)) {
    if (token.key !== null && applyFilter(draft, token.key, token.value)) continue;
    if (token.key !== null && token.quoted) addText(draft, `${token.key} ${token.value}`, false);
    else addText(draft, token.key === null ? token.value : token.raw, token.quoted);
  }
  return draft;
}

/** True when the query has neither words nor filters (the caller shows its normal list). */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return (
    query.terms.length === 0 &&
    query.tags.length === 0 &&
    query.statuses.length === 0 &&
    query.orgs.length === 0 &&
    query.years.length === 0
  );
}

/** True when the query has filters but no words: every document passing the filters matches. */
export function isFilterOnly(query: ParsedQuery): boolean {
  return query.terms.length === 0 && !isEmptyQuery(query);
}
