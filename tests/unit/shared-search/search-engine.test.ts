import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../../src/shared/search/search-engine';
import type {
  SearchDocument,
  SearchHit,
  SearchQuery,
  SearchStatus,
} from '../../../src/shared/search/search-types';

const ids = (hits: readonly SearchHit[]) => hits.map((hit) => hit.id);

/** A document with neutral user fields. */
function paper(id: string, title: string, extra: Partial<SearchDocument> = {}): SearchDocument {
  return {
    id,
    title,
    abstract: '',
    organization: null,
    tags: [],
    note: '',
    status: 'inbox',
    year: 2024,
    ...extra,
  };
}

function engineOf(docs: readonly SearchDocument[]): SearchEngine {
  const engine = new SearchEngine();
  engine.replaceAll(docs);
  return engine;
}

/** Every id of a query, paging 37 at a time (an odd page size on purpose). */
function allIds(engine: SearchEngine, query: Omit<SearchQuery, 'offset' | 'limit'>): string[] {
  const out: string[] = [];
  for (let offset = 0; ; offset += 37) {
    const page = engine.search({ ...query, offset, limit: 37 });
    out.push(...ids(page.hits));
    if (offset + 37 >= page.total) return out;
  }
}

describe('views and paging inside the engine', () => {
  const docs: SearchDocument[] = [];
  for (let i = 0; i < 400; i += 1) {
    docs.push(paper(`in${i}`, `Strong diffusion policy ${i}`, { abstract: 'diffusion policy' }));
  }
  for (let i = 0; i < 10; i += 1) {
    docs.push(
      paper(`rd${i}`, `Reading notes ${i}`, { abstract: 'a diffusion aside', status: 'read' }),
    );
  }
  for (let i = 0; i < 300; i += 1) {
    docs.push(paper(`q${i}`, `Queued diffusion ${i}`, { status: 'queued', tagIds: ['t1'] }));
  }
  const engine = engineOf(docs);

  it('finds the 10 read matches behind 400 stronger inbox matches', () => {
    const result = engine.search({ text: 'diffusion', view: 'read', limit: 50 });
    expect(result.total).toBe(10);
    expect(ids(result.hits).sort()).toEqual(
      docs
        .slice(400, 410)
        .map((d) => d.id)
        .sort(),
    );
  });

  it('counts exactly and reaches every one of 300 matches in a view by paging', () => {
    const result = engine.search({ text: 'diffusion', view: 'queued', limit: 10 });
    expect(result.total).toBe(300);
    const paged = allIds(engine, { text: 'diffusion', view: 'queued' });
    expect(new Set(paged).size).toBe(300);
    expect(paged.every((id) => id.startsWith('q'))).toBe(true);
    expect(allIds(engine, { text: 'diffusion', view: { tagId: 't1' } })).toHaveLength(300);
    expect(engine.search({ text: 'diffusion', view: 'all', limit: 0 }).total).toBe(710);
  });

  it('sorts by title or year when asked, full matches first', () => {
    const titles = engine
      .search({ text: 'diffusion', view: 'read', sort: 'title', limit: 3 })
      .hits.map((hit) => hit.id);
    expect(titles).toEqual(['rd0', 'rd1', 'rd2']);
  });
});

describe('ranking', () => {
  const engine = engineOf([
    paper('abstract', 'Planning with world models', { abstract: 'We study protein folding.' }),
    paper('title', 'Protein folding at scale'),
    paper('exact', 'Protein Folding'),
    paper('tagged', 'Structure prediction', { tags: ['protein folding'] }),
    paper('rl', 'Reinforcement learning for reasoning'),
    paper('rl2', 'Reinforcement learning of robots', { abstract: 'reasoning is not here' }),
    paper('rl3', 'Reinforcement of beliefs'),
  ]);

  it('puts the exact title first, then title and tag hits, then abstract hits', () => {
    const hits = ids(engine.search({ text: 'protein folding' }).hits);
    expect(hits[0]).toBe('exact');
    expect(hits.indexOf('title')).toBeLessThan(hits.indexOf('abstract'));
    expect(hits.indexOf('tagged')).toBeLessThan(hits.indexOf('abstract'));
  });

  it('requires every word (within the typo budget) and marks docs missing one as partial', () => {
    const result = engine.search({ text: 'reinforcement lerning reasoning' });
    expect(ids(result.hits).slice(0, 2).sort()).toEqual(['rl', 'rl2']);
    expect(result.hits.slice(0, 2).every((hit) => !hit.partial)).toBe(true);
    expect(ids(result.hits)).not.toContain('rl3');
    const partial = engine.search({ text: 'reinforcement learning reasoning robots' });
    expect(partial.hits.filter((hit) => hit.partial).map((hit) => hit.id)).toEqual(['rl']);
    expect(partial.partialTotal).toBe(1);
  });

  it('returns nothing when a word matches nothing', () => {
    expect(engine.search({ text: 'zzqxv folding' }).total).toBe(0);
  });
});

describe('stop words and symbols', () => {
  const engine = engineOf([
    paper('cpp', 'Modern C++ templates'),
    paper('cs', 'A C# compiler'),
    paper('howto', 'How to train your model'),
    paper('the', 'The bitter lesson'),
    paper('x', 'Scaling x'),
    paper('cnn', 'CNN features', { abstract: 'the a c++ how to' }),
  ]);

  it('searches stop words and symbols literally in titles, never everything', () => {
    expect(ids(engine.search({ text: 'c++' }).hits)).toEqual(['cpp']);
    expect(ids(engine.search({ text: 'c#' }).hits)).toEqual(['cs']);
    expect(ids(engine.search({ text: 'how to' }).hits)).toEqual(['howto']);
    expect(ids(engine.search({ text: 'the' }).hits)).toEqual(['the']);
    expect(ids(engine.search({ text: 'x' }).hits)).toEqual(['x']);
    expect(ids(engine.search({ text: 'a' }).hits)).toEqual(['cs']);
  });

  it('highlights the literal in the title', () => {
    const hit = engine.search({ text: 'c++' }).hits[0];
    expect(hit?.highlights).toEqual([{ field: 'title', ranges: [[7, 10]] }]);
  });
});

describe('text folding, scripts and versions', () => {
  const engine = engineOf([
    paper('naive', 'Naïve Bayes revisited'),
    paper('nfd', 'Re\u0301sume\u0301 parsing'),
    paper('cjk', '基于深度学习的图像识别方法'),
    paper('wide', 'Ｅｆﬁcient Ｔｒａｎｓｆｏｒｍｅｒｓ'),
    paper('gpt4', 'Evaluating GPT-4 on exams'),
    paper('gpt3', 'GPT-3 with 4 heads'),
    paper('llama', 'Llama-3.1 technical report'),
    paper('news', 'Daily news digest'),
    paper('new', 'A new model'),
  ]);
  const find = (text: string) => ids(engine.search({ text: `${text} ` }).hits);

  it('folds diacritics, ligatures and fullwidth letters', () => {
    expect(find('naive')).toEqual(['naive']);
    expect(find('resume')).toEqual(['nfd']);
    expect(find('efficient transformers')).toEqual(['wide']);
  });

  it('finds a CJK word inside a title', () => {
    expect(find('深度学习')).toEqual(['cjk']);
    expect(find('图像')).toEqual(['cjk']);
  });

  it('matches versioned names whole, not by their digits', () => {
    expect(find('gpt-4')).toEqual(['gpt4']);
    expect(find('llama-3.1')).toEqual(['llama']);
    expect(find('gpt').sort()).toEqual(['gpt3', 'gpt4']);
  });

  it('keeps "news" apart from "new"', () => {
    expect(find('news')).toEqual(['news']);
    expect(find('new')).toEqual(['new']);
  });
});

describe('filters, exclusions and problems', () => {
  const engine = engineOf([
    paper('a', 'Graph networks', { note: 'read later', tags: ['GNN'], year: 2023 }),
    paper('b', 'Graph kernels', { year: 2025, organization: 'ETH Zürich' }),
    paper('c', 'Graph video models', { year: 2021, status: 'dismissed' as SearchStatus }),
  ]);
  const find = (text: string) => ids(engine.search({ text }).hits).sort();

  it('applies is:, year ranges, org (folded) and exclusions', () => {
    expect(find('graph is:noted')).toEqual(['a']);
    expect(find('graph is:tagged')).toEqual(['a']);
    expect(find('graph year:2023..2025')).toEqual(['a', 'b']);
    expect(find('org:zurich')).toEqual(['b']);
    expect(find('graph -video')).toEqual(['a', 'b']);
    expect(find('graph -"video models"')).toEqual(['a', 'b']);
    expect(find('tag:gnn')).toEqual(['a']);
    expect(find('status:dismissed')).toEqual(['c']);
  });

  it('reports an invalid status instead of searching it, with a suggestion', () => {
    const result = engine.search({ text: 'graph status:maybe' });
    expect(result.problems.map((p) => p.suggestion)).toEqual(['graph status:queued']);
    expect(result.total).toBe(3);
  });

  it('reports a tag no paper has, suggesting the closest one', () => {
    const result = engine.search({ text: 'tag:gnm graph' });
    expect(result.total).toBe(0);
    expect(result.problems[0]?.suggestion).toBe('tag:gnn graph');
  });
});

describe('snippets', () => {
  const engine = engineOf([
    paper('p', 'Planning with world models', {
      abstract: `${'Background sentence. '.repeat(20)}We propose Zephyr, a planner.`,
    }),
  ]);

  it('cuts a one-line snippet around an abstract-only match', () => {
    const hit = engine.search({ text: 'zephyr' }).hits[0];
    expect(hit?.snippet?.field).toBe('abstract');
    const [start, end] = hit?.snippet?.ranges[0] ?? [0, 0];
    expect(hit?.snippet?.text.slice(start, end)).toBe('Zephyr');
    expect(hit?.snippet?.text.startsWith('…')).toBe(true);
    expect(engine.search({ text: 'planning' }).hits[0]?.snippet).toBeNull();
  });
});

describe('highlight comments', () => {
  it('are searched with the note, snippeted, and do not make a paper noted', () => {
    const engine = engineOf([
      paper('a', 'Sparse attention', { highlightComments: 'compare with quokkaformer' }),
      paper('b', 'Dense attention', { note: 'nothing here' }),
    ]);
    const found = engine.search({ text: 'quokkaformer' });
    expect(ids(found.hits)).toEqual(['a']);
    expect(found.hits[0]?.snippet?.text).toContain('quokkaformer');
    expect(allIds(engine, { text: '"with quokkaformer"' })).toEqual(['a']);
    expect(allIds(engine, { text: 'is:noted' })).toEqual(['b']);
  });
});

describe('excluded phrases', () => {
  it('leave out only documents with the words in order, not the words apart', () => {
    const engine = engineOf([
      paper('in-order', 'Graph video models'),
      paper('apart', 'Graph models for video'),
      paper('split', 'Graph models', { note: 'a video to watch' }),
    ]);
    const find = (text: string) => ids(engine.search({ text }).hits).sort();
    expect(find('graph -"video models"')).toEqual(['apart', 'split']);
    expect(find('graph -video')).toEqual([]);
  });
});
