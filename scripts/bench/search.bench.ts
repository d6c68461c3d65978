/**
 * Search benchmark (engine in Node): index build time and query latency per query class of the
 * app's search engine (src/shared/search) at 10k and 50k papers, beside a MiniSearch baseline on
 * the same documents and queries at 10k (at 50k MiniSearch's prefix and fuzzy queries take
 * seconds each, which would make the run far too long). The corpus is generated (titles and abstract sentences
 * recombined from the sample dumps, with some non-ASCII titles), or the papers of `--dumps DIR`.
 * Query classes: pasted titles, one-letter prefixes, stop words and symbols, 2–4 words with
 * typos, non-ASCII. The index build is timed in Node here, not in the app's worker.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { parseDump } from '../../src/main/core/parser/index';
import { SearchEngine } from '../../src/shared/search/search-engine';
import { SEARCH_STATUSES } from '../../src/shared/search/search-types';
import type { SearchDocument } from '../../src/shared/search/search-types';
import { atMost, type BenchContext } from './figures';
import { collector } from './gc';
import { seededRandom } from '../../src/shared/recommend/seeded-random';

export const title = 'search: engine latency per query class, index build, MiniSearch baseline';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'fixtures');
const TAGS = ['ml', 'nlp', 'vision', 'deep learning', 'efficiency', 'theory', 'to read', 'llm'];
const ORGS = ['OpenBMB', 'Google', 'Meta AI', 'Microsoft', 'Tsinghua University', 'ETH Zürich'];
/** Non-ASCII title parts, and queries that must find them (folded, decomposed, CJK words). */
const NON_ASCII_PARTS = [
  'Naïve Bayes',
  'Résumé Parsing',
  'Zürich Robotics',
  '深度学习模型',
  '大規模言語モデルの評価',
  'Ｔｒａｎｓｆｏｒｍｅｒ Ｓｃａｌｉｎｇ',
  'ﬁne-tuning Łódź',
  'Straße Æsir',
];
const NON_ASCII_QUERIES = [
  'naive bayes',
  'Naïve',
  'resume parsing',
  'Re\u0301sume\u0301',
  'zurich',
  '深度学习',
  '学习模型',
  '言語モデル',
  'transformer scaling',
  'ｔｒａｎｓｆｏｒｍｅｒ',
  'fine-tuning lodz',
  'strasse',
  'æsir',
];
const STOP_QUERIES = ['the', 'a', 'of the', 'how to', 'c++', 'c#', 'x', 'is it', 'and', 'we'];
const QUERIES_PER_CLASS = 40;
const TARGET_MS: Record<number, number> = { 10_000: 10, 50_000: 25 };

const pick = <T>(items: readonly T[], next: () => number): T =>
  items[Math.floor(next() * items.length)] as T;

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

/** A made-up method name, so the vocabulary grows with the corpus like real titles do. */
function acronym(next: () => number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let word = '';
  for (let i = 0; i < 3 + Math.floor(next() * 4); i += 1) word += pick([...letters], next);
  return `${word}-${1 + Math.floor(next() * 70)}B`;
}

/** `count` distinct documents built from fixture titles and abstract sentences. */
function syntheticDocs(count: number, seed = 1): SearchDocument[] {
  const { titles, sentences } = fixturePairs();
  const next = seededRandom(seed);
  const docs: SearchDocument[] = [];
  for (let i = 0; i < count; i += 1) {
    const base = pick(titles, next);
    let abstract = '';
    while (abstract.length < 1400) abstract += `${pick(sentences, next)} `;
    const extra = next() < 0.05 ? ` ${pick(NON_ASCII_PARTS, next)}` : '';
    docs.push({
      id: `doc-${i}`,
      title: `${acronym(next)}: ${base}${extra} ${i}`,
      abstract: abstract.trim(),
      organization: next() < 0.3 ? pick(ORGS, next) : null,
      tags: TAGS.filter(() => next() < 0.15),
      note: next() < 0.1 ? `Remember: ${pick(sentences, next)}` : '',
      status: pick(SEARCH_STATUSES, next),
      year: next() < 0.9 ? 2019 + Math.floor(next() * 7) : null,
    });
  }
  return docs;
}

/** The papers of the dumps in `folder` (each id once), as search documents. */
function dumpDocs(folder: string): SearchDocument[] {
  const docs = new Map<string, SearchDocument>();
  for (const name of readdirSync(folder).sort()) {
    const bytes = readFileSync(join(folder, name));
    const result = parseDump(bytes, { referenceDate: new Date() });
    for (const paper of result.papers) {
      if (docs.has(paper.id)) continue;
      const year = paper.published === null ? null : Number(paper.published.slice(0, 4));
      docs.set(paper.id, {
        id: paper.id,
        title: paper.title,
        abstract: paper.abstract,
        organization: paper.organization,
        tags: [],
        note: '',
        status: 'inbox',
        year,
      });
    }
  }
  return [...docs.values()];
}

/** A plausible typo: drop or swap an inner letter of words of five letters or more. */
function typo(word: string, next: () => number): string {
  if (word.length < 5) return word;
  const at = 1 + Math.floor(next() * (word.length - 3));
  if (next() < 0.5) return word.slice(0, at) + word.slice(at + 1);
  return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
}

/** Query classes over `docs`, each `QUERIES_PER_CLASS` long. */
function queryClasses(docs: readonly SearchDocument[], seed = 7): Record<string, string[]> {
  const next = seededRandom(seed);
  const words = (doc: SearchDocument) =>
    doc.title.split(/[^A-Za-z]+/).filter((w) => w.length >= 4 && !/^[A-Z]+$/.test(w));
  const take = <T>(make: (i: number) => T) =>
    Array.from({ length: QUERIES_PER_CLASS }, (_, i) => make(i));
  return {
    pasted_title: take(() => pick(docs, next).title),
    one_letter: take((i) => 'abcdefghijklmnopqrstuvwxyz'[i % 26] ?? 'a'),
    stop_words: take((i) => STOP_QUERIES[i % STOP_QUERIES.length] ?? 'the'),
    typo_words: take((i) => {
      const doc = pick(docs, next);
      const pool = words(doc);
      const count = Math.min(pool.length, 2 + (i % 3));
      return Array.from({ length: Math.max(1, count) }, (_, j) =>
        j === 0
          ? typo((pool[j] ?? 'attention').toLowerCase(), next)
          : (pool[j] ?? '').toLowerCase(),
      ).join(' ');
    }),
    non_ascii: take((i) => NON_ASCII_QUERIES[i % NON_ASCII_QUERIES.length] ?? 'naive'),
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Sorted latencies (ms) of running every query once, after one warm-up pass. */
function timeAll(run: (query: string) => unknown, queries: readonly string[]): number[] {
  for (const query of queries) run(query);
  const times = queries.map((query) => {
    const started = performance.now();
    run(query);
    return performance.now() - started;
  });
  return times.sort((a, b) => a - b);
}

/** A MiniSearch index configured as close to ours as it allows (AND, prefix, fuzzy, boosts). */
function miniSearchOf(docs: readonly SearchDocument[]): MiniSearch<SearchDocument> {
  const mini = new MiniSearch<SearchDocument>({
    fields: ['title', 'abstract', 'note'],
    extractField: (doc, field) => String(doc[field as keyof SearchDocument] ?? ''),
    searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND', boost: { title: 4 } },
  });
  mini.addAll([...docs]);
  return mini;
}

const gc = collector();

/** MiniSearch queries per class: it needs ~0.2 s a query at 10k and seconds at 50k. */
const MINI_QUERIES_PER_CLASS = 20;

/**
 * Builds our index over `docs` and records latency per class (label: 10k, 50k or dumps); with
 * `baseline`, does the same for MiniSearch (on the first 20 queries of each class) and records
 * the ratio of the two p95s.
 */
function benchCorpus(
  context: BenchContext,
  docs: readonly SearchDocument[],
  label: string,
  baseline: boolean,
): void {
  gc();
  const engine = new SearchEngine();
  let started = performance.now();
  engine.replaceAll(docs);
  const buildMs = performance.now() - started;
  context.record(
    `index_build_${label}_node`,
    buildMs,
    'ms',
    label === '50k' ? atMost(3000) : undefined,
  );
  started = performance.now();
  const mini = baseline ? miniSearchOf(docs) : null;
  if (mini !== null) context.record(`minisearch_build_${label}`, performance.now() - started, 'ms');
  const target = TARGET_MS[docs.length];
  const ours: number[] = [];
  const theirs: number[] = [];
  for (const [name, queries] of Object.entries(queryClasses(docs))) {
    const times = timeAll((text) => engine.search({ text, limit: 50 }), queries);
    ours.push(...times);
    context.record(
      `engine_p95_${name}_${label}`,
      percentile(times, 95),
      'ms',
      target === undefined ? undefined : atMost(target),
    );
    if (mini === null) continue;
    const sample = queries.slice(0, MINI_QUERIES_PER_CLASS);
    const miniTimes = timeAll((text) => mini.search(text).slice(0, 50), sample);
    theirs.push(...miniTimes);
    context.record(`minisearch_p95_${name}_${label}`, percentile(miniTimes, 95), 'ms');
  }
  ours.sort((a, b) => a - b);
  theirs.sort((a, b) => a - b);
  const ourP95 = percentile(ours, 95);
  context.record(
    `engine_p95_all_${label}`,
    ourP95,
    'ms',
    target === undefined ? undefined : atMost(target),
  );
  if (mini === null) return;
  context.record(`minisearch_p95_all_${label}`, percentile(theirs, 95), 'ms');
  context.record(
    `ratio_minisearch_to_engine_p95_${label}`,
    percentile(theirs, 95) / Math.max(ourP95, 0.001),
    'x',
  );
}

/** Generated corpus at 10k and 50k, or the papers of `--dumps DIR` at their own size. */
export function run(context: BenchContext): Promise<void> {
  if (context.dumpsDir !== null) {
    const docs = dumpDocs(context.dumpsDir);
    console.log(`${docs.length} papers parsed from ${context.dumpsDir}`);
    benchCorpus(context, docs, 'dumps', true);
    return Promise.resolve();
  }
  const docs = syntheticDocs(50_000);
  benchCorpus(context, docs.slice(0, 10_000), '10k', true);
  benchCorpus(context, docs, '50k', false);
  return Promise.resolve();
}
