// Forwarded messages are content, not quotes: the customer forwarding us something must see it in
// the text (test/fixtures/email/quotes/plain-cases.ts FORWARDS, sources in SOURCES.md).
import { describe, expect, it } from 'vitest';
import { trimReply } from '../../../../channels/email/trim-reply.ts';
import { FORWARDS } from '../../../fixtures/email/quotes/plain-cases.ts';

describe('trimReply: forwarded messages are kept', () => {
  it.each(FORWARDS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { text } = trimReply(c.body);
    for (const line of c.keeps) expect(text).toContain(line);
    for (const line of c.drops ?? []) expect(text).not.toContain(line);
  });

  it('still trims the sender\'s "-- " signature above the forward', () => {
    const body = 'FYI\n-- \nSam Lee\n\n---------- Forwarded message ---------\nFrom: Billing <billing@vendor.example>\nSubject: Invoice\n\nDue on 31 March.';
    const trimmed = trimReply(body);
    expect(trimmed.text).toBe('FYI\n---------- Forwarded message ---------\nFrom: Billing <billing@vendor.example>\nSubject: Invoice\n\nDue on 31 March.');
    expect(trimmed.quotedText).toBe('-- \nSam Lee');
  });
});
