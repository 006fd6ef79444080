import { describe, expect, it } from 'vitest';
import { extractMessageId } from '../../../../channels/email/message-id.ts';

describe('extractMessageId', () => {
  it('reads a folded Message-ID header', () => {
    const raw = Buffer.from('From: a@x\r\nMessage-ID:\r\n <abc.123@mail.example>\r\nSubject: hi\r\n\r\nbody Message-ID: <not@this>\r\n');
    expect(extractMessageId(raw)).toBe('<abc.123@mail.example>');
  });
  it('ignores a Message-ID that appears only in the body', () => {
    const raw = Buffer.from('From: a@x\r\n\r\nMessage-ID: <in-body@x>\r\n');
    expect(extractMessageId(raw)).toMatch(/^sha256:[a-f0-9]{64}$/);
  });
  it('gives the same id for the same bytes and another for other bytes', () => {
    const a = Buffer.from('From: a@x\r\n\r\none');
    expect(extractMessageId(a)).toBe(extractMessageId(Buffer.from(a)));
    expect(extractMessageId(a)).not.toBe(extractMessageId(Buffer.from('From: a@x\r\n\r\ntwo')));
  });
});
