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

/** Result of merging a whole batch in memory. */
export interface BatchMergeResult {
  /** Records to write (new or changed), one per id. */
  readonly toWrite: readonly PaperRecord[];
  /** Ids not in the library before this batch (they need a default entry). */
  readonly newIds: readonly string[];
  /** Counted per distinct id of the batch: added + updated + unchanged = distinct ids. */
  readonly counts: MergeCounts;
}

/**
 * Merges every paper of a batch against the records already stored (`existing`, by id).
 * Duplicate ids within the batch merge into each other in order.
 */
export function mergeBatch(
  existing: ReadonlyMap<string, PaperRecord>,
  papers: readonly ParsedPaper[],
  source: ImportSource,
  importedAt: string,
): BatchMergeResult {
  const working = new Map<string, PaperRecord>();
  const dirty = new Set<string>();
  for (const paper of papers) {
    const sighting: Sighting = { paper, source, importedAt };
    const base = working.get(paper.id) ?? existing.get(paper.id);
    const outcome = base
      ? mergeSighting(base, sighting)
      : { record: newPaperRecord(sighting), changed: true };
    working.set(paper.id, outcome.record);
    if (outcome.changed) dirty.add(paper.id);
  }
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const newIds: string[] = [];
  for (const [id, record] of working) {
    const before = existing.get(id);
    if (!before) {
      added += 1;
      newIds.push(id);
    } else if (dirty.has(id) && bibliographicChanged(before, record)) updated += 1;
    else unchanged += 1;
  }
  const toWrite = [...dirty].map((id) => working.get(id) as PaperRecord);
  return { toWrite, newIds, counts: { added, updated, unchanged } };
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
