/**
 * Second stage of search: fuse.js ranks a small candidate set (already found by the inverted
 * index) and computes character ranges to highlight. Long fields are cut to a window around the
 * first index match so fuse's per-character work stays bounded.
 */
import Fuse from 'fuse.js';
import type { FuseResult, IFuseOptions } from 'fuse.js';
import { expandToWords } from './highlight';
import type { FieldHighlight, SearchDocument, SearchField, SearchHit } from './search-types';
import { fieldText, TAG_SEPARATOR } from './search-types';

/** A document found by the index, with what the index knows about the match. */
export interface Candidate {
  readonly doc: SearchDocument;
  /** Index relevance (BM25-like), higher is better. */
  readonly indexScore: number;
  /** Number of query words (or phrases) the document matched; ranks before any score. */
  readonly coverage: number;
  /** Index terms that matched in the abstract / note (lower-case stems), to place windows. */
  readonly abstractTerms: readonly string[];
  readonly noteTerms: readonly string[];
}

/** What fuse sees for one candidate. Windowed fields keep their offset into the full text. */
export interface FuseRecord {
  readonly title: string;
  readonly tags: readonly string[];
  readonly organization: string;
  readonly note: string;
  readonly abstract: string;
}

/** Characters of abstract/note given to fuse; longer texts are windowed. */
const WINDOW = 240;
/** How far before the first match the window starts. */
const WINDOW_LEAD = 60;

/** Fuse.js settings for ranking (exported so the benchmark compares fuse alone on equal terms). */
export const FUSE_OPTIONS: IFuseOptions<FuseRecord> = {
  keys: [
    { name: 'title', weight: 3 },
    { name: 'tags', weight: 2 },
    { name: 'organization', weight: 1.5 },
    { name: 'note', weight: 1.5 },
    { name: 'abstract', weight: 1 },
  ],
  includeMatches: true,
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.34,
  minMatchCharLength: 2,
  shouldSort: false,
};

/** Start offset of a window of `text` around the first occurrence of any of `terms`. */
export function windowStart(text: string, terms: readonly string[]): number {
  if (text.length <= WINDOW) return 0;
  const lower = text.toLowerCase();
  let first = -1;
  for (const term of terms) {
    const at = lower.indexOf(term);
    if (at !== -1 && (first === -1 || at < first)) first = at;
  }
  if (first <= WINDOW_LEAD) return 0;
  const space = text.indexOf(' ', first - WINDOW_LEAD);
  return space === -1 || space >= first ? first : space + 1;
}

/** Fuse's inclusive `[start, end]` pairs as exclusive ranges shifted by `offset`. */
function toRanges(indices: readonly (readonly [number, number])[], offset: number) {
  const ranges: [number, number][] = [];
  for (const [start, end] of indices) ranges.push([start + offset, end + 1 + offset]);
  return ranges;
}

/** Offset of tag `index` within `tags.join(TAG_SEPARATOR)`. */
function tagOffset(tags: readonly string[], index: number): number {
  let offset = 0;
  for (let i = 0; i < index; i += 1) offset += (tags[i] ?? '').length + TAG_SEPARATOR.length;
  return offset;
}

/** Converts fuse matches into per-field highlight ranges over the full field texts. */
function highlightsOf(
  result: FuseResult<FuseRecord>,
  candidate: Candidate,
  offsets: { abstract: number; note: number },
  minFragment: number,
): FieldHighlight[] {
  const byField = new Map<SearchField, [number, number][]>();
  for (const match of result.matches ?? []) {
    const field = match.key as SearchField | undefined;
    if (field === undefined) continue;
    let offset = 0;
    if (field === 'abstract') offset = offsets.abstract;
    else if (field === 'note') offset = offsets.note;
    else if (field === 'tags') offset = tagOffset(candidate.doc.tags, match.refIndex ?? 0);
    const ranges = byField.get(field) ?? [];
    ranges.push(...toRanges(match.indices, offset));
    byField.set(field, ranges);
  }
  const highlights: FieldHighlight[] = [];
  for (const [field, ranges] of byField) {
    const words = expandToWords(fieldText(candidate.doc, field), ranges, minFragment);
    if (words.length > 0) highlights.push({ field, ranges: words });
  }
  return highlights;
}

/** Fuse patterns for the query: each word on its own (order-free), phrases whole. */
function logicalQuery(patterns: readonly string[]) {
  return { $or: patterns.map((pattern) => pattern.toLowerCase().slice(0, 32)) };
}

/**
 * Ranks `candidates` for `patterns` (query words and phrases) and returns the best `limit` hits.
 * Order: more query words covered first, then a blend of fuse closeness and index relevance.
 * Candidates fuse does not match (e.g. index-only fuzzy matches) are kept, without highlights.
 */
export function rankCandidates(
  candidates: readonly Candidate[],
  patterns: readonly string[],
  limit: number,
): SearchHit[] {
  const abstractOffsets: number[] = [];
  const noteOffsets: number[] = [];
  const records: FuseRecord[] = candidates.map((candidate) => {
    const { doc } = candidate;
    const a = windowStart(doc.abstract, candidate.abstractTerms);
    const n = windowStart(doc.note, candidate.noteTerms);
    abstractOffsets.push(a);
    noteOffsets.push(n);
    return {
      title: doc.title,
      tags: doc.tags,
      organization: doc.organization ?? '',
      note: candidate.noteTerms.length > 0 ? doc.note.slice(n, n + WINDOW) : '',
      abstract: candidate.abstractTerms.length > 0 ? doc.abstract.slice(a, a + WINDOW) : '',
    };
  });
  const fuse = new Fuse(records, FUSE_OPTIONS);
  const fuseResults: (FuseResult<FuseRecord> | undefined)[] = new Array(candidates.length);
  for (const result of fuse.search(logicalQuery(patterns))) fuseResults[result.refIndex] = result;

  let maxIndexScore = 0;
  for (const candidate of candidates) maxIndexScore = Math.max(maxIndexScore, candidate.indexScore);
  const order = candidates.map((candidate, i) => {
    const closeness = 1 - (fuseResults[i]?.score ?? 1);
    const relevance = maxIndexScore > 0 ? candidate.indexScore / maxIndexScore : 0;
    return { i, coverage: candidate.coverage, score: 0.5 * closeness + 0.5 * relevance };
  });
  order.sort((x, y) => y.coverage - x.coverage || y.score - x.score);
  const minFragment = Math.min(3, ...patterns.map((pattern) => pattern.length));

  return order.slice(0, limit).map(({ i, score }) => {
    const candidate = candidates[i] as Candidate;
    const result = fuseResults[i];
    const offsets = { abstract: abstractOffsets[i] ?? 0, note: noteOffsets[i] ?? 0 };
    const highlights = result ? highlightsOf(result, candidate, offsets, minFragment) : [];
    return { id: candidate.doc.id, score, highlights };
  });
}
