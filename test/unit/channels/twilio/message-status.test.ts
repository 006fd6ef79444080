// Twilio's message statuses onto Parley's delivery states, and status callbacks read as updates.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isStatusCallback, mapMessageStatus, messagingEventKey, parseMessageStatus, twilioMessageStatuses } from '../../../../channels/twilio/message-status.ts';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/twilio/${name}`, import.meta.url), 'utf8')) as Record<string, string>;

describe('mapMessageStatus', () => {
  it('maps every status Twilio reports for an outbound message', () => {
    expect(Object.fromEntries(twilioMessageStatuses.map((s) => [s, mapMessageStatus(s)]))).toEqual({
      accepted: 'queued',
      scheduled: 'queued',
      queued: 'queued',
      sending: 'queued',
      sent: 'sent',
      delivery_unknown: 'sent',
      delivered: 'delivered',
      partially_delivered: 'delivered',
      read: 'read',
      undelivered: 'failed',
      failed: 'failed',
      canceled: 'failed',
    });
  });

  it('has no delivery state for inbound statuses or unknown words', () => {
    expect(mapMessageStatus('received')).toBeNull();
    expect(mapMessageStatus('receiving')).toBeNull();
    expect(mapMessageStatus('teleported')).toBeNull();
  });
});

describe('parseMessageStatus', () => {
  it('reads a delivered SMS', () => {
    expect(parseMessageStatus(fixture('status-sms-delivered.json'))).toEqual({ externalId: 'SM9a3b4c5d6e7f8091a2b3c4d5e6f70819', status: 'delivered', error: null, at: null });
  });

  it("gives an undelivered SMS Twilio's code and what it means", () => {
    expect(parseMessageStatus(fixture('status-sms-undelivered.json'))).toMatchObject({ status: 'failed', error: 'undelivered: unreachable destination handset (Twilio error 30003)' });
  });

  it('reads WhatsApp read receipts and the 24-hour window failure', () => {
    expect(parseMessageStatus(fixture('status-whatsapp-read.json'))).toMatchObject({ externalId: 'SMb4c5d6e7f8091a2b3c4d5e6f708192a3', status: 'read' });
    expect(parseMessageStatus(fixture('status-whatsapp-failed.json'))?.error).toBe('failed: outside the WhatsApp 24-hour window: only a template can be sent (Twilio error 63016)');
  });

  it("uses Twilio's own message when the callback carries one, and links unknown codes", () => {
    const base = fixture('status-sms-undelivered.json');
    expect(parseMessageStatus({ ...base, ErrorMessage: 'Carrier says no' })?.error).toBe('undelivered: Carrier says no (Twilio error 30003)');
    expect(parseMessageStatus({ ...base, ErrorCode: '39999' })?.error).toBe('undelivered: see https://www.twilio.com/docs/api/errors/39999 (Twilio error 39999)');
  });

  it('is null for an inbound message', () => {
    expect(parseMessageStatus(fixture('sms-inbound.json'))).toBeNull();
  });
});

describe('messagingEventKey', () => {
  it('is the MessageSid for an inbound message and one key per status for callbacks', () => {
    expect(isStatusCallback(fixture('sms-inbound.json'))).toBe(false);
    expect(messagingEventKey(fixture('sms-inbound.json'))).toBe('SM1f0e2d3c4b5a69788796a5b4c3d2e1f0');
    expect(messagingEventKey(fixture('status-sms-delivered.json'))).toBe('SM9a3b4c5d6e7f8091a2b3c4d5e6f70819:status:delivered');
    expect(messagingEventKey({ Body: 'no sid' })).toBeNull();
  });
});
