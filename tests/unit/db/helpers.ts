/** Builders shared by the db tests: parsed papers, import batches and fresh libraries. */
import { afterEach } from 'vitest';
import type { ImportBatch, ImportSegment, ImportSource } from '../../../src/shared/import-types';
import type { ParsedPaper } from '../../../src/shared/paper';
import { openLibrary, type LibraryDb } from '../../../src/renderer/src/db';

/** A parsed paper with sensible defaults; `id` defaults to a slug of the title. */
export function paper(overrides: Partial<ParsedPaper> & { readonly title: string }): ParsedPaper {
  return {
    id: overrides.title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    abstract: `Abstract of ${overrides.title}.`,
    authors: null,
    organization: null,
    published: null,
    upvotes: null,
    links: [],
    line: 1,
    ...overrides,
  };
}

/** An import source; `hash` defaults to a value derived from the file name. */
export function source(overrides: Partial<ImportSource> = {}): ImportSource {
  const file = overrides.file ?? 'dump-000.txt';
  return {
    importId: `import-${file}`,
    runId: 'run-1',
    file,
    hash: `hash-${file}`,
    origin: 'watcher',
    format: 'page',
    listingDate: '2025-04-17',
    startedAt: '2025-04-17T08:00:00.000Z',
    ...overrides,
  };
}

/** The segment of one file in a batch (index 0 of 1 unless overridden). */
export function segment(
  papers: readonly ParsedPaper[],
  src: ImportSource = source(),
  overrides: Partial<ImportSegment> = {},
): ImportSegment {
  return {
    source: src,
    index: 0,
    count: 1,
    papers,
    diagnostics: [],
    totalPapers: papers.length,
    ...overrides,
  };
}

let batchSerial = 0;

/** A batch holding one file's segment (see `segment`). */
export function batch(
  papers: readonly ParsedPaper[],
  src: ImportSource = source(),
  overrides: Partial<ImportSegment> = {},
): ImportBatch {
  return batchOf([segment(papers, src, overrides)]);
}

/** A batch of several files' segments, in order. */
export function batchOf(segments: readonly ImportSegment[]): ImportBatch {
  return { streamId: 'stream-1', index: batchSerial++, segments };
}

const opened: LibraryDb[] = [];

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** A library with a unique name (no leakage between tests), closed after the test. */
export function freshLibrary(): LibraryDb {
  const db = openLibrary(`test-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

/** A fixed clock: `at(5)` is 5 minutes after a fixed origin. */
export function at(minutes: number): Date {
  return new Date(Date.UTC(2025, 3, 20, 12, minutes));
}
