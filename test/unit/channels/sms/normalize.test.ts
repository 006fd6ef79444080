// normalizeSms over realistic Twilio webhook payloads (test/fixtures/twilio).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeSms } from '../../../../channels/sms/normalize.ts';
import { ParseError } from '../../../../channels/types.ts';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/twilio/${name}`, import.meta.url), 'utf8')) as Record<string, string>;
/** normalizeSms of a payload the test knows is a customer's message. */
function messageOf(raw: unknown) {
  const inbound = normalizeSms(raw);
  if (inbound.kind !== 'message') throw new Error(`expected a message, got a ${inbound.kind} item`);
  return inbound;
}

describe('normalizeSms', () => {
  it('reads an inbound SMS: MessageSid as externalId, E.164 sender, the body as text', () => {
    expect(normalizeSms(fixture('sms-inbound.json'))).toEqual({
      channel: 'sms',
      externalId: 'SM1f0e2d3c4b5a69788796a5b4c3d2e1f0',
      kind: 'message',
      from: { address: '+14155550142', name: null },
      sender: { verified: true, reason: 'number reported by Twilio (signed webhook)' },
      to: ['+14155550100'],
      subject: null,
      text: "Hi, my order #4521 still hasn't arrived.\nCan you check?",
      quotedText: null,
      html: null,
      sentAt: null,
      inReplyTo: null,
      references: [],
      thread: { refs: [], topic: null },
      attachments: [],
    });
  });

  it('is deterministic: the same payload gives the same result', () => {
    expect(normalizeSms(fixture('mms-inbound-two-media.json'))).toEqual(normalizeSms(fixture('mms-inbound-two-media.json')));
  });

  it('turns MMS media into attachments to download, named by media SID and type', () => {
    const inbound = messageOf(fixture('mms-inbound-two-media.json'));
    expect(inbound.text).toBe('');
    expect(inbound.attachments).toEqual([
      {
        filename: 'ME0a1b2c3d4e5f60718293a4b5c6d7e8f9.jpg',
        contentType: 'image/jpeg',
        size: 0,
        url: 'https://api.twilio.com/2010-04-01/Accounts/AC6f2b1e1a9c0d4f5e8a7b6c5d4e3f2a1b/Messages/MM2a3b4c5d6e7f80918273645546372819/Media/ME0a1b2c3d4e5f60718293a4b5c6d7e8f9',
        inline: false,
      },
      {
        filename: 'ME9f8e7d6c5b4a39281706f5e4d3c2b1a0.pdf',
        contentType: 'application/pdf',
        size: 0,
        url: 'https://api.twilio.com/2010-04-01/Accounts/AC6f2b1e1a9c0d4f5e8a7b6c5d4e3f2a1b/Messages/MM2a3b4c5d6e7f80918273645546372819/Media/ME9f8e7d6c5b4a39281706f5e4d3c2b1a0',
        inline: false,
      },
    ]);
  });

  it('marks STOP as an opt-out and UNSTOP as an opt-in, keeping the words as text', () => {
    expect(normalizeSms(fixture('sms-stop.json'))).toMatchObject({ kind: 'message', text: 'Stop', consent: 'opt_out' });
    expect(normalizeSms(fixture('sms-start.json'))).toMatchObject({ text: 'UNSTOP', consent: 'opt_in' });
    for (const word of ['STOPALL', 'unsubscribe', 'Cancel', 'END', 'quit.', ' stop! ']) {
      expect(messageOf({ ...fixture('sms-inbound.json'), Body: word }).consent).toBe('opt_out');
    }
    expect(messageOf({ ...fixture('sms-inbound.json'), Body: 'please stop calling me' }).consent).toBeUndefined();
    expect(messageOf({ ...fixture('sms-inbound.json'), Body: 'yes' }).consent).toBeUndefined();
  });

  it('reads a status callback as a status item carrying the delivery report for our message', () => {
    expect(normalizeSms(fixture('status-sms-delivered.json'))).toEqual({
      channel: 'sms',
      externalId: 'SM9a3b4c5d6e7f8091a2b3c4d5e6f70819:status:delivered',
      kind: 'status',
      update: { externalId: 'SM9a3b4c5d6e7f8091a2b3c4d5e6f70819', status: 'delivered', error: null, at: null },
    });
  });

  it('still refuses a status callback whose numbers are not SMS numbers', () => {
    const status = fixture('status-sms-delivered.json');
    expect(() => normalizeSms({ ...status, To: `whatsapp:${status.To}` })).toThrow(/To "whatsapp:\+\d+" is not a sms address/);
  });

  it('accepts the raw form body Twilio posts', () => {
    const form = Buffer.from(new URLSearchParams(fixture('sms-inbound.json')).toString());
    expect(normalizeSms(form)).toEqual(normalizeSms(fixture('sms-inbound.json')));
  });

  it('refuses what is not an SMS webhook with a ParseError saying why', () => {
    expect(() => normalizeSms(fixture('whatsapp-inbound.json'))).toThrow(/From "whatsapp:\+34612345678" is not a sms address/);
    expect(() => normalizeSms({ ...fixture('sms-inbound.json'), MessageSid: '', SmsSid: '', SmsMessageSid: '' })).toThrow(/missing MessageSid/);
    expect(() => normalizeSms(Buffer.from('{"Body": '))).toThrow(ParseError);
    expect(() => normalizeSms(Buffer.from('just some text'))).toThrow(/expected a JSON object of Twilio webhook parameters/);
    expect(() => normalizeSms({ Body: ['a', 'b'] })).toThrow(/parameter Body is not a string/);
  });
});
