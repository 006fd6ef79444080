// Agents' replies to Telegram customers through the deliver worker and telegraf, against a local
// Bot API stand-in: text and files arrive at the Bot API, a 429 is waited out for retry_after, a
// user who blocked the bot is marked and further replies refused until they write again. Also the
// development path: long polling feeds the same inbound pipeline.
import { showTelegramTyping } from '../../../../channels/telegram/send.ts';
import { relayAgentTyping } from '../../../../src/domain/messages/relay-agent-typing.ts';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from '../../../support/fake-telegram.ts';
import { startFakeTelegramRouter, type FakeTelegramRouter } from '../../../support/fake-telegram-router.ts';
import { startHarness, type Harness } from '../../../support/harness.ts';
import { waitUntil } from '../../../support/wait.ts';

const SECRET = 'outbound-tests-secret';
const text = (userId: number, messageId: number, body: string) => ({
  update_id: 700000 + messageId,
  message: { message_id: messageId, from: { id: userId, is_bot: false, first_name: `Customer ${userId}` }, chat: { id: userId, type: 'private' }, date: 1763900000, text: body },
});

describe('telegram outbound', () => {
  let tg: FakeTelegram;
  let polled: FakeTelegram;
  let router: FakeTelegramRouter;
  let h: Harness;
  let admin: string;
  let channelId: string;

  beforeAll(async () => {
    tg = await startFakeTelegram();
    polled = await startFakeTelegram({ token: '7000000002:AAPolledBotTokenForTests_0123456789', botUsername: 'acme_polled_bot' });
    // One Bot API root for the instance, serving both bots.
    router = await startFakeTelegramRouter([tg, polled]);
    h = await startHarness({
      env: { TELEGRAM_API_ROOT: router.url },
      channels: [
        { kind: 'telegram', name: 'Telegram', address: 'acme_support_bot', settings: { botToken: tg.token, webhookSecret: SECRET } },
        { kind: 'telegram', name: 'Telegram (dev)', address: 'acme_polled_bot', settings: { botToken: polled.token, polling: true } },
      ],
    });
    admin = await h.login(h.workspace.agents[0]!.email);
    channelId = h.workspace.channels.find((c) => c.address === 'acme_support_bot')!.id;
  });
  afterAll(async () => {
    await h?.close();
    await router?.close();
    await tg?.close();
    await polled?.close();
  });

  /** A customer writes; resolves with their conversation once ingested. */
  const customerWrites = async (userId: number, messageId: number, body: string) => {
    const res = await fetch(`${h.apiUrl}/webhooks/telegram/${channelId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(text(userId, messageId, body)),
    });
    expect(res.status).toBe(200);
    const m = await waitUntil(async () => h.testDb.db.message.findFirst({ where: { channelId, externalId: `${userId}:${messageId}` } }), `message ${userId}:${messageId}`);
    return m.conversationId;
  };
  const reply = (conversationId: string, body: Record<string, unknown>) => h.api(admin, 'POST', `/api/conversations/${conversationId}/messages`, body);
  const deliveryOf = (id: string, status: string) =>
    waitUntil(async () => {
      const m = await h.testDb.db.message.findUnique({ where: { id } });
      return m?.deliveryStatus === status ? m : null;
    }, `message ${id} ${status}`, 20_000);

  it('delivers an agent’s reply through the Bot API’s sendMessage and keeps Telegram’s message id', async () => {
    const conv = await customerWrites(111001, 1, 'Where is my refund?');
    const res = await reply(conv, { text: 'The refund was issued today.' });
    expect(res.status).toBe(202);
    const call = await tg.waitFor('sendMessage', (c) => c.params.text === 'The refund was issued today.');
    expect(call.params.chat_id).toBe('111001');
    const sent = await deliveryOf(res.body.id, 'sent');
    expect(sent.externalId).toMatch(/^111001:\d+$/);
  });

  it('sends files the agent attaches, as a photo or a document', async () => {
    const conv = await customerWrites(111002, 1, 'Can you send the invoice?');
    const res = await reply(conv, {
      text: 'Here it is.',
      attachments: [{ filename: 'invoice-77.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.7 invoice').toString('base64') }],
    });
    expect(res.status).toBe(202);
    const call = await tg.waitFor('sendDocument', (c) => c.params.chat_id === '111002');
    expect(call.params.caption).toBe('Here it is.');
    expect(call.files.document).toMatchObject({ filename: 'invoice-77.pdf', content: Buffer.from('%PDF-1.7 invoice') });
    await deliveryOf(res.body.id, 'sent');

    // A small JPEG goes as a photo; one over sendPhoto's 10 MB as a document, so Telegram takes it.
    const small = Buffer.alloc(2048, 1);
    const large = Buffer.alloc(10 * 1000 * 1000 + 1, 2);
    const photos = await reply(conv, {
      text: 'Photos of the parcel.',
      attachments: [
        { filename: 'small.jpg', contentType: 'image/jpeg', contentBase64: small.toString('base64') },
        { filename: 'large.jpg', contentType: 'image/jpeg', contentBase64: large.toString('base64') },
      ],
    });
    expect(photos.status).toBe(202);
    await deliveryOf(photos.body.id, 'sent');
    const photo = await tg.waitFor('sendPhoto', (c) => c.params.chat_id === '111002');
    expect(photo.files.photo).toMatchObject({ filename: 'small.jpg' });
    const document = await tg.waitFor('sendDocument', (c) => c.params.chat_id === '111002' && c.files.document?.filename === 'large.jpg');
    expect(document.files.document!.content.length).toBe(large.length);
  });

  it('shows the customer "typing…" while an agent types a reply', async () => {
    const conv = await customerWrites(111005, 1, 'Still there?');
    const agent = await h.socket(admin);
    agent.emit('conversation.typing', { conversationId: conv, typing: true });
    const call = await tg.waitFor('sendChatAction', (c) => c.params.chat_id === '111005');
    expect(call.params.action).toBe('typing');
    // Telegram cannot take it back: a stop sends nothing. The gateway hands a stop to this same
    // relay without waiting for it; awaited here, it has reached the Telegram adapter (true) and
    // any Bot API call it made is on record when it resolves.
    expect(await relayAgentTyping(h.rt.deps, { conversationId: conv, typing: false, agentName: 'Alex Admin' })).toBe(true);
    expect(tg.calls.filter((c) => c.method === 'sendChatAction' && c.params.chat_id === '111005')).toHaveLength(1);
  });

  it('shows "typing…" in the group the customer last wrote in, where the reply will go', async () => {
    const channel = { id: 'c', workspaceId: 'w', kind: 'telegram' as const, address: 'acme_support_bot', settings: { botToken: tg.token } };
    await showTelegramTyping({ address: '111006', inReplyTo: '-1001234567890:42' }, channel, { typing: true, name: 'Ada' }, tg.url);
    const call = await tg.waitFor('sendChatAction', (c) => c.params.chat_id === '-1001234567890');
    expect(call.params.action).toBe('typing');
  });

  it('waits out a 429 for at least retry_after before sending again', async () => {
    const conv = await customerWrites(111003, 1, 'Hello?');
    tg.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 3', retry_after: 3 });
    const res = await reply(conv, { text: 'Sorry for the wait!' });
    const sent = await deliveryOf(res.body.id, 'sent');
    const attempts = tg.calls.filter((c) => c.method === 'sendMessage' && c.params.text === 'Sorry for the wait!');
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(3000);
    expect(sent.deliveryError).toBeNull();
  });

  it('marks a user who blocked the bot, tells the agent, refuses later replies with 422, and lifts it when they write again', async () => {
    const conv = await customerWrites(111004, 1, 'Thanks, bye');
    tg.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    const res = await reply(conv, { text: 'Anything else?' });
    const failed = await deliveryOf(res.body.id, 'failed');
    expect(failed.deliveryError).toBe('Forbidden: bot was blocked by the user (403)');
    const identity = await h.testDb.db.contactIdentity.findFirstOrThrow({ where: { channelKind: 'telegram', address: '111004' } });
    expect(identity.optedOutAt).not.toBeNull();
    expect(identity.optOutReason).toBe('Forbidden: bot was blocked by the user');

    const refused = await reply(conv, { text: 'Hello again?' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/cannot receive telegram messages: Forbidden: bot was blocked by the user/);

    await customerWrites(111004, 2, 'Sorry, I unblocked you');
    const again = await waitUntil(async () => {
      const r = await reply(conv, { text: 'Welcome back!' });
      return r.status === 202 ? r : null;
    }, 'replies allowed again');
    await deliveryOf(again.body.id, 'sent');
  });

  it('long polling (channel setting `polling`) feeds updates into the same inbound pipeline', async () => {
    polled.pushUpdate(text(222001, 5, 'Hi from a polled bot'));
    const polledChannelId = h.workspace.channels.find((c) => c.address === 'acme_polled_bot')!.id;
    const m = await waitUntil(async () => h.testDb.db.message.findFirst({ where: { channelId: polledChannelId, externalId: '222001:5' } }), 'the polled update ingested');
    expect(m.text).toBe('Hi from a polled bot');
    expect(polled.calls.some((c) => c.method === 'deleteWebhook')).toBe(true);
  });
});
