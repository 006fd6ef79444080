// normalizeSms over genuine payloads Parley refused before: short codes on either side, alphanumeric
// sender IDs, odd To values, media of any type, received/receiving status callbacks (test/fixtures/twilio/SOURCES.md).
import { describe, expect, it } from 'vitest';
import { normalizeSms } from '../../../../channels/sms/normalize.ts';
import { twilioFixture } from '../../../support/twilio-contract.ts';

function messageOf(name: string) {
  const inbound = normalizeSms(twilioFixture(name));
  if (inbound.kind !== 'message') throw new Error(`${name}: expected a message, got a ${inbound.kind} item`);
  return inbound;
}

describe('normalizeSms accepts every genuine sender and recipient', () => {
  const cases: [fixture: string, from: { address: string; name: string | null }, to: string[], text: RegExp][] = [
    ['sms-from-alphanumeric-sender.json', { address: 'Acme Bank', name: 'Acme Bank' }, ['+447700900123'], /^Acme Bank: your card ending 4421/],
    ['sms-from-shortcode-name.json', { address: 'ACMEBANK', name: 'ACMEBANK' }, ['+14155550100'], /^Your code is 1234$/],
    ['sms-from-short-code.json', { address: '40404', name: null }, ['+14155550100'], /^Your verification code is 482913/],
    ['sms-to-short-code.json', { address: '+14155550142', name: null }, ['72345'], /^JOIN$/],
    ['sms-to-number-with-odd-characters.json', { address: '+14155550142', name: null }, ['+14155550100'], /^Is the shop open on Sunday\?$/],
    ['sms-to-number-outside-the-plan.json', { address: '+14155550142', name: null }, ['+266696687123456'], /^Hello\?$/],
    ['sms-messaging-service-extra-fields.json', { address: '+14155550142', name: null }, ['+14155550100'], /^I ordered the blue jacket/],
  ];
  for (const [fixture, from, to, text] of cases) {
    it(`${fixture}: from ${from.address} to ${to.join(', ')}`, () => {
      const m = messageOf(fixture);
      expect(m.from).toEqual(from);
      expect(m.to).toEqual(to);
      expect(m.text).toMatch(text);
      expect(m.sender.verified).toBe(true);
    });
  }

  it('says what kind of sender Twilio vouched for', () => {
    expect(messageOf('sms-from-alphanumeric-sender.json').sender.reason).toBe('sender ID reported by Twilio (signed webhook)');
    expect(messageOf('sms-from-short-code.json').sender.reason).toBe('short code reported by Twilio (signed webhook)');
    expect(messageOf('sms-inbound.json').sender.reason).toBe('number reported by Twilio (signed webhook)');
  });

  it('keeps media of any content type, parameters included, named by media SID', () => {
    expect(messageOf('mms-vcard-and-unknown-types.json').attachments.map((a) => [a.filename.slice(34), a.contentType])).toEqual([
      ['.vcf', 'text/vcard'],
      ['.ogg', 'audio/ogg; codecs=opus'],
      ['', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ]);
  });

  it('reads the media that are there whatever NumMedia says, and skips what cannot be fetched', () => {
    const mms = twilioFixture('mms-inbound-two-media.json');
    expect(normalizeSms({ ...mms, NumMedia: 'two' })).toEqual(normalizeSms(mms));
    const m = normalizeSms({ ...mms, NumMedia: '3', MediaUrl1: 'not a url' });
    expect(m.kind === 'message' && m.attachments.map((a) => a.contentType)).toEqual(['image/jpeg']);
  });

  it('takes a received / receiving status callback for a report that updates nothing, not a message', () => {
    expect(normalizeSms(twilioFixture('status-sms-receiving.json'))).toEqual({
      channel: 'sms',
      externalId: 'MM0639f5c0e2228ccdf3385f88f1579491:status:receiving',
      kind: 'ignored',
      reason: 'status receiving of a message the customer sent: nothing of ours to update',
    });
    // The inbound message webhook itself (a Body, only SmsStatus=received) stays a message.
    expect(normalizeSms(twilioFixture('sms-inbound.json')).kind).toBe('message');
  });

  it('maps every documented status of an outbound message, with the error code in words', () => {
    const statuses = {
      'status-sms-failed-30007.json': { status: 'failed', error: 'failed: Message filtered (Twilio error 30007)' },
      'status-sms-delivery-unknown.json': { status: 'sent', error: null },
      'status-sms-canceled-scheduled.json': { status: 'failed', error: 'canceled: no reason given' },
      'status-mms-partially-delivered.json': { status: 'delivered', error: null },
      'status-sms-sent-raw-dlr.json': { status: 'sent', error: null },
      'status-sms-to-alphanumeric-undelivered.json': { status: 'failed', error: 'undelivered: unknown error from the carrier (Twilio error 30008)' },
    };
    for (const [fixture, update] of Object.entries(statuses)) expect(normalizeSms(twilioFixture(fixture)), fixture).toMatchObject({ kind: 'status', update });
  });
});
