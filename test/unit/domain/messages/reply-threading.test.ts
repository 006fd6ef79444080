import { describe, expect, it } from 'vitest';
import { threadReferences } from '../../../../src/domain/messages/queue-reply.ts';
import { replySubject } from '../../../../src/domain/messages/reply-subject.ts';

describe('replySubject', () => {
  it('prefixes Re: once', () => {
    expect(replySubject('Order late')).toBe('Re: Order late');
    expect(replySubject('Re: Order late')).toBe('Re: Order late');
    expect(replySubject('RE[2]: Order late')).toBe('RE[2]: Order late');
  });
  it('keeps no subject as none', () => {
    expect(replySubject(null)).toBeNull();
    expect(replySubject('')).toBeNull();
  });
});

describe('threadReferences', () => {
  it('is the customer chain plus the message we answer', () => {
    expect(threadReferences({ externalId: '<c@x>', references: ['<a@x>', '<b@x>'] })).toEqual(['<a@x>', '<b@x>', '<c@x>']);
  });
  it('drops repeats', () => {
    expect(threadReferences({ externalId: '<b@x>', references: ['<a@x>', '<b@x>'] })).toEqual(['<a@x>', '<b@x>']);
  });
  it('keeps the first and the latest 19 of a very long chain', () => {
    const refs = Array.from({ length: 40 }, (_, i) => `<m${i}@x>`);
    const out = threadReferences({ externalId: '<last@x>', references: refs });
    expect(out).toHaveLength(20);
    expect(out[0]).toBe('<m0@x>');
    expect(out.at(-1)).toBe('<last@x>');
  });
  it('is empty when nothing was received', () => {
    expect(threadReferences(null)).toEqual([]);
  });
});
