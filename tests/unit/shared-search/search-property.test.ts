import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src/shared/search/normalize';
import { requiredTerms } from '../../../src/shared/search/query-plan';
import { SearchEngine } from '../../../src/shared/search/search-engine';
import type { SearchDocument } from '../../../src/shared/search/search-types';

/** A small vocabulary with plurals, diacritics, compounds, versions and stop words. */
const WORDS = [
  'graph',
  'graphs',
  'neural',
  'naïve',
  'naive',
  'résumé',
  'model',
  'modelling',
  'modeling',
  'news',
  'new',
  'gpt-4',
  'gpt',
  '4',
  'llama-3.1',
  'fine-tuning',
  'finetuned',
  'the',
  'of',
  'diffusion',
  'policy',
  'policies',
  '深度学习',
  '学习',
  'Straße',
  'strasse',
  'ﬁlter',
  'filters',
];

const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((w) => w.join(' '));
const doc = fc.record({ title: text, abstract: text, note: text });

/** Brute force: every required term of every query word is among the document's terms. */
function reference(docs: readonly SearchDocument[], words: readonly string[]): string[] {
  return docs
    .filter((d) => {
      const terms = new Set(analyzeText(`${d.title} ${d.abstract} ${d.note}`));
      return words.every((word) => requiredTerms(word).every((term) => terms.has(term)));
    })
    .map((d) => d.id);
}

describe('match set against a brute-force reference', () => {
  it('agrees for exact-word queries of one or two words', () => {
    fc.assert(
      fc.property(
        fc.array(doc, { minLength: 1, maxLength: 25 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 2 }),
        (raw, picks) => {
          const docs: SearchDocument[] = raw.map((r, i) => ({
            id: `d${i}`,
            ...r,
            organization: null,
            tags: [],
            status: 'inbox',
            year: null,
          }));
          // Query only words the corpus has (an unknown word is matched by its typos instead).
          const known = new Set(
            docs.flatMap((d) => analyzeText(`${d.title} ${d.abstract} ${d.note}`)),
          );
          const candidates = WORDS.filter((w) => {
            const terms = requiredTerms(w);
            return terms.length > 0 && terms.every((t) => known.has(t));
          });
          fc.pre(candidates.length > 0);
          const words = picks.map((p) => candidates[p % candidates.length] as string);
          const engine = new SearchEngine();
          engine.replaceAll(docs);
          // A trailing space: the last word is complete, so no prefix completion applies.
          const result = engine.search({ text: `${words.join(' ')} `, limit: 1000 });
          const found = result.hits.filter((hit) => !hit.partial).map((hit) => hit.id);
          expect(found.sort()).toEqual(reference(docs, words).sort());
          expect(result.total).toBe(found.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
