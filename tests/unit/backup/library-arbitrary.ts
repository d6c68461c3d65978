/** fast-check arbitraries for whole libraries (papers, entries, tags, imports, settings). */
import fc from 'fast-check';
import {
  PAPER_STATUSES,
  TAG_PALETTE,
  type EntryRecord,
  type HighlightRecord,
  type ImportRecord,
  type MetaRecord,
  type PaperRecord,
  type TagRecord,
} from '../../../src/renderer/src/db';
import { toPaperSummary } from '../../../src/renderer/src/db/merge-batch';
import type { LibraryDb } from '../../../src/renderer/src/db';

/** Every row of a library, by table. */
export interface LibraryRows {
  readonly papers: PaperRecord[];
  readonly entries: EntryRecord[];
  readonly tags: TagRecord[];
  readonly imports: ImportRecord[];
  readonly meta: MetaRecord[];
  readonly highlights: HighlightRecord[];
}

const text = fc.string({ unit: 'grapheme', maxLength: 30 });
const iso = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2026, 0, 1) })
  .map((ms) => new Date(ms).toISOString());
const day = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2026, 0, 1) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));
/** JSON values as a JSON file gives them back (fast-check's may hold -0, which JSON writes as 0). */
const jsonValue = fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value)) as unknown);
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null });

const paperArb = (id: string): fc.Arbitrary<PaperRecord> =>
  fc.record({
    id: fc.constant(id),
    title: text,
    abstract: fc.string({ unit: 'grapheme', maxLength: 200 }),
    authors: maybe(fc.integer({ min: 1, max: 40 })),
    organization: maybe(text),
    published: maybe(day),
    upvotes: maybe(fc.integer({ min: 0, max: 500 })),
    upvoteHistory: fc.array(
      fc.record({
        listingDate: maybe(day),
        file: text,
        upvotes: fc.integer({ min: 0, max: 500 }),
        seenAt: iso,
      }),
      { maxLength: 3 },
    ),
    links: fc.array(fc.webUrl(), { maxLength: 3 }),
    sources: fc.array(
      fc.record({
        file: text,
        hash: fc.string({ minLength: 8, maxLength: 8 }),
        line: fc.integer({ min: 1, max: 5000 }),
        listingDate: maybe(day),
        importedAt: iso,
      }),
      { minLength: 1, maxLength: 3 },
    ),
    firstSeenAt: iso,
    lastSeenAt: iso,
    listingDate: maybe(day),
    titleSort: text,
    fieldDates: fc.record({ authors: maybe(day), organization: maybe(day), published: maybe(day) }),
  });

/** A random but consistent library of up to `maxPapers` papers. */
export function libraryArb(maxPapers = 25): fc.Arbitrary<LibraryRows> {
  return fc
    .record({
      paperCount: fc.integer({ min: 0, max: maxPapers }),
      tagNames: fc.uniqueArray(
        fc
          .string({ minLength: 1, maxLength: 20 })
          .map((name) => name.trim())
          .filter((n) => n !== ''),
        { maxLength: 6, selector: (name) => name.toLowerCase() },
      ),
      imports: fc.array(fc.record({ file: text, startedAt: iso, extra: jsonValue }), {
        maxLength: 3,
      }),
      // The library id is not restored by a replace (see withoutLibraryIdentity).
      meta: fc.dictionary(
        fc.string({ minLength: 1, maxLength: 10 }).filter((key) => key !== 'libraryId'),
        jsonValue,
        { maxKeys: 3 },
      ),
    })
    .chain(({ paperCount, tagNames, imports, meta }) => {
      const tags: TagRecord[] = tagNames.map((name, i) => ({
        id: `tag-${i}`,
        name,
        nameKey: name.toLowerCase(),
        color: TAG_PALETTE[i % TAG_PALETTE.length] ?? '#2563eb',
        createdAt: new Date(Date.UTC(2024, 0, i + 1)).toISOString(),
      }));
      const ids = Array.from({ length: paperCount }, (_, i) => `p${String(i).padStart(4, '0')}`);
      const entryArb = (paperId: string): fc.Arbitrary<EntryRecord> =>
        fc
          .record({
            status: fc.constantFrom(...PAPER_STATUSES),
            rank: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
            tagIds: fc.subarray(tags.map((tag) => tag.id)),
            note: fc.string({ unit: 'grapheme', maxLength: 120 }),
            changedAt: iso,
            statusChangedAt: iso,
          })
          .map(({ status, rank, ...rest }) => ({
            paperId,
            status,
            // JSON has no negative zero, and the app never computes one.
            queueRank: status === 'queued' ? rank + 0 : null,
            readAt: status === 'read' ? rest.changedAt : null,
            ...rest,
          }));
      return fc.record({
        papers: fc.tuple(...ids.map(paperArb)),
        entries: fc.tuple(...ids.map(entryArb)),
        tags: fc.constant(tags),
        imports: fc.constant(
          imports.map(
            (row, i) =>
              ({
                importId: `import-${i}`,
                file: row.file,
                hash: `hash-${i}`,
                origin: 'drop',
                format: 'page',
                listingDate: null,
                startedAt: row.startedAt,
                finishedAt: row.startedAt,
                batchesDone: 1,
                totalBatches: 1,
                totalPapers: 1,
                added: 1,
                updated: 0,
                unchanged: 0,
                diagnostics: [],
                batchIndices: [0],
                libraryExtra: row.extra,
              }) as ImportRecord,
          ),
        ),
        meta: fc.constant(Object.entries(meta).map(([key, value]) => ({ key, value }))),
      });
    })
    .map((rows) => ({ ...rows, papers: [...rows.papers], entries: [...rows.entries] }))
    .chain((rows) => highlightsArb(rows.papers).map((highlights) => ({ ...rows, highlights })));
}

/** Highlights of passages of the papers' abstracts (none for papers without one). */
function highlightsArb(papers: readonly PaperRecord[]): fc.Arbitrary<HighlightRecord[]> {
  const withAbstract = papers.filter((paper) => paper.abstract.length > 0);
  if (withAbstract.length === 0) return fc.constant([]);
  return fc
    .array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), text, iso, iso), { maxLength: 8 })
    .map((raw) =>
      raw.map(([which, from, length, comment, createdAt, updatedAt], i) => {
        const paper = withAbstract[which % withAbstract.length] as PaperRecord;
        const start = from % paper.abstract.length;
        const end = start + 1 + (length % (paper.abstract.length - start));
        return {
          id: `h-${i}`,
          paperId: paper.id,
          start,
          end,
          text: paper.abstract.slice(start, end),
          comment,
          createdAt,
          updatedAt,
        };
      }),
    );
}

/** Writes every row into `db` (and the derived summaries). */
export async function seedLibrary(db: LibraryDb, rows: LibraryRows): Promise<void> {
  await db.transaction(
    'rw',
    [db.papers, db.paperSummaries, db.entries, db.tags, db.imports, db.meta, db.highlights],
    async () => {
      await db.tags.bulkAdd(rows.tags);
      await db.papers.bulkAdd(rows.papers);
      await db.paperSummaries.bulkAdd(rows.papers.map(toPaperSummary));
      await db.entries.bulkAdd(rows.entries);
      await db.imports.bulkAdd(rows.imports);
      await db.meta.bulkAdd(rows.meta);
      await db.highlights.bulkAdd(rows.highlights);
    },
  );
}

/** Every table of `db`, in key order, for field-by-field comparison. */
export async function readLibrary(db: LibraryDb): Promise<Record<string, unknown[]>> {
  return {
    papers: await db.papers.toArray(),
    paperSummaries: await db.paperSummaries.toArray(),
    entries: await db.entries.toArray(),
    tags: await db.tags.toArray(),
    imports: await db.imports.toArray(),
    meta: await db.meta.toArray(),
    highlights: await db.highlights.toArray(),
  };
}
