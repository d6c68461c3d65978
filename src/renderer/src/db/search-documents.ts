/**
 * The searchable projection of papers, as the search worker indexes it: built here from the
 * library's records, in the search layer's own document type (a pure type, no runtime code).
 */
import type { SearchDocument } from '../../../shared/search/search-types';
import { readAllPaged } from './paged-read';
import type { LibraryDb } from './schema';
import type { EntryRecord, PaperRecord } from './types';
import { byPassageOrder } from './highlight-repository';

/** One paper as the search index sees it (plain text fields, tag names, year). */
export type LibrarySearchDocument = SearchDocument;

/** The year of a `YYYY-MM-DD` date, or null. */
function yearOf(date: string | null): number | null {
  if (date === null) return null;
  const year = Number.parseInt(date.slice(0, 4), 10);
  return Number.isFinite(year) ? year : null;
}

/** Builds one search document; `year` comes from `published`, else from the listing date. */
export function toSearchDocument(
  paper: PaperRecord,
  entry: EntryRecord,
  tagNames: ReadonlyMap<string, string>,
  highlightComments = '',
): LibrarySearchDocument {
  return {
    id: paper.id,
    title: paper.title,
    abstract: paper.abstract,
    organization: paper.organization,
    tags: entry.tagIds.flatMap((id) => {
      const name = tagNames.get(id);
      return name === undefined ? [] : [name];
    }),
    tagIds: entry.tagIds,
    note: entry.note,
    ...(highlightComments === '' ? {} : { highlightComments }),
    status: entry.status,
    year: yearOf(paper.published) ?? yearOf(paper.listingDate),
  };
}

/**
 * Search documents for the given papers (unknown ids are skipped), or for every paper when `ids`
 * is omitted. Reads in one transaction, so documents are consistent with each other.
 */
export async function loadSearchDocuments(
  db: LibraryDb,
  ids?: readonly string[],
): Promise<LibrarySearchDocument[]> {
  return db.transaction('r', db.papers, db.entries, db.tags, db.highlights, async () => {
    const papers = ids
      ? await db.papers.bulkGet([...ids])
      : await readAllPaged(db.papers, 'id', 500);
    const present = papers.filter((p): p is PaperRecord => p !== undefined);
    const entries = ids
      ? await db.entries.bulkGet(present.map((p) => p.id))
      : await alignedEntries(db, present);
    const tags = await db.tags.toArray();
    const tagNames = new Map(tags.map((tag) => [tag.id, tag.name]));
    const comments = await highlightCommentsOf(db, ids);
    return present.flatMap((paper, i) => {
      const entry = entries[i];
      return entry ? [toSearchDocument(paper, entry, tagNames, comments.get(paper.id))] : [];
    });
  });
}

/** The non-empty highlight comments per paper, one per line (of `ids`, or of every paper). */
async function highlightCommentsOf(
  db: LibraryDb,
  ids: readonly string[] | undefined,
): Promise<Map<string, string>> {
  const records = ids
    ? await db.highlights
        .where('paperId')
        .anyOf([...ids])
        .toArray()
    : await db.highlights.toArray();
  const comments = new Map<string, string>();
  for (const record of records.sort(byPassageOrder)) {
    if (record.comment === '') continue;
    const previous = comments.get(record.paperId);
    comments.set(record.paperId, previous ? `${previous}\n${record.comment}` : record.comment);
  }
  return comments;
}

/** Every entry, in the order of `papers` (both tables are keyed by paper id). */
async function alignedEntries(
  db: LibraryDb,
  papers: readonly PaperRecord[],
): Promise<(EntryRecord | undefined)[]> {
  const byId = new Map(
    (await readAllPaged(db.entries, 'paperId')).map((entry) => [entry.paperId, entry]),
  );
  return papers.map((paper) => byId.get(paper.id));
}
