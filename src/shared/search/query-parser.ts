/**
 * Query language: words, "quoted phrases", `-word` / `-"phrase"` exclusions and filters
 * `tag:ml`, `tag:"deep learning"`, `status:queued`, `org:openbmb`, `year:2024`,
 * `year:2023..2025`, `is:noted`, `is:tagged`. An unknown key or an invalid value is never taken
 * as text: it becomes a `QueryProblem` (with a corrected query when one is likely) and is left
 * out of the search.
 */
import { boundedDistance } from './levenshtein';
import { foldText } from './normalize';
import type { QueryProblem, SearchStatus } from './search-types';

/** Inclusive year range; either bound may be open (null). */
export interface YearRange {
  readonly from: number | null;
  readonly to: number | null;
}

/**
 * A parsed query. All filters AND together and with the text; repeated `tag:` filters all apply,
 * repeated `status:`, `org:` and `year:` filters accept any of their values.
 */
export interface ParsedQuery {
  /** Free words in query order, as typed. */
  readonly words: readonly string[];
  /** True when the last word is still being typed (no space after it): it matches as a prefix. */
  readonly lastWordOpen: boolean;
  /** Quoted phrases (two or more words), as typed. */
  readonly phrases: readonly string[];
  /** Excluded words and phrases (`-word`), as typed. */
  readonly excluded: readonly string[];
  /** Folded tag names, matched exactly against a paper's folded tags. */
  readonly tags: readonly string[];
  readonly statuses: readonly SearchStatus[];
  /** Folded organisation fragments, matched as substrings. */
  readonly orgs: readonly string[];
  readonly years: readonly YearRange[];
  readonly noted: boolean;
  readonly tagged: boolean;
  readonly problems: readonly QueryProblem[];
}

/** Accepted spellings of each status value. */
const STATUS_ALIASES: Readonly<Record<string, SearchStatus>> = {
  inbox: 'inbox',
  queued: 'queued',
  queue: 'queued',
  reading: 'reading',
  read: 'read',
  dismissed: 'dismissed',
};

/** Words people use for a status, offered as suggestions (never applied silently). */
const STATUS_SYNONYMS: Readonly<Record<string, SearchStatus>> = {
  new: 'inbox',
  unread: 'inbox',
  maybe: 'queued',
  later: 'queued',
  todo: 'queued',
  next: 'queued',
  current: 'reading',
  started: 'reading',
  done: 'read',
  finished: 'read',
  skipped: 'dismissed',
  ignored: 'dismissed',
  rejected: 'dismissed',
  archived: 'dismissed',
};

const FILTER_KEYS = ['tag', 'status', 'org', 'year', 'is'] as const;
const IS_VALUES = ['noted', 'tagged'] as const;

/** One lexical unit of the query text. */
interface Token {
  readonly key: string | null;
  readonly value: string;
  readonly quoted: boolean;
  readonly negated: boolean;
  readonly start: number;
  readonly end: number;
}

const KEY_PATTERN = /^([a-z]+):/i;
const SPACE = /\s/;

/** Reads a value at `start`: quoted (to the closing quote or the end) or a bare run. */
function readValue(input: string, start: number): { value: string; quoted: boolean; end: number } {
  if (input[start] === '"') {
    const close = input.indexOf('"', start + 1);
    const end = close === -1 ? input.length : close + 1;
    return { value: input.slice(start + 1, close === -1 ? end : close), quoted: true, end };
  }
  let end = start;
  while (end < input.length && !SPACE.test(input[end] ?? '')) end += 1;
  return { value: input.slice(start, end), quoted: false, end };
}

/** Splits a query into tokens; whitespace separates tokens except inside quotes. */
function tokenizeQuery(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    if (SPACE.test(input[i] ?? '')) {
      i += 1;
      continue;
    }
    const start = i;
    const negated = input[i] === '-' && i + 1 < input.length && !SPACE.test(input[i + 1] ?? '');
    const at = negated ? i + 1 : i;
    const key = KEY_PATTERN.exec(input.slice(at, at + 40))?.[1] ?? null;
    const valueStart = key === null ? at : at + key.length + 1;
    const { value, quoted, end } = readValue(input, valueStart);
    tokens.push({ key: key?.toLowerCase() ?? null, value, quoted, negated, start, end });
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

/** The candidate closest to `value` within two edits (or starting with it), else null. */
export function closest(value: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance =
      value.length >= 2 && candidate.startsWith(value) ? 1 : boundedDistance(value, candidate, 2);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Mutable accumulator used while parsing. */
interface Draft {
  words: string[];
  phrases: string[];
  excluded: string[];
  tags: string[];
  statuses: SearchStatus[];
  orgs: string[];
  years: YearRange[];
  noted: boolean;
  tagged: boolean;
  problems: QueryProblem[];
}

/** The query with `token` replaced by `replacement` (a suggestion). */
function replaced(input: string, token: Token, replacement: string): string {
  return `${input.slice(0, token.start)}${replacement}${input.slice(token.end)}`;
}

/** `key:value` spelled as typed, quoting values with spaces. */
function filterText(key: string, value: string): string {
  return /\s/.test(value) ? `${key}:"${value}"` : `${key}:${value}`;
}

/** Applies a `key:value` token to the draft, or records why it cannot. */
function applyFilter(draft: Draft, token: Token, input: string): void {
  const key = token.key ?? '';
  const raw = input.slice(token.start, token.end);
  const value = foldText(token.value.trim().replace(/\s+/g, ' '));
  const problem = (message: string, fixed: string | null): void => {
    const suggestion = fixed === null ? null : replaced(input, token, fixed);
    draft.problems.push({ token: raw, message, suggestion });
  };
  if (!(FILTER_KEYS as readonly string[]).includes(key)) {
    const near = closest(key, FILTER_KEYS);
    const hint = near === null ? '' : `; did you mean ${near}:?`;
    problem(`Unknown filter “${key}:”${hint}`, near === null ? null : filterText(near, value));
    return;
  }
  if (value === '') {
    problem(`“${key}:” needs a value`, null);
    return;
  }
  if (token.negated) {
    problem(`Filters cannot be excluded with “-”`, filterText(key, value));
    return;
  }
  switch (key) {
    case 'tag':
      draft.tags.push(value);
      return;
    case 'org':
      draft.orgs.push(value);
      return;
    case 'status': {
      const status = STATUS_ALIASES[value];
      if (status !== undefined) {
        if (!draft.statuses.includes(status)) draft.statuses.push(status);
        return;
      }
      const near = STATUS_SYNONYMS[value] ?? closest(value, Object.keys(STATUS_ALIASES));
      const fixed = near === null ? null : (STATUS_ALIASES[near] ?? near);
      const hint = fixed === null ? 'inbox, queued, reading, read or dismissed' : `status:${fixed}`;
      problem(`Unknown status “${value}”; did you mean ${hint}?`, fixed && `status:${fixed}`);
      return;
    }
    case 'year': {
      const range = parseYearRange(value);
      if (range !== null) {
        draft.years.push(range);
        return;
      }
      const digits = /^\d{2}$/.test(value) ? `year:20${value}` : null;
      problem(`“${value}” is not a year; use year:2024 or year:2023..2025`, digits);
      return;
    }
    default: {
      if (value === 'noted') draft.noted = true;
      else if (value === 'tagged') draft.tagged = true;
      else {
        const near = closest(value, IS_VALUES);
        problem(`Unknown “is:${value}”; use is:noted or is:tagged`, near && `is:${near}`);
      }
    }
  }
}

/**
 * Parses a query string. Never throws; every input yields a query (possibly empty).
 * Invariant: every token is exactly one of word, phrase, exclusion, filter or problem.
 */
export function parseQuery(input: string): ParsedQuery {
  const draft: Draft = {
    words: [],
    phrases: [],
    excluded: [],
    tags: [],
    statuses: [],
    orgs: [],
    years: [],
    noted: false,
    tagged: false,
    problems: [],
  };
  const tokens = tokenizeQuery(input);
  let lastWordOpen = false;
  for (const token of tokens) {
    lastWordOpen = false;
    if (token.key !== null) {
      applyFilter(draft, token, input);
      continue;
    }
    const text = token.value.trim().replace(/\s+/g, ' ');
    if (text === '') continue;
    if (token.negated) draft.excluded.push(text);
    else if (token.quoted && text.includes(' ')) draft.phrases.push(text);
    else {
      draft.words.push(text);
      lastWordOpen = !token.quoted && token.end === input.length;
    }
  }
  return { ...draft, lastWordOpen };
}

/** True when the query asks for nothing at all (the caller shows its normal list). */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return (
    query.words.length === 0 &&
    query.phrases.length === 0 &&
    query.excluded.length === 0 &&
    query.tags.length === 0 &&
    query.statuses.length === 0 &&
    query.orgs.length === 0 &&
    query.years.length === 0 &&
    !query.noted &&
    !query.tagged
  );
}
