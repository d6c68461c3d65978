import { beforeAll, describe, expect, it } from 'vitest';
import { SearchEngine } from '../../../src/shared/search/search-engine';
import type {
  SearchDocument,
  SearchHit,
  SearchQuery,
} from '../../../src/shared/search/search-types';
import { fieldText } from '../../../src/shared/search/search-types';
import { fixtureDocs, idOf } from './fixture-docs';

const SPARSE = idOf('Sparse Attention with Linear Units');
const LORA_FUSION = idOf('LoRAFusion: Efficient LoRA Fine-Tuning for LLMs');

/** Fixture docs with synthetic user fields on a few known papers. */
function libraryDocs(): SearchDocument[] {
  return fixtureDocs().map((doc, i) => {
    if (doc.id === SPARSE) {
      return { ...doc, tags: ['ml', 'Deep Learning'], status: 'queued', year: 2024 };
    }
    if (doc.id === LORA_FUSION) {
      return { ...doc, note: 'Great **baseline** for adapter serving', status: 'reading' };
    }
    return { ...doc, status: i % 2 === 0 ? 'inbox' : 'read', year: doc.year ?? 2023 };
  });
}

let docs: SearchDocument[];
let engine: SearchEngine;
const titleOf = (id: string) => docs.find((doc) => doc.id === id)?.title ?? '';
const q = (text: string, limit = 50): SearchQuery => ({ text, limit });
const ids = (hits: readonly SearchHit[]) => hits.map((hit) => hit.id);

beforeAll(() => {
  docs = libraryDocs();
  engine = new SearchEngine();
  engine.replaceAll(docs);
});

describe('SearchEngine over the fixtures', () => {
  it('includes page-format and compact-format papers', () => {
    expect(docs.length).toBeGreaterThan(300);
    expect(engine.size).toBe(docs.length);
    expect(titleOf(LORA_FUSION)).toContain('LoRAFusion');
  });

  it('tolerates typos: "sparse atention" finds Sparse Attention with Linear Units in the top 3', () => {
    expect(ids(engine.search(q('sparse atention')).hits).slice(0, 3)).toContain(SPARSE);
  });

  it('"finetune lora" ranks LoRAFusion first; "lora" finds papers mentioning LoRA late', () => {
    expect(ids(engine.search(q('finetune lora')).hits)[0]).toBe(LORA_FUSION);
    const hits = ids(engine.search(q('lora', 500)).hits);
    // These mention LoRA only far into their abstracts (past the old 320-character index limit).
    const late = docs.filter((d) => d.id !== LORA_FUSION && /\blora\b/i.test(d.abstract));
    expect(late.length).toBeGreaterThanOrEqual(2);
    for (const doc of late) {
      expect(doc.abstract.search(/\blora\b/i)).toBeGreaterThan(320);
      expect(hits).toContain(doc.id);
    }
    expect(titleOf(late[0]?.id ?? '')).toMatch(/I Know Which LLM Wrote Your Code/);
  });

  it('is independent of word order', () => {
    expect(ids(engine.search(q('lora finetune')).hits).slice(0, 5)).toContain(LORA_FUSION);
    expect(ids(engine.search(q('attention sparse')).hits).slice(0, 3)).toContain(SPARSE);
    expect(ids(engine.search(q('units linear sparse')).hits)[0]).toBe(SPARSE);
  });

  it('matches prefixes and misspellings of single words', () => {
    const quant = engine
      .search(q('quant'))
      .hits.slice(0, 3)
      .map((hit) => titleOf(hit.id));
    expect(quant.some((title) => /quantiz/i.test(title))).toBe(true);
    const tf = engine
      .search(q('transfromer'))
      .hits.slice(0, 3)
      .map((hit) => titleOf(hit.id));
    expect(tf.every((title) => /transformer/i.test(title))).toBe(true);
  });

  it('combines filters with words', () => {
    expect(ids(engine.search(q('tag:ml sparse')).hits)).toEqual([SPARSE]);
    expect(
      ids(engine.search(q('tag:"deep learning" status:queued year:2024 attention')).hits),
    ).toEqual([SPARSE]);
    expect(engine.search(q('tag:ml status:read sparse')).hits).toEqual([]);
    expect(ids(engine.search(q('status:reading year:2025 lora')).hits)).toEqual([LORA_FUSION]);
    const ranged = engine.search(q('year:2024..2025 sparse', 500));
    expect(ranged.hits.length).toBeGreaterThan(0);
    for (const hit of ranged.hits) {
      const year = docs.find((doc) => doc.id === hit.id)?.year ?? 0;
      expect(year >= 2024 && year <= 2025).toBe(true);
    }
  });

  it('filters by organisation substring', () => {
    const org = docs.find((doc) => doc.organization !== null);
    expect(org).toBeDefined();
    const word = (org?.organization ?? '').split(' ')[0] ?? '';
    const result = engine.search(q(`org:${word.toLowerCase()}`, 500));
    expect(ids(result.hits)).toContain(org?.id);
    expect(result.hits.every((hit) => hit.score === 0)).toBe(true);
  });

  it('returns every matching document for filter-only queries', () => {
    const result = engine.search(q('status:queued', 1000));
    expect(result.total).toBe(docs.filter((doc) => doc.status === 'queued').length);
    expect(result.hits.length).toBe(result.total);
    expect(engine.search(q('')).hits).toEqual([]);
  });

  it('searches notes and highlights the matched substrings', () => {
    const hit = engine.search(q('baseline adapter')).hits[0];
    expect(hit?.id).toBe(LORA_FUSION);
    const doc = docs.find((d) => d.id === LORA_FUSION) as SearchDocument;
    const note = hit?.highlights.find((h) => h.field === 'note');
    expect(note?.ranges.map(([s, e]) => doc.note.slice(s, e))).toEqual(['baseline', 'adapter']);
  });

  it('highlights title and abstract words, with ranges into the full field text', () => {
    const hit = engine.search(q('sparse atention')).hits.find((h) => h.id === SPARSE);
    const doc = docs.find((d) => d.id === SPARSE) as SearchDocument;
    for (const highlight of hit?.highlights ?? []) {
      const text = fieldText(doc, highlight.field);
      for (const [start, end] of highlight.ranges) {
        expect(text.slice(start, end).toLowerCase()).toMatch(/^(sparse|attention)/);
      }
    }
    const title = hit?.highlights.find((h) => h.field === 'title');
    expect(title?.ranges.map(([s, e]) => doc.title.slice(s, e))).toEqual(['Sparse', 'Attention']);
  });

  it('honours quoted phrases', () => {
    const hits = engine.search(q('"large language models"', 500)).hits;
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      const doc = docs.find((d) => d.id === hit.id) as SearchDocument;
      expect(`${doc.title} ${doc.abstract}`).toMatch(/large[\s-]+language[\s-]+models/i);
    }
  });
});

describe('SearchEngine updates', () => {
  const paper: SearchDocument = {
    id: 'p1',
    title: 'Quantum Widgets for Everyone',
    abstract: 'We study widgets.',
    organization: null,
    tags: ['physics'],
    note: '',
    status: 'inbox',
    year: 2024,
  };

  it('finds a renamed tag by its new name only', () => {
    const local = new SearchEngine();
    local.replaceAll([paper]);
    expect(ids(local.search(q('tag:physics')).hits)).toEqual(['p1']);
    local.upsert([{ ...paper, tags: ['quantum-physics'] }]);
    expect(local.search(q('tag:physics')).hits).toEqual([]);
    expect(ids(local.search(q('tag:quantum-physics')).hits)).toEqual(['p1']);
    expect(local.search(q('physic')).hits.length).toBe(1);
    expect(local.size).toBe(1);
  });

  it('re-indexes text on upsert and forgets removed papers', () => {
    const local = new SearchEngine();
    local.replaceAll([paper, { ...paper, id: 'p2', title: 'Gadget Theory' }]);
    local.upsert([{ ...paper, title: 'Classical Gizmos' }]);
    expect(local.search(q('quantum')).hits).toEqual([]);
    expect(ids(local.search(q('gizmos')).hits)).toEqual(['p1']);
    local.remove(['p2', 'unknown']);
    expect(local.size).toBe(1);
    expect(local.search(q('gadget')).hits).toEqual([]);
    local.upsert([{ ...paper, id: 'p3', title: 'Gadget Theory Returns' }]);
    expect(ids(local.search(q('gadget')).hits)).toEqual(['p3']);
  });
});
