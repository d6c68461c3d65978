import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../../src/main/core/parser/links';

describe('extractLinks', () => {
  it('drops trailing sentence punctuation', () => {
    expect(extractLinks('Code at https://github.com/CentML/lorafusion.')).toEqual([
      'https://github.com/CentML/lorafusion',
    ]);
    expect(extractLinks('See https://a.org/x, https://b.org/y; and http://c.org/z!?')).toEqual([
      'https://a.org/x',
      'https://b.org/y',
      'http://c.org/z',
    ]);
  });

  it('cuts LaTeX brace leftovers and brackets', () => {
    expect(extractLinks('at https://github.com/qiuzh20/gated_attention{codes} and')).toEqual([
      'https://github.com/qiuzh20/gated_attention',
    ]);
    expect(extractLinks('[https://x.org/a] <https://y.org/b>')).toEqual([
      'https://x.org/a',
      'https://y.org/b',
    ]);
  });

  it('removes unbalanced closing parentheses but keeps balanced ones', () => {
    expect(extractLinks('(code: https://x.org/repo).')).toEqual(['https://x.org/repo']);
    expect(extractLinks('see https://en.wikipedia.org/wiki/Mish_(function).')).toEqual([
      'https://en.wikipedia.org/wiki/Mish_(function)',
    ]);
  });

  it('deduplicates in order of first appearance', () => {
    expect(extractLinks('https://b.org https://a.org https://b.org. https://a.org')).toEqual([
      'https://b.org',
      'https://a.org',
    ]);
  });

  it('finds URLs glued to other text and ignores non-http schemes and bare schemes', () => {
    expect(extractLinks('site:~https://x.org/i. ftp://f.org mailto:a@b https:// http://.')).toEqual(
      ['https://x.org/i'],
    );
    expect(extractLinks('no links here')).toEqual([]);
  });
});
