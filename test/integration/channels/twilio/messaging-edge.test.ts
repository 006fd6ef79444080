// The Twilio messaging webhook edge: a forged, missing or other account's signature is refused and
// recorded for admins, an unknown number gets 404, the channel's own URL works like the shared one
// (other steps, kinds and media types refused), and a replayed webhook makes no second message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sid, twilioWebhookPoster, type FakeTwilio } from '../../../support/fake-twilio.ts';
import type { Harness } from '../../../support/harness.ts';
import { startTwilioHarness, TWILIO_PUBLIC_URL, type TwilioHarness } from '../../../support/twilio-harness.ts';
import { twilioPayloads, type TwilioPayloads } from '../../../support/twilio-payloads.ts';
import { waitUntil } from '../../../support/wait.ts';

const PUBLIC_URL = TWILIO_PUBLIC_URL;
const SMS_NUMBER = '+14155550100';

describe('the Twilio messaging webhook edge', () => {
  let t: TwilioHarness;
  let h: Harness;
  let fake: FakeTwilio;
  let admin: string;
  let post: ReturnType<typeof twilioWebhookPoster>;
  let sms: TwilioPayloads['sms'];

  beforeAll(async () => {
    t = await startTwilioHarness({ channels: (settings) => [{ kind: 'sms', name: 'Acme SMS', address: SMS_NUMBER, settings }] });
    ({ h, fake, admin, post } = t);
    ({ sms } = twilioPayloads({ accountSid: fake.accountSid, smsNumber: SMS_NUMBER }));
  });
  afterAll(async () => {
    await t?.close();
  });

  const db = () => h.testDb.db;
  const messageBySid = (externalId: string) => waitUntil(() => db().message.findFirst({ where: { externalId } }), `message ${externalId}`);

  it('a forged or missing signature is refused with 403, recorded for admins, and nothing else is stored', async () => {
    const forged = sms('+14155550777', 'Let me in');
    const bad = await post('/webhooks/twilio/messages', forged, { signature: 'bm90IGEgc2lnbmF0dXJl' });
    expect(bad.status).toBe(403);
    expect(JSON.parse(bad.text).error.code).toBe('forbidden');
    const unsigned = await post('/webhooks/twilio/messages', { ...forged, MessageSid: sid('SM') }, { signature: null });
    expect(unsigned.status).toBe(403);

    const events = await h.api(admin, 'GET', '/api/inbound-events?status=rejected');
    expect(events.status).toBe(200);
    const reasons = (events.body.items as any[]).map((e) => e.error as string);
    expect(reasons.some((r) => r.includes('does not match') && r.includes(`${PUBLIC_URL}/webhooks/twilio/messages`))).toBe(true);
    expect(reasons.some((r) => r.includes('missing X-Twilio-Signature'))).toBe(true);
    expect(await db().inboundEvent.count({ where: { externalId: forged.MessageSid } })).toBe(0);
    expect(await db().contactIdentity.count({ where: { address: '+14155550777' } })).toBe(0);
    expect(await db().message.count({ where: { externalId: forged.MessageSid } })).toBe(0);
    const retry = await h.api(admin, 'POST', `/api/inbound-events/${events.body.items[0].id}/retry`);
    expect(retry.status).toBe(409);
  });

  it('a request signed for another account is refused even with the right URL', async () => {
    const other = twilioWebhookPoster({ apiUrl: h.apiUrl, publicUrl: PUBLIC_URL, authToken: 'another-accounts-token' });
    expect((await other('/webhooks/twilio/messages', sms('+14155550778', 'hello'))).status).toBe(403);
  });

  it('a message to a number Parley does not know gets 404 with a clear message and stores nothing', async () => {
    const before = await db().inboundEvent.count();
    const res = await post('/webhooks/twilio/messages', { ...sms('+14155550142', 'anyone?'), To: '+14155559999' });
    expect(res.status).toBe(404);
    expect(JSON.parse(res.text).error.message).toMatch(/No active sms channel .* \+14155559999/);
    expect(await db().inboundEvent.count()).toBe(before);
  });

  it("a message to the channel's own URL is taken like one to the shared URL; other steps, kinds and media types are refused", async () => {
    const own = `/webhooks/sms/${h.workspace.channels.find((c) => c.address === SMS_NUMBER)!.id}`;
    const params = sms('+14155550149', 'Straight to my channel');
    const res = await post(own, params);
    expect(res.status).toBe(200);
    expect(res.contentType).toContain('text/xml');
    expect((await messageBySid(params.MessageSid)).text).toBe('Straight to my channel');

    expect((await post(`${own}/nonsense`, sms('+14155550149', 'x'))).status).toBe(404);
    expect((await post(`/webhooks/pigeon/${h.workspace.channels[0]!.id}`, sms('+14155550149', 'x'))).status).toBe(404);
    // The SMS adapter's webhook at the email channel's id: no SMS channel has that id.
    expect((await post(`/webhooks/sms/${h.workspace.channels[0]!.id}`, sms('+14155550149', 'x'))).status).toBe(404);
    const json = await fetch(`${h.apiUrl}${own}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) });
    expect(json.status).toBe(415);
    expect(((await json.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
  });

  it('a duplicate webhook makes no duplicate message', async () => {
    const params = sms('+14155550143', 'Is anyone there?');
    expect((await post('/webhooks/twilio/messages', params)).status).toBe(200);
    expect((await post('/webhooks/twilio/messages', params)).status).toBe(200);
    const m = await messageBySid(params.MessageSid);
    await waitUntil(async () => (await db().inboundEvent.count({ where: { status: 'received' } })) === 0, 'ingest to drain');
    expect(await db().message.count({ where: { externalId: params.MessageSid } })).toBe(1);
    expect(await db().inboundEvent.count({ where: { externalId: params.MessageSid } })).toBe(1);
    expect((await db().conversation.findUniqueOrThrow({ where: { id: m.conversationId } })).messageCount).toBe(1);
  });
});
