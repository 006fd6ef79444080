// The webhook edge under a burst: concurrent deliveries share one INSERT and one addBulk per turn
// of the event loop, and the channel a webhook is for is cached per process for a bounded time.
// Duplicates stay one row and one message, Redis being down still loses nothing, a channel
// deactivated elsewhere stops accepting within the cache's bound (here, at once), and a rotated
// credential is believed at once.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.ts';
import { acceptInboundEvent } from '../../../src/domain/inbound/accept-inbound-event.ts';
import { CHANNEL_CACHE_TTL_MS } from '../../../src/domain/inbound/webhook-channel-cache.ts';
import { createLogger } from '../../../src/log.ts';
import { createQueues } from '../../../src/queues.ts';
import { createProducerRedis } from '../../../src/redis.ts';
import { sid, twilioWebhookPoster } from '../../support/fake-twilio.ts';
import type { Harness } from '../../support/harness.ts';
import { freePort } from '../../support/redis-server.ts';
import { startTwilioHarness, TWILIO_PUBLIC_URL, type TwilioHarness } from '../../support/twilio-harness.ts';
import { twilioPayloads, type TwilioPayloads } from '../../support/twilio-payloads.ts';
import { waitUntil } from '../../support/wait.ts';

const SMS_NUMBER = '+14155550100';
const clock = fixedClock(new Date());

describe('the webhook edge under a burst', () => {
  let t: TwilioHarness;
  let h: Harness;
  let sms: TwilioPayloads['sms'];
  let channelId: string;

  beforeAll(async () => {
    t = await startTwilioHarness({ clock, channels: (settings) => [{ kind: 'sms', name: 'Acme SMS', address: SMS_NUMBER, settings }] });
    h = t.h;
    ({ sms } = twilioPayloads({ accountSid: t.fake.accountSid, smsNumber: SMS_NUMBER }));
    channelId = h.workspace.channels.find((c) => c.address === SMS_NUMBER)!.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const db = () => h.testDb.db;

  it('a burst with the same webhook several times over keeps one event and one message per MessageSid', async () => {
    const distinct = Array.from({ length: 12 }, (_, i) => sms(`+1415555${String(2000 + i)}`, `burst ${i}`));
    const burst = [...distinct, distinct[0]!, distinct[0]!, distinct[5]!, distinct[0]!];
    const replies = await Promise.all(burst.map((p) => t.post('/webhooks/twilio/messages', p)));
    expect(replies.map((r) => r.status)).toEqual(burst.map(() => 200));
    // A replay after the burst, of a row stored by it.
    expect((await t.post('/webhooks/twilio/messages', distinct[5]!)).status).toBe(200);
    const sids = distinct.map((p) => p.MessageSid);
    await waitUntil(async () => (await db().message.count({ where: { externalId: { in: sids } } })) === sids.length, 'every message stored');
    await waitUntil(async () => (await db().inboundEvent.count({ where: { externalId: { in: sids }, status: 'received' } })) === 0, 'ingest to drain');
    expect(await db().inboundEvent.count({ where: { externalId: { in: sids } } })).toBe(sids.length);
    const perSid = await db().message.groupBy({ by: ['externalId'], where: { externalId: { in: sids } }, _count: true });
    expect(perSid.every((g) => g._count === 1)).toBe(true);
  });

  it('with Redis away, every event of a joined batch is kept as received and said not queued; a later retry is a nudge', async () => {
    const deadRedis = createProducerRedis(`redis://127.0.0.1:${await freePort()}`, { retryStrategy: () => null });
    deadRedis.on('error', () => undefined);
    const away = createQueues(deadRedis, `t-away-${randomBytes(4).toString('hex')}`);
    const log = createLogger('silent');
    const keys = Array.from({ length: 4 }, () => sid('SM'));
    const accept = (externalId: string, queues = away) =>
      acceptInboundEvent({ db: db(), queues, log }, { workspaceId: h.workspace.workspace.id, channelId, externalId, payload: { MessageSid: externalId, note: 'while redis is away' } });
    try {
      const results = await Promise.all(keys.map((k) => accept(k)));
      expect(results.map((r) => [r.duplicate, r.queued])).toEqual(keys.map(() => [false, false]));
      const rows = await db().inboundEvent.findMany({ where: { externalId: { in: keys } } });
      expect(rows.map((r) => r.status)).toEqual(keys.map(() => 'received'));
      expect(rows.map((r) => r.id).sort()).toEqual(results.map((r) => r.inboundEventId).sort());
    } finally {
      await away.close().catch(() => undefined);
      deadRedis.disconnect();
    }
    const again = await accept(keys[0]!, h.rt.deps.queues);
    expect(again.duplicate).toBe(true);
    expect(again.queued).toBe(true);
  });

  it('a channel deactivated by another process stops taking webhooks once the cache bound has passed; one deactivated here, at once', async () => {
    expect((await t.post('/webhooks/twilio/messages', sms('+14155553001', 'before'))).status).toBe(200);
    await db().channel.update({ where: { id: channelId }, data: { active: false } });
    // Within the bound this process still has the channel as it was.
    expect((await t.post('/webhooks/twilio/messages', sms('+14155553001', 'within the bound'))).status).toBe(200);
    clock.advance(CHANNEL_CACHE_TTL_MS);
    expect((await t.post('/webhooks/twilio/messages', sms('+14155553001', 'after the bound'))).status).toBe(404);
    expect((await t.post(`/webhooks/sms/${channelId}`, sms('+14155553001', 'own URL after the bound'))).status).toBe(404);

    await db().channel.update({ where: { id: channelId }, data: { active: true } });
    expect((await t.post(`/webhooks/sms/${channelId}`, sms('+14155553001', 'back on'))).status).toBe(200);
    expect((await h.api(t.admin, 'PATCH', `/api/channels/${channelId}`, { active: false })).status).toBe(200);
    expect((await t.post(`/webhooks/sms/${channelId}`, sms('+14155553001', 'switched off here'))).status).toBe(404);
    expect((await h.api(t.admin, 'PATCH', `/api/channels/${channelId}`, { active: true })).status).toBe(200);
  });

  it('a credential rotated by another process is believed at once; the old one is refused', async () => {
    expect((await t.post('/webhooks/twilio/messages', sms('+14155553002', 'cached'))).status).toBe(200);
    const row = await db().channel.findUniqueOrThrow({ where: { id: channelId } });
    const rotated = 'f'.repeat(32);
    await db().channel.update({ where: { id: channelId }, data: { settings: { ...(row.settings as object), authToken: rotated } } });
    const signedNew = twilioWebhookPoster({ apiUrl: h.apiUrl, publicUrl: TWILIO_PUBLIC_URL, authToken: rotated });
    expect((await signedNew('/webhooks/twilio/messages', sms('+14155553002', 'new token'))).status).toBe(200);
    expect((await t.post('/webhooks/twilio/messages', sms('+14155553002', 'old token'))).status).toBe(403);
    await db().channel.update({ where: { id: channelId }, data: { settings: row.settings as object } });
  });
});
