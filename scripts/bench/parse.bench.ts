/**
 * Parser throughput on generated dumps of ≥ 50 MB in both formats, built from the real sample
 * entries (one header, then the samples' entries repeated with numbered titles so ids differ).
 * Prints MB/s (bytes of input per second, decoding included), papers/s, and the heap in use
 * after parsing while the result is still alive (memory should track the papers, not the lines).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDump } from '../../src/main/core/parser/index';
import type { ParsedPaper } from '../../src/shared/paper';
import type { BenchContext } from './figures';
import { atLeast } from './figures';
import { collector } from './gc';

/** Heading printed by scripts/bench.ts. */
export const title = 'listing-dump parser';

const FIXTURES = join(import.meta.dirname, '..', '..', 'tests', 'fixtures');
const TARGET_BYTES = 52 * 1024 * 1024;
const ROUNDS = 3;
const REFERENCE = new Date('2026-11-23T00:00:00Z');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The entries of the real samples, parsed once. */
function samplePapers(): ParsedPaper[] {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .flatMap(
      (name) => parseDump(readFileSync(join(FIXTURES, name)), { referenceDate: REFERENCE }).papers,
    );
}

/** Page-format metadata lines for one generated entry, cycling through the real variants. */
function pageMetadata(paper: ParsedPaper, index: number): string {
  const meta =
    paper.organization === null
      ? `  \u2022 ${paper.authors ?? 1 + (index % 9)} authors`
      : `openorg ${paper.organization}`;
  const month = MONTHS[index % 12] ?? 'Jan';
  const day = 1 + (index % 28);
  const date = index % 3 === 0 ? `${month} ${day}` : `${month} ${day}, ${2015 + (index % 10)}`;
  return `${meta}\n\u00B7\n${index % 4 === 0 ? `${date} ${index % 50}` : date}`;
}

/** A page dump of at least `TARGET_BYTES`: one header, then numbered copies of the samples. */
function buildDump(format: 'page' | 'compact', papers: readonly ParsedPaper[]): Uint8Array {
  const parts: string[] = [
    format === 'page'
      ? 'new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\nDec 31\n\n'
      : 'Get trending papers in your email inbox once a day!\nGet trending papers in your email inbox!\nSubscribe',
  ];
  let size = 0;
  for (let index = 0; size < TARGET_BYTES; index += 1) {
    const paper = papers[index % papers.length];
    if (paper === undefined) break;
    const entry =
      format === 'page'
        ? `${paper.title} (${index})\n\n${paper.abstract}\n\n${pageMetadata(paper, index)}\n\n`
        : `${paper.title} (${index})\n${paper.abstract}\n`;
    parts.push(entry);
    size += entry.length;
  }
  return new TextEncoder().encode(parts.join(''));
}

const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);

/** Best wall time of `ROUNDS` parses; the results are dropped before returning. */
function timeRounds(format: 'page' | 'compact', dump: Uint8Array, gc: () => void) {
  let best = Number.POSITIVE_INFINITY;
  let papers = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    gc();
    const start = process.hrtime.bigint();
    const result = parseDump(dump, { referenceDate: REFERENCE });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (result.rejection !== null || result.format !== format) {
      throw new Error(`bench dump misparsed: ${result.rejection ?? String(result.format)}`);
    }
    papers = result.papers.length;
    best = Math.min(best, seconds);
  }
  return { best, papers };
}

/** Heap in use before parsing and after it with the result still referenced. */
function heapWithResult(dump: Uint8Array, gc: () => void) {
  // The legacy RegExp statics (RegExp.lastMatch) still reference a slice of the previous parse's
  // text, keeping all of it alive; run a regex on a tiny string so "before" is really empty.
  /x/.test('x');
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = parseDump(dump, { referenceDate: REFERENCE });
  gc();
  const after = process.memoryUsage().heapUsed;
  return { before, after, papers: kept.papers.length };
}

function measure(
  format: 'page' | 'compact',
  dump: Uint8Array,
  gc: () => void,
  context: BenchContext,
): void {
  const { best, papers } = timeRounds(format, dump, gc);
  const heap = heapWithResult(dump, gc);
  console.log(
    `${format} ${mb(dump.byteLength)} MB, ${papers} papers, best of ${ROUNDS}; ` +
      `${heap.papers} papers held take ${mb(heap.after - heap.before)} MB of heap`,
  );
  context.record(`${format}_throughput`, dump.byteLength / 1e6 / best, 'MB/s', atLeast(100));
  context.record(`${format}_papers_per_second`, papers / best, 'papers/s');
  context.record(`${format}_heap_per_input`, (heap.after - heap.before) / dump.byteLength, 'x');
}

/** Builds both dumps and records their figures. */
export async function run(context: BenchContext): Promise<void> {
  const gc = collector();
  const papers = samplePapers();
  for (const format of ['page', 'compact'] as const) {
    const dump = buildDump(format, papers);
    measure(format, dump, gc, context);
  }
}
