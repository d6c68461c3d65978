/**
 * "For you" benchmark: ranking quality for simulated users and latency at 50k papers, measured
 * in Node on the same code the recommend worker runs (src/shared/recommend), without the
 * worker's message passing.
 *
 * Quality: the papers of the sample dumps (or `--dumps DIR`), in listing order. Each profile is a
 * set of topic keywords; the simulated user wants a paper when a keyword is in its title or twice
 * in its abstract. The user triages the first 30 papers (queue or dismiss); the model trained on
 * those ranks the remaining papers, scored by ROC-AUC and precision@10 against the base rate
 * (precision@10 of the listing order is printed beside it).
 *
 * Latency: 50k papers generated from the sample texts, 5,000 of them triaged and 2,500 tagged:
 * retrain + rank after one more triage decision, similar papers, tag suggestions (medians).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDump } from '../../src/main/core/parser';
import type { ParsedPaper } from '../../src/shared/paper';
import { Recommender } from '../../src/shared/recommend/recommender';
import type { RecommendDocument } from '../../src/shared/recommend/types';
import { atLeast, atMost, type BenchContext } from './figures';
import { seededRandom } from '../../src/shared/recommend/seeded-random';

export const title = 'recommend: For-you ranking quality and latency (Node, worker code)';

const FIXTURES = join(import.meta.dirname, '..', '..', 'tests', 'fixtures');
const REFERENCE = new Date('2025-06-01T00:00:00Z');
const TRAINING_DECISIONS = 30;

/** Interest profiles of the simulated users: keyword stems (matched at a word start). */
const PROFILES: Readonly<Record<string, readonly string[]>> = {
  llm_efficiency: ['quantiz', 'pruning', 'sparsit', 'low-bit', 'kv cache', 'inference', 'efficien'],
  multimodal_vision: [
    'multimodal',
    'vision-language',
    'visual',
    'image',
    'video',
    '3d',
    'diffusion',
  ],
  evaluation: ['benchmark', 'dataset', 'evaluation', 'reasoning', 'math'],
  generation_3d_video: ['diffusion', 'text-to-image', 'video', '3d', 'gaussian splatting'],
};

/** Distinct papers of every dump in `folder`, in file order then listing order. */
function listingPapers(folder: string): ParsedPaper[] {
  const seen = new Set<string>();
  const papers: ParsedPaper[] = [];
  const files = readdirSync(folder)
    .sort()
    .filter((name) => statSync(join(folder, name)).isFile());
  for (const name of files) {
    const result = parseDump(new Uint8Array(readFileSync(join(folder, name))), {
      referenceDate: REFERENCE,
    });
    for (const paper of result.papers) {
      if (seen.has(paper.id)) continue;
      seen.add(paper.id);
      papers.push(paper);
    }
  }
  return papers;
}

function occurrences(text: string, keyword: string): number {
  const escaped = keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.match(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}`, 'giu'))?.length ?? 0;
}

/** Whether the simulated user with `keywords` wants `paper`. */
function wants(paper: ParsedPaper, keywords: readonly string[]): boolean {
  return keywords.some(
    (k) => occurrences(paper.title, k) > 0 || occurrences(paper.abstract, k) >= 2,
  );
}

function toDocument(paper: ParsedPaper): RecommendDocument {
  const { id, title, abstract, organization } = paper;
  return { id, title, abstract, organization, status: 'inbox', tags: [] };
}

/** ROC-AUC of `scores` against `labels` (ties count half). */
export function rocAuc(scores: readonly number[], labels: readonly boolean[]): number {
  const order = scores.map((score, i) => ({ score, label: labels[i] === true }));
  order.sort((a, b) => a.score - b.score);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && order[j]?.score === order[i]?.score) j += 1;
    const averageRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k += 1)
      if (order[k]?.label) {
        rankSum += averageRank;
        positives += 1;
      }
    i = j;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

function precisionAt(labels: readonly boolean[], k: number): number {
  const top = labels.slice(0, k);
  return top.filter(Boolean).length / Math.max(1, top.length);
}

function quality(context: BenchContext, papers: readonly ParsedPaper[]): void {
  console.log(
    `${papers.length} papers from ${context.dumpsDir ?? 'the sample dumps'}; the first ` +
      `${TRAINING_DECISIONS} are triaged, the other ${papers.length - TRAINING_DECISIONS} ranked`,
  );
  for (const [name, keywords] of Object.entries(PROFILES)) {
    const labels = papers.map((paper) => wants(paper, keywords));
    const recommender = new Recommender();
    recommender.replaceAll(
      papers.map((paper, i) => ({
        ...toDocument(paper),
        status: i < TRAINING_DECISIONS ? (labels[i] ? 'queued' : 'dismissed') : 'inbox',
      })),
    );
    const ranked = recommender.rank();
    const rest = papers.slice(TRAINING_DECISIONS);
    const restLabels = labels.slice(TRAINING_DECISIONS);
    const baseRate = restLabels.filter(Boolean).length / Math.max(1, restLabels.length);
    if (!ranked.ready) {
      console.log(
        `  ${name}: too few signals in the first ${TRAINING_DECISIONS} decisions ` +
          `(${ranked.positive} wanted, ${ranked.negative} dismissed); not ranked`,
      );
      continue;
    }
    const scoreOf = new Map(ranked.ids.map((id, i) => [id, ranked.scores[i] ?? 0]));
    const scores = rest.map((paper) => scoreOf.get(paper.id) ?? 0);
    const byScore = rest
      .map((_, i) => i)
      .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b)
      .map((i) => restLabels[i] === true);
    console.log(
      `  ${name} (${keywords.join(', ')}): base rate ${baseRate.toFixed(3)}, ` +
        `listing-order precision@10 ${precisionAt(restLabels, 10).toFixed(2)}`,
    );
    context.record(`for_you_auc_${name}`, rocAuc(scores, restLabels), 'auc', atLeast(0.85));
    context.record(
      `for_you_precision_at_10_${name}`,
      precisionAt(byScore, 10),
      'ratio',
      atLeast(Math.min(1, 2 * baseRate)),
    );
  }
}

/** `count` papers recombined from the sample texts: a made-up name, a title, 6+ sentences. */
function generatedDocuments(samples: readonly ParsedPaper[], count: number): RecommendDocument[] {
  const next = seededRandom(11);
  const sentences = samples.flatMap((paper) =>
    paper.abstract.split(/(?<=\.)\s+/).filter((s) => s.length > 40),
  );
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const tags = ['agents', 'vision', 'efficiency', 'theory', 'to read', 'llm', 'rl', 'data'];
  const orgs = ['OpenBMB', 'Google', 'Meta AI', 'Microsoft', 'Tsinghua University', null, null];
  return Array.from({ length: count }, (_, i) => {
    let abstract = '';
    while (abstract.length < 1200) abstract += `${pick(sentences)} `;
    const name = Array.from({ length: 4 }, () => pick([...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'])).join('');
    const roll = next();
    return {
      id: `gen-${i}`,
      title: `${name}: ${pick(samples).title}`,
      abstract: abstract.trim(),
      organization: pick(orgs),
      status: roll < 0.04 ? 'queued' : roll < 0.1 ? 'dismissed' : roll < 0.11 ? 'read' : 'inbox',
      tags: next() < 0.05 ? [pick(tags)] : [],
    };
  });
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function latency(context: BenchContext, samples: readonly ParsedPaper[]): void {
  const docs = generatedDocuments(samples, 50_000);
  const recommender = new Recommender();
  let started = performance.now();
  recommender.replaceAll(docs);
  recommender.rank();
  context.record('build_and_first_rank_50k_ms', performance.now() - started, 'ms');
  const next = seededRandom(5);
  const retrain: number[] = [];
  for (let round = 0; round < 7; round += 1) {
    const doc = docs[Math.floor(next() * docs.length)] as RecommendDocument;
    started = performance.now();
    recommender.upsert([{ ...doc, status: round % 2 === 0 ? 'queued' : 'dismissed' }]);
    const result = recommender.rank();
    retrain.push(performance.now() - started);
    if (!result.ready) throw new Error('the generated library has too few signals');
  }
  context.record('retrain_and_rank_50k_ms', median(retrain), 'ms', atMost(300));
  const ids = Array.from(
    { length: 41 },
    () => (docs[Math.floor(next() * docs.length)] as RecommendDocument).id,
  );
  const similar = ids.map((id) => {
    started = performance.now();
    recommender.similar(id, 10);
    return performance.now() - started;
  });
  context.record('similar_50k_ms', median(similar), 'ms', atMost(20));
  const tagged = docs.find((doc) => doc.tags.length > 0) as RecommendDocument;
  recommender.upsert([{ ...tagged, tags: [...tagged.tags, 'new tag'] }]);
  started = performance.now();
  recommender.suggestTags(ids[0] as string, 3);
  context.record('suggest_tags_after_tag_change_50k_ms', performance.now() - started, 'ms');
  const suggest = ids.map((id) => {
    started = performance.now();
    recommender.suggestTags(id, 3);
    return performance.now() - started;
  });
  context.record('suggest_tags_50k_ms', median(suggest), 'ms', atMost(20));
}

/** Quality on the dumps (or samples), then latency on 50k generated papers. */
export async function run(context: BenchContext): Promise<void> {
  const samples = listingPapers(FIXTURES);
  quality(context, context.dumpsDir === null ? samples : listingPapers(context.dumpsDir));
  latency(context, samples);
}
