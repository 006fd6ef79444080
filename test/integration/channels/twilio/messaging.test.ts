// SMS and WhatsApp through Twilio, end to end: webhooks signed with the SDK's own signing code,
// the real `twilio` SDK sending to a local server that speaks Twilio's REST protocol, and the
// real Postgres, Redis and workers of a whole Parley.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../../../src/clock.ts';
import { sid, type FakeTwilio, type twilioWebhookPoster } from '../../../support/fake-twilio.ts';
import { INTERRUPTED_SEND_SECONDS, sweepQueuedMessages } from '../../../../src/domain/messages/sweep-queued-messages.ts';
import type { Harness } from '../../../support/harness.ts';
import { startTwilioHarness, TWILIO_PUBLIC_URL, type TwilioHarness } from '../../../support/twilio-harness.ts';
import { twilioPayloads, type TwilioPayloads } from '../../../support/twilio-payloads.ts';
import { waitUntil } from '../../../support/wait.ts';

const PUBLIC_URL = TWILIO_PUBLIC_URL;
const SMS_NUMBER = '+14155550100';
const WA_NUMBER = '+14155550199';

/** Real time, moved forward by `advance` (the WhatsApp window is 24 hours). */
const shiftedClock = () => {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms: number) => (offset += ms) } satisfies Clock & { advance(ms: number): number };
};

describe('SMS and WhatsApp through Twilio', () => {
  let h: Harness;
  let fake: FakeTwilio;
  let admin: string;
  let post: ReturnType<typeof twilioWebhookPoster>;
  const clock = shiftedClock();

  let t: TwilioHarness;
  let sms: TwilioPayloads['sms'];
  let whatsapp: TwilioPayloads['whatsapp'];
  let status: TwilioPayloads['status'];

  beforeAll(async () => {
    t = await startTwilioHarness({
      env: { MEDIA_MAX_BYTES: '4096' },
      clock,
      channels: (settings) => [
        { kind: 'sms', name: 'Acme SMS', address: SMS_NUMBER, settings },
        { kind: 'whatsapp', name: 'Acme WhatsApp', address: WA_NUMBER, settings },
      ],
    });
    ({ h, fake, admin, post } = t);
    ({ sms, whatsapp, status } = twilioPayloads({ accountSid: fake.accountSid, smsNumber: SMS_NUMBER, whatsappNumber: WA_NUMBER }));
  });
  afterAll(async () => {
    await t?.close();
  });

  const db = () => h.testDb.db;
  const messageBySid = (externalId: string) => waitUntil(() => db().message.findFirst({ where: { externalId }, include: { conversation: true, attachments: true } }), `message ${externalId}`);

  it('an SMS and a WhatsApp message from the same number reach one contact, with one identity per channel kind', async () => {
    const first = sms('+14155550142', 'Hi, my order #77 is late');
    const reply = await post('/webhooks/twilio/messages', first);
    expect(reply.status).toBe(200);
    expect(reply.contentType).toContain('text/xml');
    expect(reply.text).toContain('<Response/>');
    const second = whatsapp('+14155550142', 'Sending a photo of the parcel on WhatsApp');
    expect((await post('/webhooks/twilio/messages', second)).status).toBe(200);

    const a = await messageBySid(first.MessageSid);
    const b = await messageBySid(second.MessageSid);
    expect(a.conversation.contactId).toBe(b.conversation.contactId);
    expect(a.conversation.channelId).not.toBe(b.conversation.channelId);
    const contact = await h.api(admin, 'GET', `/api/contacts/${a.conversation.contactId}`);
    expect(contact.status).toBe(200);
    expect(contact.body.phone).toBe('+14155550142');
    expect(contact.body.name).toBe('Wanda Whats');
    expect(contact.body.identities.map((i: any) => [i.channelKind, i.address]).sort()).toEqual([
      ['sms', '+14155550142'],
      ['whatsapp', '+14155550142'],
    ]);
    const view = await h.api(admin, 'GET', `/api/conversations/${a.conversationId}`);
    expect(view.body.channel.kind).toBe('sms');
    expect(view.body.messages.map((m: any) => m.text)).toEqual(['Hi, my order #77 is late']);
  });

  it('media become attachments downloaded with the account credentials; a file over MEDIA_MAX_BYTES says why it was not', async () => {
    const small = Buffer.from('GIF89a tiny picture bytes');
    const path = `/2010-04-01/Accounts/${fake.accountSid}/Messages/${sid('MM')}/Media/${sid('ME')}`;
    const url = fake.serveFile(path, { content: small, contentType: 'image/gif' });
    const bigPath = `/2010-04-01/Accounts/${fake.accountSid}/Messages/${sid('MM')}/Media/${sid('ME')}`;
    const bigUrl = fake.serveFile(bigPath, { content: Buffer.alloc(5000, 1), contentType: 'video/mp4' });
    const params = whatsapp('+14155550144', '', { NumMedia: '2', MediaUrl0: url, MediaContentType0: 'image/gif', MediaUrl1: bigUrl, MediaContentType1: 'video/mp4' });
    expect((await post('/webhooks/twilio/messages', params)).status).toBe(200);

    const m = await messageBySid(params.MessageSid);
    const [gif, video] = await waitUntil(async () => {
      const rows = await db().attachment.findMany({ where: { messageId: m.id }, orderBy: { filename: 'asc' } });
      const done = rows.length === 2 && rows.every((r) => r.storageKey || r.fetchError);
      return done ? [rows.find((r) => r.contentType === 'image/gif')!, rows.find((r) => r.contentType === 'video/mp4')!] : null;
    }, 'both media handled');
    expect(gif.sourceUrl).toBe(url);
    expect(gif.size).toBe(small.length);
    expect(gif.filename).toMatch(/^ME[0-9a-f]{32}\.gif$/);
    const download = await fetch(`${h.apiUrl}/api/attachments/${gif.id}`, { headers: { authorization: `Bearer ${admin}` } });
    expect(Buffer.from(await download.arrayBuffer())).toEqual(small);
    expect(fake.requests.find((r) => r.path === path)?.auth).toEqual({ user: fake.accountSid, pass: fake.authToken });

    expect(video.storageKey).toBeNull();
    expect(video.fetchError).toMatch(/5000 bytes, more than the 4096 bytes allowed/);
    const refused = await h.api(admin, 'GET', `/api/attachments/${video.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/could not be downloaded.*MEDIA_MAX_BYTES/);
  });

  it("an agent's SMS goes out through the SDK with a status callback, and status callbacks move its delivery state", async () => {
    const inbound = sms('+14155550145', 'Can you text me the tracking link?');
    await post('/webhooks/twilio/messages', inbound);
    const { conversationId } = await messageBySid(inbound.MessageSid);
    const reply = await h.api(admin, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'Here it is: https://track.example/77' });
    expect(reply.status).toBe(202);
    const sent = await waitUntil(async () => {
      const m = await db().message.findUniqueOrThrow({ where: { id: reply.body.id } });
      return m.deliveryStatus === 'sent' ? m : null;
    }, 'the reply sent');
    const request = fake.sent().find((f) => f.Body === 'Here it is: https://track.example/77')!;
    // Each message names its channel's own status URL.
    const statusPath = `/webhooks/sms/${h.workspace.channels.find((c) => c.address === SMS_NUMBER)!.id}/status`;
    expect(request).toMatchObject({ To: '+14155550145', From: SMS_NUMBER, StatusCallback: `${PUBLIC_URL}${statusPath}` });
    expect(sent.externalId).toMatch(/^SM[0-9a-f]{32}$/);

    expect((await post(statusPath, status(sent.externalId!, 'delivered', {}, SMS_NUMBER, '+14155550145'))).status).toBe(200);
    const delivered = await waitUntil(async () => {
      const r = await h.api(admin, 'GET', `/api/conversations/${conversationId}`);
      const m = (r.body.messages as any[]).find((x) => x.id === reply.body.id);
      return m?.deliveryStatus === 'delivered' ? m : null;
    }, 'delivered');
    expect(delivered.deliveredAt).not.toBeNull();
    // A late "sent" report does not move it back.
    await post('/webhooks/twilio/messages/status', status(sent.externalId!, 'sent', {}, SMS_NUMBER, '+14155550145'));
    await waitUntil(async () => (await db().inboundEvent.count({ where: { status: 'received' } })) === 0, 'ingest to drain');
    expect((await db().message.findUniqueOrThrow({ where: { id: reply.body.id } })).deliveryStatus).toBe('delivered');
  });

  it('files on an SMS reply are refused at once with 422, and nothing is stored or sent', async () => {
    const inbound = sms('+14155550149', 'Can you send the invoice?');
    await post('/webhooks/twilio/messages', inbound);
    const { conversationId } = await messageBySid(inbound.MessageSid);
    const before = await db().message.count({ where: { conversationId } });
    const attachments = [{ filename: 'invoice.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.7').toString('base64') }];
    const res = await h.api(admin, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'Here you go', attachments });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('sms conversations cannot carry files; send a link instead');
    expect(await db().message.count({ where: { conversationId } })).toBe(before);
    expect(await db().attachment.count({ where: { filename: 'invoice.pdf' } })).toBe(0);
    expect(fake.sent().some((f) => f.Body === 'Here you go')).toBe(false);
    // The channel list tells the inbox so, before the agent picks a file.
    const channels = await h.api(admin, 'GET', '/api/channels');
    expect(channels.body.items.find((c: { kind: string }) => c.kind === 'sms').maxReplyFileBytes).toBeNull();
  });

  it('a send interrupted after Twilio took it is found at Twilio and recorded, not texted twice; one Twilio never got is sent', async () => {
    const inbound = sms('+14155550150', 'Is my order on its way?');
    await post('/webhooks/twilio/messages', inbound);
    const { conversationId } = await messageBySid(inbound.MessageSid);
    const reply = await h.api(admin, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'Yes, it left the warehouse today.' });
    const first = await waitUntil(async () => (await db().message.findFirst({ where: { id: reply.body.id, deliveryStatus: 'sent' } })) ?? null, 'sent');
    // The job finishes a moment after the message is recorded sent (it then releases the next reply).
    await h.queuesDrained(['deliver']);
    // The worker died after Twilio's answer, before recording it: still 'sending', no sid, the job gone.
    const longAgo = new Date(h.rt.deps.clock.now().getTime() - (INTERRUPTED_SEND_SECONDS + 60) * 1000);
    const interrupt = (data: { text?: string; updatedAt?: Date } = {}) => db().message.update({ where: { id: reply.body.id }, data: { updatedAt: longAgo, ...data, deliveryStatus: 'sending', externalId: null } });
    // A send under way for a moment is left alone.
    await interrupt({ updatedAt: h.rt.deps.clock.now() });
    expect(await sweepQueuedMessages(h.rt.deps, { staleSeconds: 60 })).toBe(0);
    await interrupt();
    expect(await sweepQueuedMessages(h.rt.deps, { staleSeconds: 60 })).toBe(1);
    const adopted = await waitUntil(async () => (await db().message.findFirst({ where: { id: reply.body.id, deliveryStatus: 'sent' } })) ?? null, 'the interrupted send recorded');
    await h.queuesDrained(['deliver']);
    expect(adopted.externalId).toBe(first.externalId);
    expect(fake.sent().filter((f) => f.Body === 'Yes, it left the warehouse today.')).toHaveLength(1);
    expect(fake.requests.some((r) => r.method === 'GET' && r.path.endsWith('/Messages.json'))).toBe(true);

    // Interrupted before Twilio had it: nothing there to adopt, so it is sent (once).
    await interrupt({ text: 'Tracking: https://track.example/150' });
    expect(await sweepQueuedMessages(h.rt.deps, { staleSeconds: 60 })).toBe(1);
    const resent = await waitUntil(async () => {
      const m = await db().message.findFirst({ where: { id: reply.body.id, deliveryStatus: 'sent' } });
      return m?.externalId ? m : null;
    }, 'the message sent after all');
    expect(resent.externalId).not.toBe(first.externalId);
    expect(fake.sent().filter((f) => f.Body === 'Tracking: https://track.example/150')).toHaveLength(1);
  });

  it('an undelivered message shows Twilio’s error code and reason to the agent', async () => {
    const inbound = sms('+14155550146', 'ping');
    await post('/webhooks/twilio/messages', inbound);
    const { conversationId } = await messageBySid(inbound.MessageSid);
    const reply = await h.api(admin, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'pong' });
    const sent = await waitUntil(async () => (await db().message.findFirst({ where: { id: reply.body.id, deliveryStatus: 'sent' } })) ?? null, 'sent');
    await post('/webhooks/twilio/messages/status', status(sent.externalId!, 'undelivered', { ErrorCode: '30003' }, SMS_NUMBER, '+14155550146'));
    const failed = await waitUntil(async () => {
      const r = await h.api(admin, 'GET', `/api/conversations/${conversationId}`);
      const m = (r.body.messages as any[]).find((x) => x.id === reply.body.id);
      return m?.deliveryStatus === 'failed' ? m : null;
    }, 'failed');
    expect(failed.deliveryError).toBe('undelivered: unreachable destination handset (Twilio error 30003)');
  });

  it('Twilio rejecting a number fails the reply at once; a 503 is retried until it goes through', async () => {
    const inbound = sms('+14155550147', 'text me');
    await post('/webhooks/twilio/messages', inbound);
    const { conversationId } = await messageBySid(inbound.MessageSid);

    fake.failNextSend({ status: 400, code: 21211, message: "The 'To' number +14155550147 is not a valid phone number." });
    const rejected = await h.api(admin, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'first try' });
    const failed = await waitUntil(async () => (await db().message.findFirst({ where: { id: rejected.body.id, deliveryStatus: 'failed' } })) ?? null, 'permanent failure');
    expect(failed.deliveryError).toBe("The 'To' number +14155550147 is not a valid phone number. (21211)");
    expect(failed.deliveryAttempts).toBe(1);

    fake.failNextSend({ status: 503, code: 20503, message: 'Service Unavailable' });
    const retried = await h.api(admin, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'second try' });
    const ok = await waitUntil(async () => (await db().message.findFirst({ where: { id: retried.body.id, deliveryStatus: 'sent' } })) ?? null, 'sent after a retry', 20_000);
    expect(ok.deliveryAttempts).toBe(2);
    expect(fake.sent().filter((f) => f.Body === 'second try')).toHaveLength(2);
  });

  it('STOP opts the number out and replies to it are refused with a clear error; START opts it back in', async () => {
    const hello = sms('+14155550148', 'Hello');
    await post('/webhooks/twilio/messages', hello);
    const { conversationId } = await messageBySid(hello.MessageSid);
    const stop = sms('+14155550148', ' Stop ');
    await post('/webhooks/twilio/messages', stop);
    const stopMessage = await messageBySid(stop.MessageSid);
    expect(stopMessage.conversationId).toBe(conversationId);
    const identity = await waitUntil(() => db().contactIdentity.findFirst({ where: { channelKind: 'sms', address: '+14155550148', optedOutAt: { not: null } } }), 'opted out');
    expect(identity.optedOutAt).toBeInstanceOf(Date);

    const sendsBefore = fake.sent().length;
    const refused = await h.api(admin, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'Are you sure?' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/opted out of sms messages/);
    expect(fake.sent().length).toBe(sendsBefore);

    await post('/webhooks/twilio/messages', sms('+14155550148', 'START'));
    await waitUntil(async () => (await db().contactIdentity.findUniqueOrThrow({ where: { id: identity.id } })).optedOutAt === null, 'opted back in');
    expect((await h.api(admin, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'Welcome back' })).status).toBe(202);
  });

  it('a WhatsApp reply inside 24 hours is free text; outside, free text is refused with 422 and a template is sent', async () => {
    const inbound = whatsapp('+14155550149', 'Do you ship to Canada?');
    await post('/webhooks/twilio/messages', inbound);
    const { conversationId } = await messageBySid(inbound.MessageSid);
    expect((await h.api(admin, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'Yes we do!' })).status).toBe(202);
    await waitUntil(async () => fake.sent().find((f) => f.Body === 'Yes we do!'), 'the free-text reply');
    expect(fake.sent().find((f) => f.Body === 'Yes we do!')).toMatchObject({ To: 'whatsapp:+14155550149', From: `whatsapp:${WA_NUMBER}` });

    clock.advance(25 * 3_600_000);
    // A day later the agent logs in again (an idle session ends after SESSION_IDLE_MINUTES).
    const nextDay = await h.login(h.workspace.agents[0]!.email);
    const late = await h.api(nextDay, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'Anything else?' });
    expect(late.status).toBe(422);
    expect(late.body.error.message).toMatch(/outside WhatsApp's 24-hour window: only an approved template can be sent/);

    const template = await h.api(nextDay, 'POST', `/api/conversations/${conversationId}/messages`, { template: { contentSid: 'HX0123456789abcdef0123456789abcdef', variables: { '1': 'Wanda' } } });
    expect(template.status).toBe(202);
    expect(template.body.text).toBe('Template HX0123456789abcdef0123456789abcdef (1: Wanda)');
    const sent = await waitUntil(async () => fake.sent().find((f) => f.ContentSid === 'HX0123456789abcdef0123456789abcdef'), 'the template');
    expect(sent).toMatchObject({ To: 'whatsapp:+14155550149', ContentVariables: '{"1":"Wanda"}' });
    expect(sent.Body).toBeUndefined();
  });
});
