// What the knowledge base indexes and asks for: CJK runs as unigrams and bigrams, a query split into
// words (for the stemmers) and CJK bigrams, slugs in any script, excerpts as plain sentences.
import { describe, expect, it } from 'vitest';
import { cjkIndexTerms, excerptOf, slugify, splitSearchQuery } from '../../../../src/domain/knowledge/search-text.ts';

describe('knowledge search text', () => {
  it('indexes every CJK run as its characters and bigrams, and nothing of other scripts', () => {
    expect(cjkIndexTerms('如何申请退款')).toBe('如 如何 何 何申 申 申请 请 请退 退 退款 款');
    expect(cjkIndexTerms('Refund 退款 policy, доставка')).toBe('退 退款 款');
    expect(cjkIndexTerms('ログイン')).toBe('ロ ログ グ グイ イ イン ン');
    expect(cjkIndexTerms('no cjk at all')).toBe('');
  });

  it('splits a query into words for the stemmers and CJK bigrams, all required', () => {
    expect(splitSearchQuery('退款')).toEqual({ words: '', cjk: ['退款'] });
    expect(splitSearchQuery('申请退款 refunds')).toEqual({ words: 'refunds', cjk: ['申请', '请退', '退款'] });
    expect(splitSearchQuery('退')).toEqual({ words: '', cjk: ['退'] });
    expect(splitSearchQuery('  доставка   заказа ')).toEqual({ words: 'доставка заказа', cjk: [] });
  });

  it('makes slugs from titles in any script', () => {
    expect(slugify('How to get a refund?')).toBe('how-to-get-a-refund');
    expect(slugify('Условия доставки')).toBe('условия-доставки');
    expect(slugify('如何申请退款')).toBe('如何申请退款');
    expect(slugify('Café & crème')).toBe('café-crème');
    expect(slugify('!!!')).toBe('article');
    expect(slugify('a'.repeat(100))).toHaveLength(80);
  });

  it('excerpts the text without headings or markup, lines as sentences, cut at a word', () => {
    expect(excerptOf('# Title\n\nSee [our page](https://x.test) for **more**.\n\n- one\n- two')).toBe('See our page for more. one. two');
    const long = excerptOf(`${'word '.repeat(100)}end`, 40);
    expect(long).toBe('word word word word word word word word…');
  });
});
