// The quote-header table (channels/email/quote-headers.ts): every pattern's own example, every
// plain-text case of test/fixtures/email/quotes (sources in SOURCES.md), and text that only looks like a header.
import { describe, expect, it } from 'vitest';
import { ATTRIBUTIONS, FORWARD_WORDS, ORIGINAL_MESSAGE_WORDS, isAttribution, isForwardMarker, isOriginalMessageRule } from '../../../../channels/email/quote-headers.ts';
import { trimReply } from '../../../../channels/email/trim-reply.ts';
import { NOT_QUOTES, PLAIN_CASES } from '../../../fixtures/email/quotes/plain-cases.ts';

describe('quote-header table', () => {
  it.each(ATTRIBUTIONS.map((a) => [a.lang, a.example, a] as const))('%s pattern matches its example: %s', (_lang, example, row) => {
    expect(row.pattern.test(example)).toBe(true);
    expect(isAttribution(example)).toBe(true);
  });

  it.each(ORIGINAL_MESSAGE_WORDS)('"-----%s-----" is an original-message rule, not a forward', (words) => {
    const rule = `-----${words.replace(/^./u, (c) => c.toUpperCase())}-----`;
    expect(isOriginalMessageRule(rule)).toBe(true);
    expect(isForwardMarker(rule)).toBe(false);
    // Without dashes it is a sentence.
    expect(isOriginalMessageRule(words)).toBe(false);
  });

  it.each(FORWARD_WORDS)('"---------- %s ---------" is a forward marker', (words) => {
    expect(isForwardMarker(`---------- ${words} ---------`)).toBe(true);
    expect(isForwardMarker(`${words}:`)).toBe(true);
    expect(isOriginalMessageRule(`---------- ${words} ---------`)).toBe(false);
  });

  it('does not take a sentence that mentions writing for an attribution', () => {
    expect(isAttribution('This is what I wrote:')).toBe(false);
    expect(isAttribution('On second thought, here is what we need:')).toBe(false);
    expect(isAttribution('Вот что он пишет:')).toBe(false);
  });
});

describe('trimReply: quote headers of real clients', () => {
  it.each(PLAIN_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const trimmed = trimReply(c.body);
    expect(trimmed.text).toBe(c.reply);
    const headerFirstLine = c.body.split('\n')[2]?.trim() ?? '';
    expect(trimmed.quotedText?.replace(/\s+/gu, ' ')).toContain(headerFirstLine.replace(/\s+/gu, ' '));
  });

  it.each(NOT_QUOTES.map((c) => [c.name, c] as const))('keeps the sender\'s own words: %s', (_name, c) => {
    expect(trimReply(c.body)).toEqual({ text: c.reply, quotedText: null });
  });

  it('cuts at the first of several nested headers in different languages', () => {
    const body = 'Merci !\n\nLe 15 janv. 2024 à 14:30, Pierre Dubois <pierre@example.fr> a écrit :\n> Am 14.01.2024 um 10:00 schrieb Hans Mueller <hans@example.de>:\n> > Das ist interessant.\n';
    expect(trimReply(body).text).toBe('Merci !');
  });

  it('keeps the reply line when it shares no line with a wrapped attribution that opens like prose', () => {
    const body = 'Thanks Thanmai\n On Mar 8, 2012 9:59 AM, "Example.com" <\nr+7f1b094ceb90e18cca93d53d3703feae@example.com> wrote:\n\n\n>**\n>  Blah-blah-blah';
    expect(trimReply(body).text).toBe('Thanks Thanmai');
  });

  it('still trims the "-- " signature above a quote, and keeps everything when only a header is left', () => {
    expect(trimReply('Thanks!\n\n-- \nSam\n\nAm 14.01.2024 um 10:00 schrieb Hans <hans@example.de>:\n> Hallo')).toEqual({
      text: 'Thanks!',
      quotedText: '-- \nSam\n\nAm 14.01.2024 um 10:00 schrieb Hans <hans@example.de>:\n> Hallo',
    });
    const onlyQuote = 'Am 14.01.2024 um 10:00 schrieb Hans <hans@example.de>:\n\nHallo';
    expect(trimReply(onlyQuote)).toEqual({ text: onlyQuote, quotedText: null });
  });
});
