// Which customer replies answer a "reply with 1-5" survey, and what the comment is.
import { describe, expect, it } from 'vitest';
import { parseCsatReply } from '../../../../src/domain/csat/parse-csat-reply.ts';

describe('parseCsatReply', () => {
  it.each([
    ['5', 5, null],
    [' 4 ', 4, null],
    ['5!', 5, null],
    ['3.', 3, null],
    ['5/5', 5, null],
    ['1', 1, null],
    ['5 great service', 5, 'great service'],
    ['4 thanks', 4, 'thanks'],
    ['4, a bit slow', 4, 'a bit slow'],
    ['2 - nobody called back', 2, 'nobody called back'],
    ['5/5 superb\nthank you', 5, 'superb\nthank you'],
  ])('%j is score %i with comment %j', (text, score, comment) => {
    expect(parseCsatReply(text)).toEqual({ score, comment });
  });

  it.each(['', 'ok', 'thanks!', '0', '6', '12', '3.5', '4,5', '1-2 days', '5pm works', '4th floor', 'order 5', 'five'])('%j is not an answer', (text) => {
    expect(parseCsatReply(text)).toBeNull();
  });
});
