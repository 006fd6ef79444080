// Genuine Telegram updates that were refused before, through the real webhook, Postgres, Redis and
// workers (telegraf answers through a local Bot API stand-in): a private message with
// `last_name: null`, an anonymous group admin writing as the group (sender_chat), and a poll reach
// the inbox readably; a reply to the group admin goes to the group; a channel post is acknowledged
// and dropped, opening no conversation and leaving no failed event. Long polling (telegraf's
// client against the stand-in) confirms the channel post to Telegram, logs why it was dropped, and
// goes on to the next update.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTelegramPolling } from '../../../../channels/telegram/polling.ts';
import { createListenerContext } from '../../../../src/domain/inbound/listener-context.ts';
import { listenerSettings } from '../../../../src/runtime-listeners.ts';
import { startFakeTelegram, type FakeTelegram } from '../../../support/fake-telegram.ts';
import { startHarness, type Harness } from '../../../support/harness.ts';
import { processLeases } from '../../../support/leases.ts';
import { waitUntil } from '../../../support/wait.ts';

const SECRET = 'telegram-webhook-secret-for-genuine-updates';
const fixture = (name: string): Record<string, any> => JSON.parse(readFileSync(new URL(`../../../fixtures/telegram/${name}`, import.meta.url), 'utf8'));

describe('telegram genuine updates', () => {
  let tg: FakeTelegram;
  let h: Harness;
  let admin: string;
  let channelId: string;

  beforeAll(async () => {
    tg = await startFakeTelegram();
    h = await startHarness({
      env: { TELEGRAM_API_ROOT: tg.url },
      channels: [{ kind: 'telegram', name: 'Telegram', address: 'acme_support_bot', settings: { botToken: tg.token, webhookSecret: SECRET, allowGroups: true } }],
    });
    admin = await h.login(h.workspace.agents[0]!.email);
    channelId = h.workspace.channels.find((c) => c.address === 'acme_support_bot')!.id;
  });
  afterAll(async () => {
    await h?.close();
    await tg?.close();
  });

  const post = (update: unknown) =>
    fetch(`${h.apiUrl}/webhooks/telegram/${channelId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(update),
    });
  const db = () => h.testDb.db;
  const messageBy = (externalId: string) => waitUntil(async () => db().message.findFirst({ where: { channelId, externalId } }), `message ${externalId}`);
  const conversationOf = async (conversationId: string) => {
    const res = await h.api(admin, 'GET', `/api/conversations/${conversationId}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('shows a private message whose last_name (and other fields) are null, under the first name', async () => {
    expect((await post(fixture('last-name-null.json'))).status).toBe(200);
    const m = await messageBy('515151:201');
    const conv = await conversationOf(m.conversationId);
    expect(conv).toMatchObject({ channel: { kind: 'telegram' }, contact: { name: 'Ana' } });
    expect(conv.messages.map((x: any) => x.text)).toEqual(['Hi, is the shop open on Sunday?']);
    const event = await db().inboundEvent.findUniqueOrThrow({ where: { channelId_externalId: { channelId, externalId: '515151:201' } } });
    expect(event.status).toBe('processed');
  });

  it('shows an anonymous group admin as the group, and answers in the group', async () => {
    expect((await post(fixture('anonymous-admin.json'))).status).toBe(200);
    const m = await messageBy('-1001234567890:12');
    const conv = await conversationOf(m.conversationId);
    expect(conv.contact.name).toBe('Acme customers');
    expect(conv.messages.map((x: any) => x.text)).toEqual(['Support team: please DM the bot with your order number.']);
    const identity = await db().contactIdentity.findFirstOrThrow({ where: { contactId: m.authorContactId!, channelKind: 'telegram' } });
    expect(identity).toMatchObject({ address: '-1001234567890', displayName: 'Acme customers', verifiedAt: expect.any(Date) });

    const reply = await h.api(admin, 'POST', `/api/conversations/${m.conversationId}/messages`, { text: 'Thanks, we will watch the bot.' });
    expect(reply.status).toBe(202);
    const call = await tg.waitFor('sendMessage', (c) => c.params.text === 'Thanks, we will watch the bot.');
    expect(String(call.params.chat_id)).toBe('-1001234567890');
  });

  it('shows a poll as its question and options', async () => {
    expect((await post(fixture('poll.json'))).status).toBe(200);
    const m = await messageBy('424242:205');
    const conv = await conversationOf(m.conversationId);
    expect(conv.contact.name).toBe('Olga Petrova');
    expect(conv.messages.map((x: any) => x.text)).toEqual(['Poll: Which delivery slot suits you?\n- Morning\n- Afternoon\n- Evening']);
  });

  it('records a channel post as ignored with the reason: no conversation, no contact, no failed event', async () => {
    const conversations = await db().conversation.count();
    const contacts = await db().contact.count();
    const res = await post(fixture('channel-post.json'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    const recorded = await waitUntil(async () => {
      const e = await db().inboundEvent.findFirst({ where: { channelId, externalId: 'update:900131' } });
      return e?.status === 'ignored' ? e : null;
    }, 'the channel post recorded as ignored');
    expect(recorded.error).toMatch(/\(channel_post\): a post in a channel the bot is in/);
    // A later update is processed, so the worker had its chance at anything kept before it.
    await post(fixture('dice.json'));
    await messageBy('424242:204');
    expect(await db().conversation.count()).toBe(conversations);
    expect(await db().contact.count()).toBe(contacts);
    expect(await db().inboundEvent.count({ where: { channelId, status: 'failed' } })).toBe(0);
    expect(await db().message.count({ where: { channelId, text: { contains: 'support hours' } } })).toBe(0);
  });
});

describe('telegram genuine updates by long polling', () => {
  const closers: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  it('confirms a channel post, records it as ignored, and stores the private message after it', async () => {
    const tg = await startFakeTelegram({ botUsername: 'acme_poll_bot' });
    closers.push(() => tg.close());
    const h = await startHarness({
      env: { TELEGRAM_API_ROOT: tg.url },
      channels: [{ kind: 'telegram', name: 'Polled', address: 'acme_poll_bot', settings: { botToken: tg.token, polling: true } }],
    });
    closers.push(() => h.close());
    const channelId = h.workspace.channels.find((c) => c.address === 'acme_poll_bot')!.id;
    const leases = processLeases(h.rt.config.QUEUE_PREFIX);
    closers.push(() => leases.close());
    const ctx = createListenerContext(h.rt.deps, { kind: 'telegram', name: 'polling', settings: listenerSettings(h.rt.config), api: null, every: null, leases });
    const pollers = await startTelegramPolling(ctx, { all: false, refreshMs: 60_000, apiRoot: tg.url });
    closers.push(() => pollers.stop());

    tg.pushUpdate(fixture('channel-post.json'));
    const privateMessage = fixture('last-name-null.json');
    privateMessage.update_id = 900200;
    tg.pushUpdate(privateMessage);
    const m = await waitUntil(() => h.testDb.db.message.findFirst({ where: { channelId, externalId: '515151:201' } }), 'the private message stored');
    expect(m.text).toBe('Hi, is the shop open on Sunday?');
    // Both are confirmed to Telegram: a later getUpdates asks only for what comes after them.
    await waitUntil(async () => tg.calls.some((c) => c.method === 'getUpdates' && Number(c.params.offset) === 900201) || null, 'both updates confirmed');
    const post = await waitUntil(async () => {
      const e = await h.testDb.db.inboundEvent.findFirst({ where: { channelId, externalId: 'update:900131' } });
      return e?.status === 'ignored' ? e : null;
    }, 'the channel post recorded as ignored');
    expect(post.error).toMatch(/^update 900131 \(channel_post\): /);
    expect(await h.testDb.db.inboundEvent.count({ where: { channelId } })).toBe(2);
    expect(await h.testDb.db.conversation.count({ where: { channelId } })).toBe(1);
  });
});
