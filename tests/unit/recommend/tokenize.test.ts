import { describe, expect, it } from 'vitest';
import { foldText, tokenize } from '../../../src/shared/recommend/tokenize';

describe('tokenize', () => {
  it('folds accents and case and splits on anything but letters and digits', () => {
    expect(foldText('Café NAÏVE')).toBe('cafe naive');
    expect(tokenize('Café-Naïve Bayes/GPT4')).toEqual(['cafe', 'naive', 'baye', 'gpt4']);
  });

  it('drops one-letter words, pure numbers and stop words', () => {
    expect(tokenize('A 3 x of the 2024 model we propose')).toEqual(['model']);
  });

  it('merges regular plurals but keeps words ending in ss, us or is', () => {
    expect(tokenize('models transformers class focus analysis gas')).toEqual([
      'model',
      'transformer',
      'class',
      'focus',
      'analysis',
      'gas',
    ]);
  });

  it('gives plain ASCII text and its accented spelling the same tokens', () => {
    const ascii = 'Naive Bayes-style models, 2024 edition: x3 faster';
    expect(tokenize(ascii)).toEqual(
      tokenize('Naïve Bayes-style models, 2024 édition: x3 faster'.replace('é', 'e')),
    );
    expect(tokenize(`${ascii} ½`)).toEqual(tokenize(ascii));
    expect(tokenize('١٢٣ 42 ab')).toEqual(['ab']);
    expect(tokenize('fine–tuning×scaling, Ärger')).toEqual(['fine', 'tuning', 'scaling', 'arger']);
  });
});
