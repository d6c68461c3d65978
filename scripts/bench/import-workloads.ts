/**
 * Workloads of the import benchmark: one large generated file, a year of small daily dumps
 * (sizes drawn like real listings, both layouts), or the real dumps of a folder (`--dumps DIR`),
 * each with the rows the library ends up holding, for the raw IndexedDB baseline.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDump } from '../../src/main/core/parser/index';
import type { ImportSegment, ImportSource } from '../../src/shared/import-types';
import type { ParsedPaper } from '../../src/shared/paper';
import { accumulateImport, defaultEntry } from '../../src/renderer/src/db/import-repository';
import { mergeSegments, toPaperSummary } from '../../src/renderer/src/db/merge-batch';
import type {
  EntryRecord,
  ImportRecord,
  PaperRecord,
  PaperSummary,
} from '../../src/renderer/src/db/types';
import { generateCompactDump, generatedTitle, generatePageDump, listingDay } from './generate-dump';
import { seededRandom } from '../../src/shared/recommend/seeded-random';

/** One dump file of a workload. */
export interface DumpFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A set of dump files and what importing them yields. */
export interface Workload {
  /** Metric suffix naming the workload (`10k`, `daily600_drop`…). */
  readonly name: string;
  readonly files: readonly DumpFile[];
  /** Distinct papers the library holds afterwards. */
  readonly papers: number;
  /** A word that finds exactly one paper of the workload (checks the search caught up). */
  readonly probe: string | null;
}

/** The rows of one IndexedDB transaction of the raw baseline (same stores as an import batch). */
export interface RawTransaction {
  readonly papers: readonly PaperRecord[];
  readonly paperSummaries: readonly PaperSummary[];
  readonly entries: readonly EntryRecord[];
  readonly imports: readonly ImportRecord[];
}

const REFERENCE = new Date('2026-01-01T00:00:00Z');
const encoder = new TextEncoder();

function parse(file: DumpFile): readonly ParsedPaper[] {
  const result = parseDump(file.bytes, { referenceDate: REFERENCE });
  if (result.rejection !== null) throw new Error(`${file.name}: ${result.rejection}`);
  return result.papers;
}

function distinctPapers(files: readonly DumpFile[]): number {
  return new Set(files.flatMap((file) => parse(file).map((paper) => paper.id))).size;
}

/** Papers per generated large file (50k papers in one file would pass the 64 MB dump cap). */
const LARGE_FILE_PAPERS = 10_000;

/** `total` generated papers in page-format files of 10k papers (one file for 10k, five for 50k). */
export function largeFilesWorkload(total: number, name: string): Workload {
  const files: DumpFile[] = [];
  for (let offset = 0; offset < total; offset += LARGE_FILE_PAPERS) {
    const count = Math.min(LARGE_FILE_PAPERS, total - offset);
    files.push({
      name: `generated-${offset / LARGE_FILE_PAPERS}.txt`,
      bytes: encoder.encode(generatePageDump(count, offset)),
    });
  }
  return { name, files, papers: total, probe: null };
}

/**
 * `count` daily dumps of 15–120 papers each, most of them small like real listings (15 plus 105
 * times the fourth power of a uniform draw: median ~22, mean ~36), two in three in the page
 * layout and one in three compact, every paper distinct.
 */
export function dailyWorkload(count: number, name: string): Workload {
  const next = seededRandom(14);
  const files: DumpFile[] = [];
  let offset = 0;
  for (let day = 0; day < count; day++) {
    const size = 15 + Math.floor(105 * next() ** 4);
    const compact = next() < 1 / 3;
    const text = compact
      ? generateCompactDump(size, offset)
      : generatePageDump(size, offset, listingDay(day));
    files.push({ name: `daily-${String(day).padStart(3, '0')}.txt`, bytes: encoder.encode(text) });
    offset += size;
  }
  const last = generatedTitle(offset - 1).match(/\(part (\d+)\)$/)?.[1] ?? null;
  return { name, files, papers: offset, probe: last };
}

/** The real dumps of `folder` (every regular file, by name). */
export function dumpsWorkload(folder: string, name: string): Workload {
  const files = readdirSync(folder)
    .sort()
    .filter((file) => statSync(join(folder, file)).isFile())
    .map((file) => ({ name: file, bytes: new Uint8Array(readFileSync(join(folder, file))) }));
  return { name, files, papers: distinctPapers(files), probe: null };
}

/** The papers of `workload` again, as one page-format file (the reference for per-file cost). */
export function asOneFile(workload: Workload): Workload {
  const seen = new Set<string>();
  const papers = workload.files.flatMap(parse).filter((paper) => {
    if (seen.has(paper.id)) return false;
    seen.add(paper.id);
    return true;
  });
  const entries = papers.map(
    (paper) => `${paper.title}\n\n${paper.abstract}\n\n  • 3 authors\n·\nMar 3, 2024\n`,
  );
  const header =
    'new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\nApr 17\n\n';
  const bytes = encoder.encode(header + entries.join('\n'));
  return {
    name: `${workload.name}_one_file`,
    files: [{ name: 'all-in-one.txt', bytes }],
    papers: papers.length,
    probe: null,
  };
}

/**
 * The rows an import of `workload` writes, in transactions of `batchSize` papers like the
 * pipeline's batches (with the import row of every file a transaction holds papers of); a paper
 * seen in several files is written once.
 */
export function rawTransactions(workload: Workload, batchSize: number): RawTransaction[] {
  const importedAt = REFERENCE.toISOString();
  const seen = new Set<string>();
  const transactions: RawTransaction[] = [];
  let current = { papers: [] as PaperRecord[], imports: new Map<string, ImportRecord>() };
  const close = (): void => {
    if (current.papers.length === 0 && current.imports.size === 0) return;
    transactions.push({
      papers: current.papers,
      paperSummaries: current.papers.map(toPaperSummary),
      entries: current.papers.map((paper) => defaultEntry(paper.id, importedAt)),
      imports: [...current.imports.values()],
    });
    current = { papers: [], imports: new Map() };
  };
  workload.files.forEach((file, index) => {
    const papers = parse(file);
    const source: ImportSource = {
      importId: `raw-${index}`,
      runId: 'raw',
      file: file.name,
      hash: `hash-${index}`,
      origin: 'drop',
      format: 'page',
      listingDate: null,
      startedAt: importedAt,
    };
    const segment: ImportSegment = {
      source,
      index: 0,
      count: 1,
      papers,
      diagnostics: [],
      totalPapers: papers.length,
    };
    const merged = mergeSegments(new Map(), [segment], importedAt);
    current.imports.set(
      source.importId,
      accumulateImport(
        undefined,
        segment,
        { added: papers.length, updated: 0, unchanged: 0 },
        importedAt,
      ),
    );
    for (const record of merged.toWrite) {
      if (seen.has(record.id)) continue;
      seen.add(record.id);
      current.papers.push(record);
      if (current.papers.length >= batchSize) close();
    }
  });
  close();
  return transactions;
}
