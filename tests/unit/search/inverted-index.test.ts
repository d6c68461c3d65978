import { describe, expect, it } from 'vitest';
import { InvertedIndex } from '../../../src/shared/search/inverted-index';
import { boundedDistance } from '../../../src/shared/search/levenshtein';
import { parseQuery } from '../../../src/shared/search/query-parser';
import { planQuery } from '../../../src/shared/search/query-plan';
import { SearchEngine } from '../../../src/shared/search/search-engine';
import type {
  SearchDocument,
  SearchHit,
  SearchQuery,
} from '../../../src/shared/search/search-types';

const q = (text: string, limit = 50): SearchQuery => ({ text, limit });
const ids = (hits: readonly SearchHit[]) => hits.map((hit) => hit.id);

/** A document with neutral user fields. */
function paper(id: string, title: string, abstract = ''): SearchDocument {
  return {
    id,
    title,
    abstract,
    organization: null,
    tags: [],
    note: '',
    status: 'inbox',
    year: 2024,
  };
}

/** `count` filler sentences (no query words), for long abstracts. */
const filler = (count: number) =>
  'We evaluate the proposed system on several benchmarks. '.repeat(count);

/** Index over plain titles, for expansion tests. */
function titleIndex(titles: readonly string[]): InvertedIndex<{ id: string }> {
  const index = new InvertedIndex<{ id: string }>();
  titles.forEach((title, i) => index.add(`d${i}`, [title, '', '', '', ''], { id: `d${i}` }));
  return index;
}

describe('boundedDistance', () => {
  it('is exact up to the bound and reports max + 1 beyond it', () => {
    expect(boundedDistance('atention', 'attention', 2)).toBe(1);
    expect(boundedDistance('transfromer', 'transformer', 2)).toBe(1); // one transposition
    expect(boundedDistance('kitten', 'sitting', 3)).toBe(3);
    expect(boundedDistance('kitten', 'sitting', 2)).toBe(3);
    expect(boundedDistance('abc', 'abc', 1)).toBe(0);
    expect(boundedDistance('abcdef', 'zzzzzz', 2)).toBe(3);
    expect(boundedDistance('ab', 'abcd', 1)).toBe(2);
  });
});

describe('InvertedIndex', () => {
  it('finds a word that only occurs at the end of a long abstract', () => {
    const engine = new SearchEngine();
    const abstract = `${filler(60)}Finally, we release the Zephyrion dataset.`;
    expect(abstract.length).toBeGreaterThan(3000);
    engine.replaceAll([paper('long', 'A Long Paper', abstract), paper('other', 'Other')]);
    expect(ids(engine.search(q('zephyrion')).hits)).toEqual(['long']);
    const hit = engine.search(q('zephyrion')).hits[0];
    const range = hit?.highlights.find((h) => h.field === 'abstract')?.ranges[0];
    expect(range && abstract.slice(range[0], range[1])).toBe('Zephyrion');
  });

  it('forgets the old terms of an upserted document', () => {
    const engine = new SearchEngine();
    engine.replaceAll([paper('p', 'Gradient Origami', 'About folding.')]);
    engine.upsert([paper('p', 'Gradient Kirigami', 'About cutting.')]);
    expect(engine.search(q('origami')).hits).toEqual([]);
    expect(engine.search(q('folding')).hits).toEqual([]);
    expect(ids(engine.search(q('kirigami cutting')).hits)).toEqual(['p']);
    expect(engine.size).toBe(1);
  });

  it('compacts tombstones without changing results', () => {
    const index = titleIndex(['alpha beta', 'beta gamma', 'gamma delta', 'delta alpha']);
    index.remove('d0');
    expect(index.slotCount).toBe(4); // one tombstone of four: no compaction yet
    index.remove('d1');
    expect(index.slotCount).toBe(2); // two of four: compacted
    expect(index.postingsOf('beta')).toBeUndefined();
    expect(index.vocabulary.withPrefix('bet')).toEqual([]);
    expect(index.vocabulary.withPrefix('alp')).toEqual(['alpha']);

    const engine = new SearchEngine();
    const docs = Array.from({ length: 40 }, (_, i) =>
      paper(`p${i}`, `Paper ${i} about ${i % 2 === 0 ? 'walrus' : 'narwhal'} tusks`),
    );
    engine.replaceAll(docs);
    engine.remove(docs.slice(0, 20).map((doc) => doc.id));
    engine.upsert([paper('p21', 'Renamed to walrus only')]);
    const walrus = engine.search(q('walrus', 100));
    const evens = Array.from({ length: 10 }, (_, i) => `p${20 + 2 * i}`);
    expect(ids(walrus.hits).sort()).toEqual([...evens, 'p21'].sort());
    expect(walrus.total).toBe(11);
    expect(engine.search(q('narwhal')).total).toBe(9);
    expect(engine.size).toBe(20);
  });

  it('expands the word being typed from two characters, and typos of unknown words only', () => {
    const index = titleIndex(['quantization of transformers', 'quantum attention', 'attentive']);
    const terms = (text: string) =>
      planQuery(index, parseQuery(text))
        .expansions.map((e) => e.term)
        .sort();
    expect(terms('quant')).toEqual(['quantization', 'quantum']);
    expect(terms('qu')).toEqual(['quantization', 'quantum']);
    expect(terms('quant ')).toEqual([]);
    expect(terms('q')).toEqual([]);
    // Prefixes match the words as written, not their stems.
    expect(terms('transformers')).toEqual(['transformer']);
    expect(terms('transformer')).toEqual(['transformer']);
    expect(terms('atention')).toEqual(['attention']);
    expect(terms('transfromer')).toEqual(['transformer']);
    // A known word is taken as meant: no fuzzy neighbours, only itself and completions.
    expect(terms('attention')).toEqual(['attention']);
    // Distance 1 up to seven characters: two edits are not enough.
    expect(terms('quatnum')).toEqual(['quantum']);
    expect(terms('qautnum')).toEqual([]);
    // Only the closest spellings: "difusion" reaches "diffusion", not "division".
    const more = titleIndex(['diffusion models', 'division of labour']);
    expect(planQuery(more, parseQuery('difusion')).expansions.map((e) => e.term)).toEqual([
      'diffusion',
    ]);
    // No typos below four characters.
    expect(terms('atn ')).toEqual([]);
  });

  it('ranks documents matching all words first, then those missing one, marked partial', () => {
    const engine = new SearchEngine();
    engine.replaceAll([
      paper('two', 'Sparse sparse sparse models', 'Sparse gating everywhere, sparse.'),
      paper('all', 'Routing', 'A note on sparse expert routing with gating.'),
      paper('one', 'Gating gating gating'),
    ]);
    const result = engine.search(q('sparse gating routing'));
    expect(ids(result.hits)).toEqual(['all', 'two']);
    expect(result.hits.map((hit) => hit.partial)).toEqual([false, true]);
    expect(result.total).toBe(2);
    expect(result.partialTotal).toBe(1);
    // Two words: both are required.
    expect(ids(engine.search(q('sparse routing')).hits)).toEqual(['all']);
  });

  it('counts and pages through every match, with no cap', () => {
    const engine = new SearchEngine();
    const docs = Array.from({ length: 400 }, (_, i) =>
      paper(`p${i}`, `Study ${i}`, `${filler(3)}We use pelicans.`),
    );
    engine.replaceAll(docs);
    const result = engine.search(q('pelicans', 1000));
    expect(result.total).toBe(400);
    expect(result.hits.length).toBe(400);
    const paged: string[] = [];
    for (let offset = 0; offset < 400; offset += 60) {
      paged.push(...ids(engine.search({ text: 'pelicans', offset, limit: 60 }).hits));
    }
    expect(paged).toEqual(ids(result.hits));
    expect(engine.search(q('status:inbox pelicans', 10)).total).toBe(400);
  });
});
