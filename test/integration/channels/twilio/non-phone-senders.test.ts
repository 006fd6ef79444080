// Senders that are not phone numbers, through the real webhook routes (signed as Twilio signs),
// Postgres, Redis and workers: an SMS from an alphanumeric sender ID and a call from the Voice SDK
// client "client:alice" become conversations of contacts with identities of their own kind and no
// phone number; an SMS reply to the sender ID is refused with the reason, and nothing is queued.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sid, type FakeTwilio, type twilioWebhookPoster } from '../../../support/fake-twilio.ts';
import type { Harness } from '../../../support/harness.ts';
import { startTwilioHarness, type TwilioHarness } from '../../../support/twilio-harness.ts';
import { waitUntil } from '../../../support/wait.ts';

const SMS_NUMBER = '+14155550100';
const LINE = '+14155550300';

describe('senders that are not phone numbers', () => {
  let h: Harness;
  let fake: FakeTwilio;
  let admin: string;
  let post: ReturnType<typeof twilioWebhookPoster>;

  let t: TwilioHarness;

  beforeAll(async () => {
    t = await startTwilioHarness({
      channels: (settings) => [
        { kind: 'sms', name: 'Acme SMS', address: SMS_NUMBER, settings },
        { kind: 'voice', name: 'Acme Phone', address: LINE, settings },
      ],
    });
    ({ h, fake, admin, post } = t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const db = () => h.testDb.db;
  const messageBy = (externalId: string) => waitUntil(() => db().message.findFirst({ where: { externalId }, include: { conversation: true } }), `message ${externalId}`);

  it('an SMS from an alphanumeric sender ID lands in the inbox; an SMS reply to it is refused with the reason and nothing is queued', async () => {
    const messageSid = sid('SM');
    const params = { MessageSid: messageSid, SmsSid: messageSid, AccountSid: fake.accountSid, From: 'Acme Bank', To: SMS_NUMBER, Body: 'Acme Bank: your card ending 4421 was used for GBP 12.50.', NumMedia: '0', NumSegments: '1', SmsStatus: 'received', ApiVersion: '2010-04-01' };
    expect((await post('/webhooks/twilio/messages', params)).status).toBe(200);
    const message = await messageBy(messageSid);

    const contact = await h.api(admin, 'GET', `/api/contacts/${message.conversation.contactId}`);
    expect(contact.status).toBe(200);
    expect(contact.body).toMatchObject({ name: 'Acme Bank', phone: null });
    expect(contact.body.identities.map((i: any) => [i.channelKind, i.address])).toEqual([['sms', 'Acme Bank']]);
    const event = await db().inboundEvent.findFirstOrThrow({ where: { externalId: messageSid } });
    expect(event.status).toBe('processed');

    // The reply box learns it before the agent types: the conversation says why no written reply can go out.
    const view = await h.api(admin, 'GET', `/api/conversations/${message.conversationId}`);
    expect(view.body.replyRefusal).toBe('Acme Bank is an alphanumeric sender ID: it can send SMS messages but cannot receive them. Reach the customer another way.');
    const before = await db().message.count({ where: { conversationId: message.conversationId } });
    const reply = await h.api(admin, 'POST', `/api/conversations/${message.conversationId}/messages`, { text: 'Thanks, we will look into it.' });
    expect(reply.status).toBe(422);
    expect(reply.body.error.message).toBe('Acme Bank is an alphanumeric sender ID: it can send SMS messages but cannot receive them. Reach the customer another way.');
    expect(await db().message.count({ where: { conversationId: message.conversationId } })).toBe(before);
    expect(await db().message.count({ where: { direction: 'out' } })).toBe(0);
    expect(fake.sent()).toEqual([]);
  });

  it('a call from the Voice SDK client "client:alice" lands in the inbox as a contact whose identity is client:alice, with no phone', async () => {
    const callSid = sid('CA');
    const call = { CallSid: callSid, AccountSid: fake.accountSid, From: 'client:alice', Caller: 'client:alice', To: LINE, Called: LINE, CallStatus: 'ringing', Direction: 'inbound', ApiVersion: '2010-04-01', ApplicationSid: sid('AP') };
    const answer = await post('/webhooks/twilio/voice', call);
    expect(answer.status).toBe(200);
    expect(answer.contentType).toContain('text/xml');
    const entry = await messageBy(callSid);

    const contact = await h.api(admin, 'GET', `/api/contacts/${entry.conversation.contactId}`);
    expect(contact.body).toMatchObject({ name: 'alice', phone: null });
    expect(contact.body.identities.map((i: any) => [i.channelKind, i.address])).toEqual([['voice', 'client:alice']]);
    const view = await h.api(admin, 'GET', `/api/conversations/${entry.conversationId}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ channel: { kind: 'voice' }, contact: { name: 'alice', phone: null }, replyRefusal: expect.stringMatching(/client "alice"/) });

    const reply = await h.api(admin, 'POST', `/api/conversations/${entry.conversationId}/messages`, { text: 'Calling you back' });
    expect(reply.status).toBe(422);
    expect(reply.body.error.message).toMatch(/Twilio Voice SDK client "alice" \(an app or browser\), not a phone number: it cannot be called back by phone/);
  });

  it('a received status callback on the customer\'s message is kept as an ignored report, never a second message', async () => {
    const messageSid = sid('SM');
    const inbound = { MessageSid: messageSid, SmsSid: messageSid, AccountSid: fake.accountSid, From: '40404', To: SMS_NUMBER, Body: 'Your code is 482913', NumMedia: '0', SmsStatus: 'received', ApiVersion: '2010-04-01' };
    expect((await post('/webhooks/twilio/messages', inbound)).status).toBe(200);
    const message = await messageBy(messageSid);
    const smsChannel = h.workspace.channels.find((c) => c.address === SMS_NUMBER)!;
    const report = { MessageSid: messageSid, SmsSid: messageSid, AccountSid: fake.accountSid, From: '40404', To: SMS_NUMBER, MessageStatus: 'received', SmsStatus: 'received', ApiVersion: '2010-04-01' };
    expect((await post(`/webhooks/sms/${smsChannel.id}/status`, report)).status).toBe(200);
    const event = await waitUntil(() => db().inboundEvent.findFirst({ where: { externalId: `${messageSid}:status:received`, status: 'ignored' } }), 'the ignored report');
    expect(event.error).toBe('status received of a message the customer sent: nothing of ours to update');
    // The older shared status URL finds the channel by our number, which such a report names as To.
    const receiving = { ...report, MessageStatus: 'receiving', SmsStatus: 'receiving' };
    expect((await post('/webhooks/twilio/messages/status', receiving)).status).toBe(200);
    await waitUntil(() => db().inboundEvent.findFirst({ where: { externalId: `${messageSid}:status:receiving`, status: 'ignored' } }), 'the ignored report at the shared URL');
    expect(await db().message.count({ where: { conversationId: message.conversationId } })).toBe(1);
    expect((await h.api(admin, 'GET', `/api/conversations/${message.conversationId}`)).body.replyRefusal).toMatch(/^40404 is a short code: .*cannot receive SMS replies/);
  });
});
