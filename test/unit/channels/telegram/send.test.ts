// sendTelegram through telegraf against a local server speaking the Bot API: where a reply goes,
// how files and long text are sent, and how each failure tells the deliver worker what to do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendTelegram, splitText } from '../../../../channels/telegram/send.ts';
import type { ChannelConfig, OutboundMessage } from '../../../../channels/types.ts';
import { startFakeTelegram, type FakeTelegram } from '../../../support/fake-telegram.ts';

let tg: FakeTelegram;
let channel: ChannelConfig;
beforeAll(async () => {
  tg = await startFakeTelegram();
  channel = { id: 'c1', workspaceId: 'w1', kind: 'telegram', address: tg.bot.username, settings: { botToken: tg.token, webhookSecret: 's' } };
});
afterAll(async () => {
  await tg?.close();
});

const message = (over: Partial<OutboundMessage> = {}): OutboundMessage => ({
  messageId: `m-${Math.random()}`,
  externalId: null,
  to: { address: '424242', name: 'Olga' },
  subject: null,
  text: 'Your parcel left the warehouse today.',
  html: null,
  inReplyTo: '424242:101',
  references: ['424242:101'],
  attachments: [],
  ...over,
});

describe('sendTelegram', () => {
  it('sends text to the customer’s chat and names the sent message chat:message_id', async () => {
    const result = await sendTelegram(message(), channel, tg.url);
    const call = tg.calls.filter((c) => c.method === 'sendMessage').at(-1)!;
    expect(call.params).toMatchObject({ chat_id: '424242', text: 'Your parcel left the warehouse today.' });
    expect(call.params.reply_parameters).toBeUndefined();
    expect(result).toEqual({ ok: true, externalId: expect.stringMatching(/^424242:\d+$/), status: 'sent' });
  });

  it('answers a group conversation in the group, quoting the customer’s message', async () => {
    await sendTelegram(message({ inReplyTo: '-1001234567890:7' }), channel, tg.url);
    const call = tg.calls.filter((c) => c.method === 'sendMessage').at(-1)!;
    expect(call.params).toMatchObject({ chat_id: '-1001234567890', reply_parameters: { message_id: 7, allow_sending_without_reply: true } });
  });

  it('uploads a picture as a photo with the text as its caption, and other files as documents', async () => {
    const photo = { filename: 'label.png', contentType: 'image/png', content: Buffer.from('PNGDATA') };
    const pdf = { filename: 'invoice.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4') };
    await sendTelegram(message({ attachments: [photo], text: 'Here is the label' }), channel, tg.url);
    const sentPhoto = tg.calls.filter((c) => c.method === 'sendPhoto').at(-1)!;
    expect(sentPhoto.params).toMatchObject({ chat_id: '424242', caption: 'Here is the label' });
    expect(sentPhoto.files.photo).toMatchObject({ filename: 'label.png', content: Buffer.from('PNGDATA') });

    const before = tg.calls.length;
    await sendTelegram(message({ attachments: [photo, pdf], text: 'Two files' }), channel, tg.url);
    const after = tg.calls.slice(before).map((c) => c.method);
    expect(after).toEqual(['sendPhoto', 'sendDocument', 'sendMessage']);
    expect(tg.calls.at(-2)!.files.document).toMatchObject({ filename: 'invoice.pdf', content: Buffer.from('%PDF-1.4') });
  });

  it('splits text longer than Telegram allows into several messages', async () => {
    const long = `${'a'.repeat(3000)} ${'b'.repeat(3000)}`;
    const before = tg.calls.length;
    await sendTelegram(message({ text: long }), channel, tg.url);
    const texts = tg.calls.slice(before).map((c) => c.params.text as string);
    expect(texts).toEqual(['a'.repeat(3000), 'b'.repeat(3000)]);
    expect(splitText('x'.repeat(9000))).toHaveLength(3);
  });

  it('asks to wait retry_after on 429 (transient)', async () => {
    tg.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 7', retry_after: 7 });
    expect(await sendTelegram(message(), channel, tg.url)).toMatchObject({ ok: false, permanent: false, code: '429', retryAfterMs: 7000 });
  });

  it('marks a user who blocked the bot unreachable (permanent)', async () => {
    tg.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    expect(await sendTelegram(message(), channel, tg.url)).toEqual({ ok: false, permanent: true, unreachable: true, error: 'Forbidden: bot was blocked by the user', code: '403' });
  });

  it('treats other 4xx as permanent and 5xx or an unreachable API as transient', async () => {
    tg.failNext('sendMessage', { error_code: 400, description: 'Bad Request: chat not found' });
    expect(await sendTelegram(message(), channel, tg.url)).toMatchObject({ ok: false, permanent: true, code: '400' });
    tg.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    expect(await sendTelegram(message(), channel, tg.url)).toMatchObject({ ok: false, permanent: false });
    const nowhere = { ...channel, settings: { botToken: tg.token } };
    expect(await sendTelegram(message(), nowhere, 'http://127.0.0.1:1')).toMatchObject({ ok: false, permanent: false, error: expect.stringMatching(/could not reach/) });
  });

  it('fails permanently with a clear reason when the channel has no valid token', async () => {
    expect(await sendTelegram(message(), { ...channel, settings: {} }, tg.url)).toMatchObject({ ok: false, permanent: true, code: 'invalid_settings', error: expect.stringMatching(/botToken/) });
  });
});
