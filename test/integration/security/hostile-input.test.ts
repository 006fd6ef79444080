// Hostile input at Parley's edges over real HTTP, SMTP, Postgres, Redis and workers: JSON nested
// far too deep, characters Postgres refuses, and a flood of forged webhooks racing the cap.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptInboundEvent } from '../../../src/domain/inbound/accept-inbound-event.ts';
import { MAX_REJECTED_KEPT_PER_MINUTE } from '../../../src/domain/webhooks/record-rejected-webhook.ts';
import { startHarness, type Harness } from '../../support/harness.ts';
import { waitUntil } from '../../support/wait.ts';

const SECRET = 'hostile-input-webhook-secret';
const fixture = (name: string): Record<string, any> => JSON.parse(readFileSync(new URL(`../../fixtures/telegram/${name}`, import.meta.url), 'utf8'));
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('hostile input', () => {
  let h: Harness;
  let admin: string;
  let telegramId: string;
  let floodedId: string;

  beforeAll(async () => {
    h = await startHarness({
      // 300 forged requests share two cores with other test files: give the edge time to store them.
      env: { WEBHOOK_DEADLINE_MS: '60000' },
      channels: [
        { kind: 'telegram', name: 'Telegram', address: 'acme_hostile_bot', settings: { botToken: '123456:hostile', webhookSecret: SECRET } },
        { kind: 'telegram', name: 'Flooded', address: 'acme_flood_bot', settings: { botToken: '123457:flooded', webhookSecret: SECRET } },
      ],
    });
    admin = await h.login(h.workspace.agents[0]!.email);
    telegramId = h.workspace.channels.find((c) => c.address === 'acme_hostile_bot')!.id;
    floodedId = h.workspace.channels.find((c) => c.address === 'acme_flood_bot')!.id;
  });
  afterAll(async () => h?.close());

  const postTelegram = (body: string, secret = SECRET, id = telegramId) =>
    fetch(`${h.apiUrl}/webhooks/telegram/${id}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body });
  const db = () => h.testDb.db;

  it('answers a 50,000-deep Telegram update 200 (no retry storm) and keeps it as a failed event with the reason', async () => {
    const res = await postTelegram(`{"update_id":777001,"message":{"message_id":1,"chat":{"id":1,"type":"private"},"date":1,"from":{"id":1,"first_name":"A"}},"extra":${nested(50_000)}}`);
    expect(res.status).toBe(200);
    const event = await waitUntil(async () => {
      const e = await db().inboundEvent.findFirst({ where: { channelId: telegramId, status: 'failed' } });
      return e ?? null;
    }, 'the deep update marked failed');
    expect(event.error).toMatch(/nested more than 64 levels deep/);
    expect(event.raw?.length).toBeGreaterThan(100_000);
  });

  it('keeps a 50,000-deep payload that came without its bytes (a polled update) as failed, so the poller moves on', async () => {
    const update = { update_id: 777010, extra: JSON.parse(nested(50_000)) };
    const accepted = await acceptInboundEvent(h.rt.deps, { workspaceId: h.workspace.workspace.id, channelId: telegramId, externalId: 'update:777010', payload: update });
    expect(accepted).toMatchObject({ duplicate: false, queued: false });
    const event = await db().inboundEvent.findUniqueOrThrow({ where: { id: accepted.inboundEventId } });
    expect(event).toMatchObject({ status: 'failed', error: 'not stored: the payload is JSON nested more than 64 levels deep', payload: null });
    // Polled again (the poller could not tell it was kept): a duplicate, still not queued.
    expect(await acceptInboundEvent(h.rt.deps, { workspaceId: h.workspace.workspace.id, channelId: telegramId, externalId: 'update:777010', payload: update })).toMatchObject({ duplicate: true, queued: false });
  });

  it('refuses a 20,000-deep settings PATCH with 400 and a clear message, changing nothing', async () => {
    const before = await db().channel.findUniqueOrThrow({ where: { id: telegramId } });
    const res = await fetch(`${h.apiUrl}/api/channels/${telegramId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: `{"settings":{"allowGroups":${nested(20_000)}}}`,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/nested more than 64 levels deep/) });
    expect((await db().channel.findUniqueOrThrow({ where: { id: telegramId } })).settings).toEqual(before.settings);
  });

  it('still takes a body of ordinary depth on the same route', async () => {
    const res = await h.api(admin, 'PATCH', `/api/channels/${telegramId}`, { name: 'Telegram bot' });
    expect(res.status).toBe(200);
  });

  it('delivers an email whose subject holds a NUL byte to the inbox (the real SMTP edge)', async () => {
    const messageId = await h.sendCustomerMail({ from: 'nul@customer.test', subject: 'Order\u0000 #77 broken', text: 'Body with a NUL \u0000 in it' });
    const conversationId = await h.conversationFor(messageId);
    const conv = await h.api(admin, 'GET', `/api/conversations/${conversationId}`);
    expect(conv.status).toBe(200);
    expect(conv.body.subject).toBe('Order #77 broken');
    expect(conv.body.messages[0].text).toContain('Body with a NUL  in it');
  });

  it('delivers a Telegram message with a NUL and a lone surrogate (refused by jsonb) to the inbox', async () => {
    const update = fixture('text.json');
    update.update_id = 777002;
    update.message.message_id = 4711;
    update.message.text = 'zero\u0000here and half \ud83d a pair';
    const res = await postTelegram(JSON.stringify(update));
    expect(res.status).toBe(200);
    const m = await waitUntil(async () => db().message.findFirst({ where: { channelId: telegramId, externalId: { endsWith: ':4711' } } }), 'the message');
    expect(m.text).toBe('zerohere and half \ufffd a pair');
    const event = await db().inboundEvent.findFirstOrThrow({ where: { channelId: telegramId, messageId: m.id } });
    expect(JSON.stringify(event.payload)).toContain('zerohere');
  });

  it('keeps at most the cap of 300 concurrent forged webhooks, and the genuine bot still gets through', async () => {
    const statuses = await Promise.all(Array.from({ length: 300 }, (_, i) => postTelegram(JSON.stringify(fixture('text.json')), `forged-${i}`, floodedId).then((r) => r.status)));
    expect(new Set(statuses)).toEqual(new Set([403]));
    expect(await db().inboundEvent.count({ where: { channelId: floodedId, status: 'rejected' } })).toBe(MAX_REJECTED_KEPT_PER_MINUTE);
    expect((await postTelegram(JSON.stringify({ ...fixture('text.json'), update_id: 777003 }), SECRET, floodedId)).status).toBe(200);
  });
});
