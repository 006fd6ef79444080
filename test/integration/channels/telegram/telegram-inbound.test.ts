// The Telegram channel's inbound side over real HTTP, Postgres, Redis and workers, with telegraf
// pointed at a local Bot API stand-in: the webhook secret, every kind of update the inbox shows,
// files fetched through getFile, links between contacts, and the webhook registration.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from '../../../support/fake-telegram.ts';
import { MAX_REJECTED_KEPT_PER_MINUTE } from '../../../../src/domain/webhooks/record-rejected-webhook.ts';
import { startHarness, type Harness } from '../../../support/harness.ts';
import { waitUntil } from '../../../support/wait.ts';

const SECRET = 'telegram-webhook-secret-for-tests';
const fixture = (name: string): Record<string, any> => JSON.parse(readFileSync(new URL(`../../../fixtures/telegram/${name}`, import.meta.url), 'utf8'));
/** A fixture as if sent by another Telegram user (a fresh contact), with its own update id. */
const fromUser = (update: Record<string, any>, userId: number, updateId: number) => {
  const copy = structuredClone(update);
  copy.update_id = updateId;
  const m = copy.message ?? copy.edited_message;
  // The user's own contact card stays theirs; someone else's stays someone else's.
  if (m.contact?.user_id === m.from.id) m.contact.user_id = userId;
  m.from = { ...m.from, id: userId, first_name: `User${userId}`, last_name: undefined };
  if (m.chat.type === 'private') m.chat = { ...m.chat, id: userId };
  return copy;
};

describe('telegram inbound', () => {
  let tg: FakeTelegram;
  let h: Harness;
  let admin: string;
  let channelId: string;
  let unregisteredId: string;

  beforeAll(async () => {
    tg = await startFakeTelegram();
    h = await startHarness({
      env: { MEDIA_MAX_BYTES: '100000', TELEGRAM_API_ROOT: tg.url },
      channels: [
        { kind: 'telegram', name: 'Telegram', address: 'acme_support_bot', settings: { botToken: tg.token, webhookSecret: SECRET } },
        { kind: 'telegram', name: 'Telegram (new)', address: 'acme_new_bot', settings: { botToken: tg.token } },
        { kind: 'telegram', name: 'Telegram (flooded)', address: 'acme_flooded_bot', settings: { botToken: tg.token, webhookSecret: SECRET } },
      ],
    });
    admin = await h.login(h.workspace.agents[0]!.email);
    channelId = h.workspace.channels.find((c) => c.address === 'acme_support_bot')!.id;
    unregisteredId = h.workspace.channels.find((c) => c.address === 'acme_new_bot')!.id;
  });
  afterAll(async () => {
    await h?.close();
    await tg?.close();
  });

  const post = (update: unknown, secret: string | null = SECRET, id = channelId) =>
    fetch(`${h.apiUrl}/webhooks/telegram/${id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret !== null ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
      body: JSON.stringify(update),
    });
  const db = () => h.testDb.db;
  const messageBy = (externalId: string) =>
    waitUntil(async () => db().message.findFirst({ where: { channelId, externalId }, include: { attachments: true, conversation: true } }), `message ${externalId}`);

  it('refuses an update without the right secret token with 403, records the rejection and keeps nothing of the update', async () => {
    expect((await post(fixture('text.json'), 'not-the-secret')).status).toBe(403);
    expect((await post(fixture('text.json'), null)).status).toBe(403);
    const events = await db().inboundEvent.findMany({ where: { channelId } });
    expect(events.map((e) => e.status)).toEqual(['rejected', 'rejected']);
    expect(events.map((e) => e.error).sort()).toEqual(['missing X-Telegram-Bot-Api-Secret-Token header', 'wrong X-Telegram-Bot-Api-Secret-Token']);
    expect(JSON.stringify(events.map((e) => e.payload))).not.toContain('order #5521');
    expect(await db().message.count({ where: { channelId } })).toBe(0);
  });

  it('turns a customer’s text into a conversation agents see, with the Telegram name as the contact', async () => {
    const res = await post(fixture('text.json'));
    expect(res.status).toBe(200);
    const m = await messageBy('424242:101');
    const conv = await h.api(admin, 'GET', `/api/conversations/${m.conversationId}`);
    expect(conv.status).toBe(200);
    expect(conv.body).toMatchObject({ channel: { kind: 'telegram' }, contact: { name: 'Olga Petrova' } });
    expect(conv.body.messages.map((x: any) => x.text)).toEqual(['Hello, my order #5521 has not arrived yet.']);
    // Telegram retries a webhook it got no answer for: the same update changes nothing.
    expect((await post(fixture('text.json'))).status).toBe(200);
    expect(await db().message.count({ where: { channelId } })).toBe(1);
  });

  it('shows an edit on the original message, keeping the text it had before', async () => {
    const original = await messageBy('424242:101');
    expect((await post(fixture('edited.json'))).status).toBe(200);
    const edited = await waitUntil(async () => {
      const m = await db().message.findUnique({ where: { id: original.id } });
      return m?.text.includes('#5522') ? m : null;
    }, 'the edit applied');
    expect(edited.metadata).toMatchObject({ edited: true, editedAt: new Date(1763900060_000).toISOString(), history: [{ text: 'Hello, my order #5521 has not arrived yet.' }] });
    expect(await db().message.count({ where: { conversationId: original.conversationId } })).toBe(1);
    const event = await db().inboundEvent.findUnique({ where: { channelId_externalId: { channelId, externalId: '424242:101:edit:1763900060' } } });
    expect(event).toMatchObject({ status: 'processed', messageId: original.id });
  });

  it('keeps an edit that overtakes its original as the message, and then ignores the late original', async () => {
    const original = fromUser(fixture('text.json'), 848484, 920001);
    const edit = fromUser(fixture('edited.json'), 848484, 920002);
    await post(edit);
    const m = await messageBy('848484:101');
    expect(m.text).toBe('Hello, my order #5522 has not arrived yet.');
    await post(original);
    const late = await waitUntil(async () => {
      const e = await db().inboundEvent.findUnique({ where: { channelId_externalId: { channelId, externalId: '848484:101' } } });
      return e?.status === 'ignored' ? e : null;
    }, 'the late original ignored');
    expect(late.error).toBe('already recorded as a message');
    expect((await db().message.findUniqueOrThrow({ where: { id: m.id } })).text).toBe('Hello, my order #5522 has not arrived yet.');
  });

  it('downloads a photo through getFile with the media worker, served to agents from Parley', async () => {
    tg.addFile('AgACAgIAAxkBAAIBlarge', { path: 'photos/file_7.jpg', content: Buffer.from('JPEG-BYTES-OF-A-DAMAGED-BOX') });
    await post(fixture('photo.json'));
    const m = await messageBy('424242:102');
    expect(m.text).toBe('The box was damaged');
    const attachment = await waitUntil(async () => (await db().attachment.findFirst({ where: { messageId: m.id, storageKey: { not: null } } })) ?? null, 'the photo downloaded');
    expect(attachment).toMatchObject({ filename: 'photo-AQADlarge.jpg', contentType: 'image/jpeg', size: 27 });
    expect(attachment.sourceUrl).not.toContain(tg.token);
    const res = await fetch(`${h.apiUrl}/api/attachments/${attachment.id}`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('JPEG-BYTES-OF-A-DAMAGED-BOX');
  });

  it('keeps documents, voice notes and stickers as files, and gives up on one over the size limit with the reason', async () => {
    tg.addFile('AwACAgIAAxkBAAIBvoice', { path: 'voice/file_8.oga', content: Buffer.from('OGG-VOICE') });
    tg.addFile('CAACAgIAAxkBAAIBsticker', { path: 'stickers/file_9.webp', content: Buffer.from('WEBP') });
    tg.addFile('BQACAgIAAxkBAAIBdoc', { path: 'documents/file_10.pdf', content: Buffer.from('%PDF'), fileSize: 500_000 });
    for (const name of ['voice.json', 'sticker.json', 'document.json']) expect((await post(fixture(name))).status).toBe(200);
    const voice = await messageBy('424242:104');
    const sticker = await messageBy('424242:105');
    const doc = await messageBy('424242:103');
    expect(voice.text).toBe('Voice message');
    expect(sticker.text).toBe('Sticker 👍');
    await waitUntil(async () => (await db().attachment.findFirst({ where: { messageId: voice.id, storageKey: { not: null } } })) ?? null, 'the voice note downloaded');
    await waitUntil(async () => (await db().attachment.findFirst({ where: { messageId: sticker.id, storageKey: { not: null } } })) ?? null, 'the sticker downloaded');
    const tooBig = await waitUntil(async () => (await db().attachment.findFirst({ where: { messageId: doc.id, fetchError: { not: null } } })) ?? null, 'the document refused');
    expect(tooBig).toMatchObject({ filename: 'invoice-5521.pdf', storageKey: null, fetchError: expect.stringMatching(/more than the 100000 bytes allowed/) });
  });

  it('writes a shared location as text in the same conversation', async () => {
    await post(fixture('location.json'));
    const m = await messageBy('424242:106');
    const first = await messageBy('424242:101');
    expect(m.text).toBe('Location: 52.520008, 13.404954');
    expect(m.conversationId).toBe(first.conversationId);
  });

  it('threads a reply to our message onto it', async () => {
    const first = await messageBy('424242:101');
    const reply = await h.api(admin, 'POST', `/api/conversations/${first.conversationId}/messages`, { text: 'Is it order #5521?' });
    expect(reply.status).toBe(202);
    const sent = await waitUntil(async () => {
      const m = await db().message.findUnique({ where: { id: reply.body.id } });
      return m?.deliveryStatus === 'sent' ? m : null;
    }, 'our question sent');
    const [, ourMessageId] = sent.externalId!.split(':');
    const update = fixture('reply.json');
    update.message.reply_to_message.message_id = Number(ourMessageId);
    await post(update);
    const answer = await messageBy('424242:109');
    expect(answer).toMatchObject({ inReplyTo: sent.externalId, quotedText: 'Is it order #5521?', conversationId: first.conversationId });
  });

  it('records a /start deep-link payload on the contact', async () => {
    await post(fromUser(fixture('start-payload.json'), 515151, 910001));
    const m = await messageBy('515151:110');
    const contact = await db().contact.findUniqueOrThrow({ where: { id: m.authorContactId! } });
    expect(contact.attributes).toMatchObject({ startPayload: 'order-5521' });
    expect(m.text).toBe('/start order-5521');
  });

  it('links a user who shares their own phone number to the contact who has it on SMS, keeping all history', async () => {
    const ws = h.workspace.workspace.id;
    const sms = await db().contact.create({ data: { workspaceId: ws, name: 'Olga (SMS)', phone: '+491701234567' } });
    await db().contactIdentity.create({ data: { workspaceId: ws, contactId: sms.id, channelKind: 'sms', address: '+491701234567' } });
    const before = await messageBy('424242:101');
    const telegramContactId = before.conversation.contactId;

    await post(fixture('contact.json'));
    await messageBy('424242:107');
    const identity = await waitUntil(async () => {
      const i = await db().contactIdentity.findFirst({ where: { workspaceId: ws, channelKind: 'telegram', address: '424242' } });
      return i?.contactId === sms.id ? i : null;
    }, 'the telegram identity linked to the SMS contact');
    expect(identity.contactId).toBe(sms.id);
    const merged = await db().contact.findUniqueOrThrow({ where: { id: telegramContactId } });
    expect(merged.mergedIntoId).toBe(sms.id);
    const timeline = await h.api(admin, 'GET', `/api/contacts/${sms.id}`);
    expect(timeline.body.identities.map((i: any) => i.channelKind).sort()).toEqual(['sms', 'telegram']);
    expect(timeline.body.conversations.map((c: any) => c.id)).toContain(before.conversationId);
    expect(timeline.body.timeline.map((m: any) => m.text)).toContain('Hello, my order #5522 has not arrived yet.');
  });

  it('does not link through a contact card of someone else', async () => {
    await post(fromUser(fixture('text.json'), 626262, 910002));
    await post(fromUser(fixture('contact-someone-else.json'), 626262, 910003));
    const m = await messageBy('626262:108');
    const contact = await db().contact.findUniqueOrThrow({ where: { id: m.authorContactId! } });
    expect(contact.phone).toBeNull();
    expect(contact.mergedIntoId).toBeNull();
  });

  it('ignores group messages unless the channel allows groups', async () => {
    const res = await post(fixture('group.json'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, ignored: true });
    expect(await db().inboundEvent.count({ where: { channelId, externalId: '-1001234567890:7' } })).toBe(0);
  });

  it('keeps an update it cannot read as a failed event an admin can see', async () => {
    expect((await post({ update_id: 999, message: { message_id: 'not-a-number' } })).status).toBe(200);
    const event = await waitUntil(async () => {
      const e = await db().inboundEvent.findUnique({ where: { channelId_externalId: { channelId, externalId: 'update:999' } } });
      return e?.status === 'failed' ? e : null;
    }, 'the unreadable update failed');
    expect(event.error).toMatch(/not a Telegram update: message\.message_id/);
  });

  it('registers the webhook for an admin: Telegram gets the URL and a new secret, which then lets updates in', async () => {
    const agent = await h.login(h.workspace.agents[1]!.email);
    expect((await h.api(agent, 'POST', `/api/channels/${unregisteredId}/telegram/register-webhook`)).status).toBe(403);
    expect((await post(fixture('text.json'), 'anything', unregisteredId)).status).toBe(403);

    const res = await h.api(admin, 'POST', `/api/channels/${unregisteredId}/telegram/register-webhook`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ url: `http://localhost:3000/webhooks/telegram/${unregisteredId}`, registered: true });
    const call = await tg.waitFor('setWebhook');
    expect(call.params).toMatchObject({ url: res.body.url, allowed_updates: ['message', 'edited_message'], drop_pending_updates: false });
    const secret = call.params.secret_token as string;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const channel = await db().channel.findUniqueOrThrow({ where: { id: unregisteredId } });
    expect((channel.settings as any).webhookSecret).toBe(secret);
    expect((await post(fromUser(fixture('text.json'), 737373, 910004), secret, unregisteredId)).status).toBe(200);
  });

  it('keeps a flood of forged updates only up to a number per minute, and refuses every one', async () => {
    const flooded = h.workspace.channels.find((c) => c.address === 'acme_flooded_bot')!.id;
    const statuses = [];
    for (let i = 0; i < MAX_REJECTED_KEPT_PER_MINUTE + 10; i++) statuses.push((await post(fixture('text.json'), `guess-${i}`, flooded)).status);
    expect(new Set(statuses)).toEqual(new Set([403]));
    expect(await db().inboundEvent.count({ where: { channelId: flooded, status: 'rejected' } })).toBe(MAX_REJECTED_KEPT_PER_MINUTE);
    // The genuine bot still gets through.
    expect((await post({ ...fixture('text.json'), update_id: 990001 }, SECRET, flooded)).status).toBe(200);
  });
});
