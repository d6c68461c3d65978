import { describe, expect, it } from 'vitest';
import { Recommender } from '../../../src/shared/recommend/recommender';
import type { RecommendDocument, RecommendStatus } from '../../../src/shared/recommend/types';

const GRAPH = [
  'Graph neural networks for molecules',
  'Message passing on graph neural networks',
  'Scalable graph transformers',
  'Graph neural networks meet knowledge graphs',
  'Oversmoothing in deep graph networks',
  'Graph pooling with neural attention',
];
const PROTEIN = [
  'Protein folding with diffusion',
  'Protein structure prediction at scale',
  'Folding proteins in the cloud',
  'Protein language models for enzymes',
  'Antibody design by protein folding',
  'Protein docking benchmarks',
];

function doc(
  id: string,
  title: string,
  status: RecommendStatus = 'inbox',
  tags: string[] = [],
): RecommendDocument {
  return {
    id,
    title,
    abstract: `${title}. An abstract about ${title}.`,
    organization: null,
    status,
    tags,
  };
}

/** Five wanted graph papers, five dismissed protein papers, one unlabelled of each. */
function trainedLibrary(): Recommender {
  const recommender = new Recommender();
  recommender.replaceAll([
    ...GRAPH.slice(0, 5).map((title, i) => doc(`g${i}`, title, i % 2 === 0 ? 'queued' : 'read')),
    ...PROTEIN.slice(0, 5).map((title, i) => doc(`p${i}`, title, 'dismissed')),
    doc('g-new', GRAPH[5] as string),
    doc('p-new', PROTEIN[5] as string),
  ]);
  return recommender;
}

function scoresOf(recommender: Recommender): Map<string, number> {
  const result = recommender.rank();
  if (!result.ready) throw new Error('not ready');
  return new Map(result.ids.map((id, i) => [id, result.scores[i] ?? 0]));
}

describe('Recommender', () => {
  it('needs 5 wanted and 5 dismissed papers and says how many are missing', () => {
    const recommender = new Recommender();
    recommender.replaceAll([
      ...GRAPH.slice(0, 4).map((title, i) => doc(`g${i}`, title, 'queued')),
      ...PROTEIN.slice(0, 5).map((title, i) => doc(`p${i}`, title, 'dismissed')),
    ]);
    expect(recommender.rank()).toEqual({
      ready: false,
      positive: 4,
      negative: 5,
      needPositive: 1,
      needNegative: 0,
    });
    expect(recommender.explain('g0')).toEqual([]);
    recommender.upsert([doc('g4', GRAPH[4] as string, 'inbox', ['graphs'])]);
    expect(recommender.rank().ready).toBe(true);
  });

  it('counts a tagged paper as wanted but a dismissed tagged one as not', () => {
    const recommender = new Recommender();
    recommender.replaceAll([
      doc('a', 'One', 'inbox', ['x']),
      doc('b', 'Two', 'dismissed', ['x']),
      doc('c', 'Three', 'reading'),
      doc('d', 'Four'),
    ]);
    expect(recommender.signals()).toMatchObject({ positive: 2, negative: 1 });
  });

  it('ranks an unseen paper like the wanted ones above one like the dismissed ones', () => {
    const scores = scoresOf(trainedLibrary());
    expect(scores.get('g-new')).toBeGreaterThan(0.5);
    expect(scores.get('p-new')).toBeLessThan(0.5);
    expect(scores.get('g-new')).toBeGreaterThan(scores.get('p-new') as number);
  });

  it('explains a rank with the terms that pushed it up, the same in rank and explain', () => {
    const recommender = trainedLibrary();
    const result = recommender.rank();
    if (!result.ready) throw new Error('not ready');
    const slot = result.ids.indexOf('g-new');
    const why = [...result.why.slice(slot * 3, slot * 3 + 3)]
      .filter((at) => at >= 0)
      .map((at) => result.terms[at]);
    expect(why).toContain('graph');
    expect(why).not.toContain('protein');
    expect(recommender.explain('g-new')).toEqual(why);
  });

  it('retrains when a signal changes', () => {
    const recommender = trainedLibrary();
    const before = scoresOf(recommender).get('p-new') as number;
    recommender.upsert(PROTEIN.slice(0, 5).map((title, i) => doc(`p${i}`, title, 'queued')));
    recommender.upsert(GRAPH.slice(0, 5).map((title, i) => doc(`g${i}`, title, 'dismissed')));
    const after = scoresOf(recommender);
    expect(after.get('p-new')).toBeGreaterThan(before);
    expect(after.get('p-new')).toBeGreaterThan(after.get('g-new') as number);
  });

  it('finds the most similar papers, best first, never the paper itself', () => {
    const recommender = trainedLibrary();
    recommender.upsert([doc('twin', 'Graph neural networks for molecules and crystals')]);
    const similar = recommender.similar('g0', 10);
    expect(similar[0]?.id).toBe('twin');
    expect(similar.map((s) => s.id)).not.toContain('g0');
    expect(similar.length).toBeLessThanOrEqual(10);
    const scores = similar.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // The five other graph papers and the twin come before any protein paper.
    expect(similar.slice(0, 6).every((s) => s.id.startsWith('g') || s.id === 'twin')).toBe(true);
    expect(recommender.similar('g0', 2)).toHaveLength(2);
    expect(recommender.similar('missing')).toEqual([]);
  });

  it('suggests the tags whose papers the paper resembles, not those it has', () => {
    const recommender = new Recommender();
    recommender.replaceAll([
      ...GRAPH.slice(0, 3).map((title, i) => doc(`g${i}`, title, 'inbox', ['graphs'])),
      ...PROTEIN.slice(0, 3).map((title, i) => doc(`p${i}`, title, 'inbox', ['biology'])),
      doc('g-new', GRAPH[5] as string),
      doc('g-tagged', GRAPH[4] as string, 'inbox', ['graphs']),
      doc('unrelated', 'Quantum error correction codes'),
    ]);
    expect(recommender.suggestTags('g-new').map((s) => s.tag)).toEqual(['graphs']);
    expect(recommender.suggestTags('g-tagged').map((s) => s.tag)).not.toContain('graphs');
    expect(recommender.suggestTags('unrelated')).toEqual([]);
    recommender.upsert([doc('p-new', PROTEIN[5] as string, 'inbox', ['misc'])]);
    expect(recommender.suggestTags('p-new')[0]?.tag).toBe('biology');
  });

  it('forgets removed papers', () => {
    const recommender = trainedLibrary();
    recommender.remove(['g-new', 'nope']);
    expect(recommender.size).toBe(11);
    expect(recommender.similar('g0').map((s) => s.id)).not.toContain('g-new');
    const result = recommender.rank();
    expect(result.ready && result.ids.includes('g-new')).toBe(false);
  });
});
