// How a search query becomes Postgres full-text terms, and how a marked headline becomes parts.
import { describe, expect, it } from 'vitest';
import { prefixQuery, searchTerms, snippetParts } from '../../../../src/domain/conversations/search-conversations.ts';

describe('searchTerms', () => {
  it('keeps runs of letters and digits in any script, lower-cased, once each', () => {
    expect(searchTerms('Kettle  #4821, kettle!')).toEqual(['kettle', '4821']);
    expect(searchTerms('Größe Überweisung 注文')).toEqual(['größe', 'überweisung', '注文']);
  });
  it('drops everything that is tsquery syntax', () => {
    expect(searchTerms("a:* & !b | (c) <-> 'd'")).toEqual(['a', 'b', 'c', 'd']);
    expect(searchTerms('!!! ()&|')).toEqual([]);
  });
  it('takes at most eight words', () => {
    expect(searchTerms('one two three four five six seven eight nine ten')).toHaveLength(8);
  });
});

describe('prefixQuery', () => {
  it('needs every term, each as a prefix', () => {
    expect(prefixQuery(['kett', '48'])).toBe('kett:* & 48:*');
  });
});

describe('snippetParts', () => {
  it('splits a headline at its markers into matched and plain parts', () => {
    expect(snippetParts('my \u0002kettle\u0003 never \u0002arrived\u0003.')).toEqual([
      { text: 'my ', match: false },
      { text: 'kettle', match: true },
      { text: ' never ', match: false },
      { text: 'arrived', match: true },
      { text: '.', match: false },
    ]);
    expect(snippetParts('no match here')).toEqual([{ text: 'no match here', match: false }]);
  });
});
