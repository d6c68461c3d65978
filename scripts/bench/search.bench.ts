/**
 * Search benchmark: index build time, query latency and heap use of SearchEngine at 10k and 50k
 * synthetic papers (recombined from the sample dumps), in Node.
 * A full GC runs before each heap reading.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SearchEngine } from '../../src/shared/search/search-engine';
import { collector } from './gc';
import { PAPER_STATUSES } from '../../src/renderer/src/db/types';
import type { SearchDocument, SearchStatus } from '../../src/shared/search/search-types';

export const title = 'search: full-text inverted index, every match ranked';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'fixtures');
const STATUSES: readonly SearchStatus[] = PAPER_STATUSES;
const TAGS = ['ml', 'nlp', 'vision', 'deep learning', 'efficiency', 'theory', 'to read', 'llm'];
const ORGS = ['OpenBMB', 'Google', 'Meta AI', 'Microsoft', 'Tsinghua University', 'ETH Zurich'];

/** Deterministic PRNG (mulberry32) so runs are comparable. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Title and abstract lines of every fixture (page and compact formats, roughly). */
function fixturePairs(): { titles: string[]; sentences: string[] } {
  const titles: string[] = [];
  const sentences: string[] = [];
  for (const name of readdirSync(FIXTURES).filter((n) => n.endsWith('.txt'))) {
    const lines = readFileSync(join(FIXTURES, name), 'utf8')
      .split(/\r?\n/)
      .map((line) => line.replace(/^Subscribe(?=\S)/, '').trim())
      .filter((line) => line !== '' && !line.startsWith('Get trending'));
    for (const line of lines) {
      if (line.length > 300) sentences.push(...line.split(/(?<=\.)\s+/));
      else if (line.length > 25 && !/^•|^·|\d{4}$/.test(line)) titles.push(line);
    }
  }
  return { titles, sentences: sentences.filter((s) => s.length > 40) };
}

const pick = <T>(items: readonly T[], next: () => number): T =>
  items[Math.floor(next() * items.length)] as T;

/** A made-up method name, so the vocabulary grows with the corpus like real titles do. */
function acronym(next: () => number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let word = '';
  for (let i = 0; i < 3 + Math.floor(next() * 4); i += 1) word += pick([...letters], next);
  return `${word}-${1 + Math.floor(next() * 70)}B`;
}

/** `count` distinct documents built from fixture titles and abstract sentences. */
export function syntheticDocs(count: number, seed = 1): SearchDocument[] {
  const { titles, sentences } = fixturePairs();
  const next = random(seed);
  const docs: SearchDocument[] = [];
  for (let i = 0; i < count; i += 1) {
    const base = pick(titles, next);
    let abstract = '';
    while (abstract.length < 1400) abstract += `${pick(sentences, next)} `;
    const tags = TAGS.filter(() => next() < 0.15);
    docs.push({
      id: `doc-${i}`,
      title: `${acronym(next)}: ${base} ${i}`,
      abstract: abstract.trim(),
      organization: next() < 0.3 ? pick(ORGS, next) : null,
      tags,
      note: next() < 0.1 ? `Remember: ${pick(sentences, next)}` : '',
      status: pick(STATUSES, next),
      year: next() < 0.9 ? 2019 + Math.floor(next() * 7) : null,
    });
  }
  return docs;
}

/** A plausible typo: swap two inner letters or drop one. */
function typo(word: string, next: () => number): string {
  const at = 1 + Math.floor(next() * (word.length - 3));
  if (next() < 0.5) return word.slice(0, at) + word.slice(at + 1);
  return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
}

/** At least 200 realistic queries: words, pairs, typos, prefixes and filters. */
export function benchQueries(docs: readonly SearchDocument[], seed = 7): string[] {
  const next = random(seed);
  const words = (d: SearchDocument) =>
    d.title.split(/[^A-Za-z]+/).filter((w) => w.length >= 5 && !/^[A-Z]+$/.test(w));
  const randomWord = () => pick(words(pick(docs, next)), next) ?? 'attention';
  const queries = ['atention', 'transfromer', 'quant', 'tag:ml year:2024 sparse'];
  queries.push('sparse atention', 'finetune lora', 'status:queued org:google neural');
  for (let i = 0; i < 60; i += 1) queries.push(randomWord().toLowerCase());
  for (let i = 0; i < 60; i += 1) queries.push(`${randomWord()} ${randomWord()}`.toLowerCase());
  for (let i = 0; i < 40; i += 1) queries.push(typo(randomWord().toLowerCase(), next));
  for (let i = 0; i < 30; i += 1)
    queries.push(
      randomWord()
        .toLowerCase()
        .slice(0, 3 + (i % 3)),
    );
  for (let i = 0; i < 20; i += 1) {
    const tag = pick(TAGS, next);
    const filter = tag.includes(' ') ? `tag:"${tag}"` : `tag:${tag}`;
    queries.push(`${filter} year:${2019 + (i % 7)} ${randomWord().toLowerCase()}`);
  }
  return queries;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function timeQueries(engine: SearchEngine, queries: readonly string[]): number[] {
  for (const query of queries.slice(0, 30)) engine.search({ text: query, limit: 50 });
  const times: number[] = [];
  for (const query of queries) {
    const started = performance.now();
    engine.search({ text: query, limit: 50 });
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

const gc = collector();

/** Heap in use, in MB, after a full GC. */
function heapMb(): number {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function benchSize(docs: readonly SearchDocument[]): void {
  const heapBefore = heapMb();
  const engine = new SearchEngine();
  const started = performance.now();
  engine.replaceAll(docs);
  const buildMs = performance.now() - started;
  const heapAfter = heapMb();
  const queries = benchQueries(docs);
  const times = timeQueries(engine, queries);
  const fmt = (ms: number) => ms.toFixed(1).padStart(6);
  console.log(
    `${String(docs.length).padStart(6)} docs: build ${fmt(buildMs)} ms | ${queries.length} queries ` +
      `p50 ${fmt(percentile(times, 50))} ms  p95 ${fmt(percentile(times, 95))} ms  ` +
      `max ${fmt(times[times.length - 1] ?? NaN)} ms | heap used ${heapAfter.toFixed(0)} MB ` +
      `(index ≈ ${(heapAfter - heapBefore).toFixed(0)} MB over the documents)`,
  );
}

/** Prints build time and latency percentiles for 10k and 50k, in Node. */
export async function run(): Promise<void> {
  const docs50k = syntheticDocs(50_000);
  const docs10k = docs50k.slice(0, 10_000);
  benchSize(docs10k);
  benchSize(docs50k);
}
