// normalizeWhatsapp over realistic Twilio WhatsApp webhooks (test/fixtures/twilio).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeWhatsapp } from '../../../../channels/whatsapp/normalize.ts';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/twilio/${name}`, import.meta.url), 'utf8')) as Record<string, string>;
/** normalizeWhatsapp of a payload the test knows is a customer's message. */
function messageOf(raw: unknown) {
  const inbound = normalizeWhatsapp(raw);
  if (inbound.kind !== 'message') throw new Error(`expected a message, got a ${inbound.kind} item`);
  return inbound;
}

describe('normalizeWhatsapp', () => {
  it('reads a text message: the number without its prefix, the profile name as sender name', () => {
    expect(normalizeWhatsapp(fixture('whatsapp-inbound.json'))).toMatchObject({
      channel: 'whatsapp',
      externalId: 'SM5e6f708192a3b4c5d6e7f8091a2b3c4d',
      kind: 'message',
      from: { address: '+34612345678', name: 'Marta López' },
      to: ['+14155238886'],
      text: 'Hola 👋 ¿puedo cambiar la dirección de entrega?',
      attachments: [],
      thread: { refs: [], topic: null },
    });
  });

  it('threads a reply to one of our messages by its MessageSid and keeps the image', () => {
    const inbound = messageOf(fixture('whatsapp-image-reply.json'));
    expect(inbound.inReplyTo).toBe('SM0a0b0c0d0e0f00112233445566778899');
    expect(inbound.thread.refs).toEqual(['SM0a0b0c0d0e0f00112233445566778899']);
    expect(inbound.text).toBe('This is the damaged box');
    expect(inbound.attachments).toEqual([expect.objectContaining({ filename: 'ME1234567890abcdef1234567890abcdef.jpg', contentType: 'image/jpeg', size: 0 })]);
  });

  it('describes a shared location and a tapped button as text', () => {
    expect(messageOf(fixture('whatsapp-location.json')).text).toBe('Location: Our shop, Puerta del Sol, Madrid (40.4168, -3.7038)');
    expect(messageOf(fixture('whatsapp-button.json')).text).toBe('Yes, reschedule');
  });

  it('reads read receipts as status items', () => {
    expect(normalizeWhatsapp(fixture('status-whatsapp-read.json'))).toMatchObject({
      kind: 'status',
      externalId: 'SMb4c5d6e7f8091a2b3c4d5e6f708192a3:status:read',
      update: { externalId: 'SMb4c5d6e7f8091a2b3c4d5e6f708192a3', status: 'read' },
    });
  });

  it('refuses a plain SMS payload', () => {
    expect(() => normalizeWhatsapp(fixture('sms-inbound.json'))).toThrow(/From "\+14155550142" is not a whatsapp address \(expected "whatsapp:\+\.\.\."\)/);
  });
});
