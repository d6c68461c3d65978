/**
 * Pure merge of a whole import batch against the stored records (no Dexie): applies the
 * per-sighting rules of `merge.ts` and classifies every distinct id as added, updated or unchanged.
 */
import type { ImportSource, MergeCounts } from '../../../shared/import-types';
import type { ParsedPaper } from '../../../shared/paper';
import { mergeSighting, newPaperRecord, type Sighting } from './merge';
import type { PaperRecord, PaperSummary } from './types';

/** True when a bibliographic field (title, abstract, authors, organization, published, upvotes, links) differs. */
export function bibliographicChanged(before: PaperRecord, after: PaperRecord): boolean {
  return (
    before.title !== after.title ||
    before.abstract !== after.abstract ||
    before.authors !== after.authors ||
    before.organization !== after.organization ||
    before.published !== after.published ||
    before.upvotes !== after.upvotes ||
    before.links.length !== after.links.length ||
    before.links.some((link, i) => link !== after.links[i])
  );
}

/** The papers of one file in a batch, with the source they were read from. */
export interface SourcedPapers {
  readonly source: ImportSource;
  readonly papers: readonly ParsedPaper[];
}

/** What a paper id became in one segment, compared with before that segment. */
export type MergeOutcomeKind = 'added' | 'updated' | 'unchanged';

/** Result of merging the segments of a batch (files in order) in memory. */
export interface SegmentsMergeResult {
  /** Records to write (new or changed against `existing`), one per id. */
  readonly toWrite: readonly PaperRecord[];
  /** Ids not in `existing` (they need a default entry). */
  readonly newIds: readonly string[];
  /** Per segment, each distinct id of it and what it became. */
  readonly outcomes: readonly ReadonlyMap<string, MergeOutcomeKind>[];
}

/**
 * Merges the segments of a batch, in order, against the records already stored (`existing`, by
 * id), as if each file were imported after the previous one: a paper in two files of the batch is
 * "added" by the first and "unchanged" or "updated" by the second. `only`, when given, limits the
 * merge to those ids. Duplicate ids within a segment merge into each other in order.
 */
export function mergeSegments(
  existing: ReadonlyMap<string, PaperRecord>,
  segments: readonly SourcedPapers[],
  importedAt: string,
  only?: { has(id: string): boolean },
): SegmentsMergeResult {
  const working = new Map<string, PaperRecord>();
  const dirty = new Set<string>();
  const outcomes = segments.map(({ papers, source }) => {
    const before = new Map<string, PaperRecord | undefined>();
    for (const paper of papers) {
      if (only && !only.has(paper.id)) continue;
      const sighting: Sighting = { paper, source, importedAt };
      const base = working.get(paper.id) ?? existing.get(paper.id);
      if (!before.has(paper.id)) before.set(paper.id, base);
      const outcome = base
        ? mergeSighting(base, sighting)
        : { record: newPaperRecord(sighting), changed: true };
      working.set(paper.id, outcome.record);
      if (outcome.changed) dirty.add(paper.id);
    }
    const kinds = new Map<string, MergeOutcomeKind>();
    for (const [id, prior] of before) {
      const after = working.get(id);
      if (!prior) kinds.set(id, 'added');
      else if (after && after !== prior && bibliographicChanged(prior, after))
        kinds.set(id, 'updated');
      else kinds.set(id, 'unchanged');
    }
    return kinds;
  });
  const toWrite = [...dirty].map((id) => working.get(id) as PaperRecord);
  const newIds = [...working.keys()].filter((id) => !existing.has(id));
  return { toWrite, newIds, outcomes };
}

/** Counts of one segment's outcomes (optionally only of ids in `only`). */
export function countOutcomes(
  outcomes: ReadonlyMap<string, MergeOutcomeKind>,
  only?: (id: string) => boolean,
): MergeCounts {
  const counts = { added: 0, updated: 0, unchanged: 0 };
  for (const [id, kind] of outcomes) if (!only || only(id)) counts[kind] += 1;
  return counts;
}

/** The list-view projection of a paper (see `PaperSummary`). */
export function toPaperSummary(paper: PaperRecord): PaperSummary {
  const {
    id,
    title,
    titleSort,
    organization,
    authors,
    published,
    listingDate,
    upvotes,
    firstSeenAt,
  } = paper;
  return {
    id,
    title,
    titleSort,
    organization,
    authors,
    published,
    listingDate,
    upvotes,
    firstSeenAt,
  };
}

/** The paper with `fieldDates` present (records written before version 3 lack them). */
export function withFieldDates(paper: PaperRecord): PaperRecord {
  if ((paper as Partial<PaperRecord>).fieldDates) return paper;
  const date = paper.listingDate;
  return { ...paper, fieldDates: { authors: date, organization: date, published: date } };
}
