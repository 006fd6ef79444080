// Every genuine update in test/fixtures/telegram (from the Bot API docs and public examples, see
// SOURCES.md) is read: explicit nulls, an empty file_unique_id, a sender_chat instead of a user,
// and each kind of content give a message with a stable sender and text an agent can read; the
// update kinds that are not customer messages say why, and the edges drop them without storing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { admitTelegramUpdate } from '../../../../channels/telegram/admit-update.ts';
import { normalizeTelegram } from '../../../../channels/telegram/normalize.ts';
import { asMessage, expectedFixtures } from './fixture-expectations.ts';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../fixtures/telegram/${name}`, import.meta.url), 'utf8'));
const normalize = (name: string) => asMessage(normalizeTelegram(fixture(name), 'acme_support_bot'));

describe('normalizeTelegram over genuine updates', () => {
  for (const [name, expected] of Object.entries(expectedFixtures)) {
    if ('notMessage' in expected) {
      it(`${name}: not a customer message, recorded as ignored with the reason`, () => {
        expect(normalizeTelegram(fixture(name), 'acme_support_bot')).toMatchObject({ kind: 'ignored', reason: expect.stringMatching(expected.notMessage) });
      });
      continue;
    }
    it(`${name}: ${expected.text.split('\n')[0]}`, () => {
      const n = normalize(name);
      expect(n.kind).toBe('message');
      expect(n.from).toEqual({ address: expected.address, name: expected.name });
      expect(n.sender.verified).toBe(true);
      expect(n.text).toBe(expected.text);
      expect(n.attachments.map((a) => a.filename)).toEqual(expected.files ?? []);
      if (expected.quotedText !== undefined) expect(n.quotedText).toBe(expected.quotedText);
    });
  }

  it('answers a sender_chat where it wrote: the chat is in the message id the reply is sent by', () => {
    expect(normalize('anonymous-admin.json').externalId).toBe('-1001234567890:12');
    expect(normalize('sender-chat-without-from.json').externalId).toBe('-1001234567890:13');
    expect(normalize('anonymous-admin.json').sender.reason).toMatch(/on behalf of the chat/);
  });

  it('claims no phone number for a contact card without a user id, nor for a chat sender', () => {
    expect(normalize('contact-null-fields.json').claims).toBeUndefined();
    const asChat = structuredClone(fixture('contact.json')) as { message: Record<string, unknown> };
    asChat.message.sender_chat = { id: -1001234567890, title: 'Acme customers', type: 'supergroup' };
    expect(asMessage(normalizeTelegram(asChat, 'bot')).claims).toBeUndefined();
  });

  it('reads a field of an odd shape as absent rather than refusing the update', () => {
    const odd = { update_id: 1, message: { message_id: 3, from: { id: 5, first_name: 42, last_name: ['x'], username: 'ana_b' }, chat: { id: 5, type: 'private_v2' }, date: 'yesterday', text: 'hello', photo: [null, { file_id: 'F1', file_unique_id: null, width: 'wide' }] } };
    const n = asMessage(normalizeTelegram(odd, 'bot'));
    expect(n).toMatchObject({ from: { address: '5', name: '@ana_b' }, text: 'hello', sentAt: null });
    expect(n.attachments).toEqual([{ filename: 'photo-message-3.jpg', contentType: 'image/jpeg', size: 0, url: 'tg://file/F1', inline: false }]);
    const emptyTextBesideCaption = { update_id: 2, message: { message_id: 4, from: { id: 5, first_name: 'Ana' }, chat: { id: 5, type: 'private' }, date: 1, text: '', caption: 'see photo', photo: [{ file_id: 'F2' }] } };
    expect(asMessage(normalizeTelegram(emptyTextBesideCaption, 'bot')).text).toBe('see photo');
  });

  it('still refuses what has no id Parley keys on, or no sender at all, so it is kept as a failed event', () => {
    expect(() => normalizeTelegram({ update_id: null, message: null }, 'bot')).toThrow(/update_id/);
    expect(() => normalizeTelegram({ update_id: 2, message: { message_id: 1, chat: { id: null, type: 'private' }, text: 'x' } }, 'bot')).toThrow(/chat\.id/);
    expect(() => normalizeTelegram({ update_id: 2, message: { message_id: 1, chat: { id: 9, type: 'group' }, text: 'x' } }, 'bot')).toThrow(/names no sender/);
  });
});

describe('admitTelegramUpdate over genuine updates', () => {
  it('keeps every customer message of a private chat', () => {
    for (const [name, expected] of Object.entries(expectedFixtures)) {
      if ('notMessage' in expected || name === 'anonymous-admin.json' || name === 'sender-chat-without-from.json') continue;
      expect(admitTelegramUpdate(fixture(name), { allowGroups: false }), name).toMatchObject({ admit: true });
    }
  });

  it('keeps a group message sent on behalf of a chat when groups are allowed (the stand-in bot user is no bot sender)', () => {
    expect(admitTelegramUpdate(fixture('anonymous-admin.json'), { allowGroups: true })).toEqual({ admit: true, externalId: '-1001234567890:12' });
    expect(admitTelegramUpdate(fixture('sender-chat-without-from.json'), { allowGroups: true })).toEqual({ admit: true, externalId: '-1001234567890:13' });
    expect(admitTelegramUpdate(fixture('anonymous-admin.json'), { allowGroups: false })).toMatchObject({ admit: false });
  });

  it('keeps each update kind that is not a message, to be recorded as ignored, and drops messages that are no customer\'s with the reason normalize gives', () => {
    for (const [name, expected] of Object.entries(expectedFixtures)) {
      if (!('notMessage' in expected)) continue;
      const raw = fixture(name) as { message?: unknown; edited_message?: unknown };
      const admission = admitTelegramUpdate(raw, { allowGroups: true });
      if (raw.message || raw.edited_message) expect(admission, name).toMatchObject({ admit: false, reason: expect.stringMatching(expected.notMessage) });
      else expect(admission, name).toMatchObject({ admit: true, externalId: expect.stringMatching(/^update:\d+$/) });
    }
  });

  it('reads a chat without its type by its id: positive is a private chat, negative a group', () => {
    const untyped = (chatId: number) => ({ update_id: 4, message: { message_id: 2, from: { id: 77, first_name: 'Ana' }, chat: { id: chatId, type: null }, date: 1, text: 'x' } });
    expect(admitTelegramUpdate(untyped(77), { allowGroups: false })).toEqual({ admit: true, externalId: '77:2' });
    expect(admitTelegramUpdate(untyped(-100555), { allowGroups: false })).toEqual({ admit: false, reason: 'group message ignored (allowGroups is off)' });
  });

  it('keeps a message without any sender, so its failure is recorded for an admin', () => {
    expect(admitTelegramUpdate({ update_id: 3, message: { message_id: 1, chat: { id: 9, type: 'private' }, date: 1, text: 'x' } }, { allowGroups: false })).toEqual({ admit: true, externalId: '9:1' });
  });
});
