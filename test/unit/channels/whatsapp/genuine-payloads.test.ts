// normalizeWhatsapp over genuine WhatsApp webhooks: the profile name wherever Twilio puts it, quick
// replies, bare locations, click-to-WhatsApp ads, media of any type, forwarded messages and
// `received` status callbacks (test/fixtures/twilio/SOURCES.md).
import { describe, expect, it } from 'vitest';
import { normalizeWhatsapp } from '../../../../channels/whatsapp/normalize.ts';
import { twilioFixture } from '../../../support/twilio-contract.ts';

function messageOf(name: string) {
  const inbound = normalizeWhatsapp(twilioFixture(name));
  if (inbound.kind !== 'message') throw new Error(`${name}: expected a message, got a ${inbound.kind} item`);
  return inbound;
}

describe('normalizeWhatsapp understands what Twilio sends besides a body', () => {
  it('finds the profile name inside ChannelMetadata when ProfileName is absent', () => {
    expect(messageOf('whatsapp-channel-metadata.json').from).toEqual({ address: '+34699123456', name: 'Tomás Ruiz' });
    expect(messageOf('whatsapp-inbound.json').from.name).toBe('Marta López');
    const broken = { ...twilioFixture('whatsapp-channel-metadata.json'), ChannelMetadata: '{not json' };
    expect(normalizeWhatsapp(broken)).toMatchObject({ kind: 'message', from: { address: '+34699123456', name: null } });
  });

  it('reads a quick reply as its button text (or payload) and threads it onto our template', () => {
    const reply = messageOf('whatsapp-quick-reply.json');
    expect(reply.text).toBe('Confirm');
    expect(reply.thread.refs).toEqual([reply.inReplyTo]);
    expect(messageOf('whatsapp-button-payload-only.json').text).toBe('talk_to_agent');
  });

  it('describes a location without a label by its coordinates, and ignores coordinates that are not numbers', () => {
    expect(messageOf('whatsapp-location-without-label.json').text).toBe('Location: (37.787890, -122.391664)');
    expect(normalizeWhatsapp({ ...twilioFixture('whatsapp-location-without-label.json'), Latitude: 'north' })).toMatchObject({ kind: 'message', text: '' });
  });

  it('keeps a click-to-WhatsApp ad readable: "came from ad: <headline>", every Referral* kept as attributes', () => {
    const ad = messageOf('whatsapp-ad-referral.json');
    expect(ad.text).toBe('Hi! I saw your ad, do you deliver to Valencia?');
    expect(ad.conversationAttributes).toEqual({
      adClickId: 'ARAkLkA8rmlFeiCktEJQ-QTwRiyYHAFDLMNDBH0CD3qpjd0HR4irJ6LEkR7JwFF4XvnO2E4Nx0-eM-GABDLOPaOdRMv-_zfUQ2a',
      adHeadline: 'Summer sale: 30% off',
      adBody: 'Free delivery on every order this week',
      adSourceId: '120208237195680123',
      adSourceType: 'ad',
      adSourceUrl: 'https://fb.me/3FXaBcDeF',
      cameFrom: 'came from ad: Summer sale: 30% off',
    });
    expect(ad.contactAttributes).toEqual(ad.conversationAttributes);
    const post = messageOf('whatsapp-ad-referral-with-media.json');
    expect(post.text).toBe('came from ad: https://www.instagram.com/p/C0aBcDeFgHi/');
    expect(post.conversationAttributes).toMatchObject({ adSourceType: 'post', adMediaContentType: 'image/jpeg' });
    expect(messageOf('whatsapp-inbound.json').conversationAttributes).toBeUndefined();
  });

  it('keeps media of every type as attachments: voice notes, contact cards, stickers, documents', () => {
    const types = ['whatsapp-voice-note.json', 'whatsapp-shared-contact.json', 'whatsapp-sticker.json', 'whatsapp-document-unknown-type.json'].map((f) =>
      messageOf(f).attachments.map((a) => [a.contentType, a.filename.slice(34), a.url?.startsWith('https://api.twilio.com/')]),
    );
    expect(types).toEqual([
      [['audio/ogg', '.ogg', true]],
      [['text/vcard', '.vcf', true]],
      [['image/webp', '.webp', true]],
      [['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '', true]],
    ]);
    expect(messageOf('whatsapp-document-unknown-type.json').text).toBe('invoice_2026_11.xlsx');
  });

  it('accepts a forwarded message like any other', () => {
    expect(messageOf('whatsapp-forwarded.json')).toMatchObject({ from: { address: '+34612345678' }, text: "Is this offer from you? 'You won a free phone, click here'" });
  });

  it('takes a received status callback for a report that updates nothing, never for the customer writing again', () => {
    expect(normalizeWhatsapp(twilioFixture('status-whatsapp-received.json'))).toMatchObject({ kind: 'ignored', reason: expect.stringMatching(/^status received of a message the customer sent/) });
  });

  it('falls back on WaId when From carries no number', () => {
    const odd = { ...twilioFixture('whatsapp-inbound.json'), From: 'whatsapp:Marta' };
    expect(normalizeWhatsapp(odd)).toMatchObject({ kind: 'message', from: { address: '+34612345678' } });
  });
});
