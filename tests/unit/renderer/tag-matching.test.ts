import { describe, expect, it } from 'vitest';
import type { TagCount } from '../../../src/renderer/src/db';
import { nearDuplicate, suggestTags } from '../../../src/renderer/src/features/tags/tag-matching';

function tags(...names: string[]): TagCount[] {
  return names.map((name, index) => ({
    tag: {
      id: `t${index}`,
      name,
      nameKey: name.toLowerCase(),
      color: '#000',
      createdAt: '2025-01-01T00:00:00.000Z',
    },
    count: index + 1,
  }));
}

describe('near-duplicate tag names', () => {
  const existing = tags('diffusion', 'Diffusion models', 'to-read', 'LLM', 'query');

  it.each([
    ['diffusions', 'diffusion'],
    ['difusion', 'diffusion'],
    ['diffusion-models', 'Diffusion models'],
    ['diffusion_model', 'Diffusion models'],
    ['To Read', 'to-read'],
    ['queries', 'query'],
  ])('%s is close to %s', (name, match) => {
    expect(nearDuplicate(name, existing)?.tag.name).toBe(match);
  });

  it.each(['diffusion', 'DIFFUSION', 'vision', 'LLMs-x', 'llx', ''])(
    '%s is not a near-duplicate (the same tag, or different enough)',
    (name) => {
      expect(nearDuplicate(name, existing)).toBeNull();
    },
  );
});

describe('tag suggestions', () => {
  const existing = tags('sparse', 'sparsity', 'transformers', 'efficient sparse attention');

  it('puts the exact name first, then prefixes, then other matches', () => {
    expect(suggestTags('sparse', existing, new Set()).map(({ tag }) => tag.name)).toEqual([
      'sparse',
      'efficient sparse attention',
    ]);
    expect(suggestTags('spar', existing, new Set()).map(({ tag }) => tag.name)).toEqual([
      'sparsity',
      'sparse',
      'efficient sparse attention',
    ]);
  });

  it('leaves out tags the papers carry and suggests nothing for an empty box', () => {
    expect(suggestTags('spar', existing, new Set(['t1'])).map(({ tag }) => tag.id)).toEqual([
      't0',
      't3',
    ]);
    expect(suggestTags('  ', existing, new Set())).toEqual([]);
  });
});
