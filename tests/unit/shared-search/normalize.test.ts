import { describe, expect, it } from 'vitest';
import {
  analyzeText,
  analyzeToken,
  foldText,
  stem,
  scanTokens,
  titleKey,
  tokenHash,
  tokenize,
} from '../../../src/shared/search/normalize';

/** The terms a query word requires, through the same path as the index. */
const required = (word: string) => tokenize(word).flatMap((token) => analyzeToken(token).required);
/** True when every term `query` requires is among the indexed terms of `text`. */
const finds = (query: string, text: string) => {
  const indexed = new Set(analyzeText(text));
  const wanted = required(query);
  return wanted.length > 0 && wanted.every((term) => indexed.has(term));
};

describe('foldText', () => {
  it('removes diacritics, in composed and decomposed input alike', () => {
    expect(foldText('Naïve Résumé')).toBe('naive resume');
    expect(foldText('Nai\u0308ve Re\u0301sume\u0301')).toBe('naive resume');
    expect(foldText('Ångström Çelik')).toBe('angstrom celik');
  });

  it('spells out letters without a mark', () => {
    expect(foldText('Straße Æsir Ørsted Łódź')).toBe('strasse aesir orsted lodz');
  });

  it('folds ligatures and fullwidth letters (NFKC)', () => {
    expect(foldText('ﬁne-tuning')).toBe('fine-tuning');
    expect(foldText('ＧＰＴ－４ Ｔｒａｎｓｆｏｒｍｅｒ')).toBe('gpt-4 transformer');
  });

  it('is idempotent and only lower-cases ASCII', () => {
    const once = foldText('Ｃａｆé ﬂow Straße');
    expect(foldText(once)).toBe(once);
    expect(foldText('Plain ASCII')).toBe('plain ascii');
  });
});

describe('tokenize', () => {
  it('keeps decomposed words whole and hyphenated or versioned names together', () => {
    expect(tokenize('Nai\u0308ve Bayes')).toEqual(['Nai\u0308ve', 'Bayes']);
    expect(tokenize('GPT-4 beats Llama-3.1, Qwen2.5-VL.')).toEqual([
      'GPT-4',
      'beats',
      'Llama-3.1',
      'Qwen2.5-VL',
    ]);
  });

  it('ends a token at a sentence dot and at symbols', () => {
    expect(tokenize('end.Next c++ c# a/b')).toEqual(['end', 'Next', 'c', 'c', 'a', 'b']);
  });
});

describe('stem', () => {
  it('strips plurals', () => {
    expect(stem('models')).toBe('model');
    expect(stem('studies')).toBe('study');
    expect(stem('matches')).toBe('match');
    expect(stem('boxes')).toBe('box');
  });

  it('leaves "news" and words ending in -ss/-us/-is alone', () => {
    expect(stem('news')).toBe('news');
    expect(stem('class')).toBe('class');
    expect(stem('corpus')).toBe('corpus');
    expect(stem('analysis')).toBe('analysis');
  });

  it('makes "modelling" and "modeling" meet', () => {
    expect(stem('modelling')).toBe(stem('modeling'));
    expect(stem('modelled')).toBe(stem('model'));
    expect(stem('embedding')).toBe(stem('embed'));
  });

  it('strips -ing/-ed only when four characters remain', () => {
    expect(stem('training')).toBe('train');
    expect(stem('trained')).toBe('train');
    expect(stem('string')).toBe('string');
    expect(stem('used')).toBe('used');
    expect(stem('bring')).toBe('bring');
  });

  it('leaves words with digits alone', () => {
    expect(stem('llama3s')).toBe('llama3s');
  });
});

describe('analyzeToken and analyzeText', () => {
  it('"naive" finds "Naïve" and "resume" finds "Résumé", also when decomposed', () => {
    expect(finds('naive', 'A Naïve Approach')).toBe(true);
    expect(finds('naive', 'A Nai\u0308ve Approach')).toBe(true);
    expect(finds('resume', 'Résumé parsing')).toBe(true);
    expect(finds('Résumé', 'resume parsing')).toBe(true);
  });

  it('folds ligatures and fullwidth text on both sides', () => {
    expect(finds('fine', 'Eﬃcient ﬁne-tuning')).toBe(true);
    expect(finds('efficient', 'Eﬃcient ﬁne-tuning')).toBe(true);
    expect(finds('transformer', 'Ｔｒａｎｓｆｏｒｍｅｒ models')).toBe(true);
  });

  it('finds a CJK word inside a title through bigrams', () => {
    const title = '基于深度学习的图像识别方法';
    expect(analyzeText('学习')).toEqual(['学习']);
    expect(analyzeText('深度学习')).toEqual(['深度', '度学', '学习']);
    expect(finds('学习', title)).toBe(true);
    expect(finds('图像识别', title)).toBe(true);
    expect(finds('学术', title)).toBe(false);
    expect(finds('ニューラル', 'ニューラルネットワークの研究')).toBe(true);
  });

  it('indexes a one-character CJK run as itself and splits mixed runs', () => {
    expect(analyzeText('猫')).toEqual(['猫']);
    expect(analyzeText('BERT模型')).toEqual(['bert', '模型']);
  });

  it('keeps versioned names whole and split, and a query requires the whole name', () => {
    expect(analyzeText('GPT-4')).toEqual(['gpt-4', 'gpt', '4']);
    expect(analyzeText('Llama-3.1')).toEqual(['llama-3.1', 'llama', '3.1', '3', '1']);
    expect(analyzeText('Qwen2.5-VL')).toEqual(['qwen2.5-vl', 'qwen2.5', 'qwen2', '5', 'vl']);
    expect(required('gpt-4')).toEqual(['gpt-4']);
    expect(finds('gpt-4', 'Evaluating GPT-4 on exams')).toBe(true);
    expect(finds('gpt-4', 'GPT-3 used 4 layers')).toBe(false);
    expect(finds('llama-3.1', 'Llama-3.2 and 3.1 percent')).toBe(false);
    expect(finds('gpt', 'Evaluating GPT-4 on exams')).toBe(true);
    expect(finds('qwen2.5', 'Qwen2.5-VL technical report')).toBe(true);
  });

  it('makes alphabetic compounds meet their joined spellings', () => {
    expect(finds('finetuning', 'Efficient fine-tuning')).toBe(true);
    expect(finds('fine-tuned', 'Efficient finetuning')).toBe(true);
    expect(finds('fine-tuning', 'Efficient fine-tuned models')).toBe(true);
  });

  it('drops stop words and single letters but keeps digits', () => {
    expect(analyzeText('The state of the art in a nutshell')).toEqual(['stat', 'art', 'nutshell']);
    expect(analyzeText('x and 7')).toEqual(['7']);
    expect(analyzeText('c++ c#')).toEqual([]);
    expect(required('the')).toEqual([]);
  });

  it('does not merge "news" with "new"', () => {
    expect(finds('news', 'A new model')).toBe(false);
    expect(finds('new', 'Daily news digest')).toBe(false);
  });

  it('drops possessives and inner apostrophes', () => {
    expect(analyzeText("Kernel's rule doesn’t")).toEqual(['kernel', 'rule', 'doesnt']);
  });
});

describe('titleKey', () => {
  it('compares titles by folded words, stop words and punctuation aside', () => {
    expect(titleKey('Attention Is All You Need!')).toBe(titleKey('attention is all you  need'));
    expect(titleKey('Naïve  Bayes: a review')).toBe('naive bayes a review');
  });
});

describe('scanTokens', () => {
  it('reports each token with the hash tokenHash gives it', () => {
    const text = 'GPT-4 and Llama-3.1 meet Nai\u0308ve 深度学习, 𝒪(n) end.Next';
    const seen: [string, number][] = [];
    scanTokens(text, (start, end, hash) => seen.push([text.slice(start, end), hash]));
    expect(seen.map(([token]) => token)).toEqual(tokenize(text));
    for (const [token, hash] of seen) expect(hash).toBe(tokenHash(token, 0, token.length));
  });
});
