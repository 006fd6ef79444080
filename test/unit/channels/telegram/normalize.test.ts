// normalizeTelegram over Bot API updates saved in test/fixtures/telegram: every kind of message a
// customer sends becomes one NormalizedInbound with stable ids, text an agent can read, files to
// fetch, and the facts the domain links contacts by.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeTelegram } from '../../../../channels/telegram/normalize.ts';
import { ParseError } from '../../../../channels/types.ts';
import { asMessage } from './fixture-expectations.ts';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../fixtures/telegram/${name}`, import.meta.url), 'utf8'));
const normalize = (name: string) => asMessage(normalizeTelegram(fixture(name), 'acme_support_bot'));

describe('normalizeTelegram', () => {
  it('reads a private text message: the user id is the address, chat:message the externalId', () => {
    const n = normalize('text.json');
    expect(n).toMatchObject({
      channel: 'telegram',
      externalId: '424242:101',
      kind: 'message',
      from: { address: '424242', name: 'Olga Petrova' },
      to: ['acme_support_bot'],
      subject: null,
      text: 'Hello, my order #5521 has not arrived yet.',
      quotedText: null,
      html: null,
      inReplyTo: null,
      references: [],
      thread: { refs: [], topic: null },
      attachments: [],
    });
    expect(n.sentAt?.toISOString()).toBe('2025-11-23T12:13:20.000Z');
    expect(n.edit).toBeUndefined();
  });

  it('reads an edit as its own item that names the message it changes', () => {
    const n = normalize('edited.json');
    expect(n.externalId).toBe('424242:101:edit:1763900060');
    expect(n.edit).toEqual({ originalExternalId: '424242:101', editedAt: new Date(1763900060 * 1000) });
    expect(n.text).toBe('Hello, my order #5522 has not arrived yet.');
    expect(n.sentAt?.toISOString()).toBe(new Date(1763900060 * 1000).toISOString());
  });

  it('takes the largest size of a photo, with its caption as the text, as a file to fetch later', () => {
    const n = normalize('photo.json');
    expect(n.text).toBe('The box was damaged');
    expect(n.attachments).toEqual([{ filename: 'photo-AQADlarge.jpg', contentType: 'image/jpeg', size: 48211, url: 'tg://file/AgACAgIAAxkBAAIBlarge', inline: false }]);
  });

  it('keeps a document with its own name and type', () => {
    expect(normalize('document.json').attachments).toEqual([
      { filename: 'invoice-5521.pdf', contentType: 'application/pdf', size: 20480, url: 'tg://file/BQACAgIAAxkBAAIBdoc', inline: false },
    ]);
  });

  it('turns a voice note into an audio file and says so in the text', () => {
    const n = normalize('voice.json');
    expect(n.text).toBe('Voice message');
    expect(n.attachments).toEqual([{ filename: 'voice-AgADvoice.ogg', contentType: 'audio/ogg', size: 10816, url: 'tg://file/AwACAgIAAxkBAAIBvoice', inline: false }]);
  });

  it('shows a sticker by its emoji and keeps the image', () => {
    const n = normalize('sticker.json');
    expect(n.text).toBe('Sticker 👍');
    expect(n.attachments[0]).toMatchObject({ filename: 'sticker-AgADsticker.webp', contentType: 'image/webp' });
  });

  it('writes a location as coordinates', () => {
    expect(normalize('location.json').text).toBe('Location: 52.520008, 13.404954');
  });

  it('claims the phone number of a contact the user shares as their own, in E.164', () => {
    const n = normalize('contact.json');
    expect(n.text).toBe('Contact: Olga Petrova, 491701234567');
    expect(n.claims).toEqual({ phone: '+491701234567', proof: { verified: true, reason: 'the Telegram account shared its own number' } });
  });

  it('claims nothing for a contact card of someone else', () => {
    const n = normalize('contact-someone-else.json');
    expect(n.text).toBe('Contact: Ivan, +15550001111');
    expect(n.claims).toBeUndefined();
  });

  it('threads a reply onto the message it answers and quotes it', () => {
    const n = normalize('reply.json');
    expect(n.inReplyTo).toBe('424242:55');
    expect(n.references).toEqual(['424242:55']);
    expect(n.thread.refs).toEqual(['424242:55']);
    expect(n.quotedText).toBe('Is it order #5521?');
  });

  it('records a /start deep-link payload for the contact', () => {
    const n = normalize('start-payload.json');
    expect(n.text).toBe('/start order-5521');
    expect(n.contactAttributes).toEqual({ startPayload: 'order-5521' });
  });

  it('reads a group message with the sender as the contact (whether groups are taken is the edge’s call)', () => {
    const n = normalize('group.json');
    expect(n.externalId).toBe('-1001234567890:7');
    expect(n.from.address).toBe('424242');
  });

  it('accepts the update as raw JSON bytes, as the parse command reads it', () => {
    const bytes = readFileSync(new URL('../../../fixtures/telegram/text.json', import.meta.url));
    expect(normalizeTelegram(bytes, 'acme_support_bot')).toEqual(normalize('text.json'));
  });

  it('is deterministic: the same update gives the same result', () => {
    for (const name of ['text.json', 'edited.json', 'photo.json', 'contact.json', 'reply.json']) expect(normalize(name)).toEqual(normalize(name));
  });

  it('refuses what it cannot read with a ParseError that says why', () => {
    expect(() => normalizeTelegram(Buffer.from('{not json'), 'bot')).toThrow(ParseError);
    expect(() => normalizeTelegram({ hello: 'world' }, 'bot')).toThrow(/not a Telegram update: update_id/);
    // Understood but no customer's message: recorded as ignored with the reason, not refused.
    expect(normalizeTelegram(fixture('callback-query.json'), 'bot')).toMatchObject({ kind: 'ignored', reason: expect.stringMatching(/\(callback_query\): a button press/) });
    expect(normalizeTelegram({ update_id: 1, message: { message_id: 1, chat: { id: -100, type: 'channel' }, date: 1, text: 'post' } }, 'bot')).toMatchObject({ kind: 'ignored', reason: expect.stringMatching(/a post in a channel/) });
  });
});
