// Which Twilio senders can be answered, and which contact fields their addresses fill: a phone
// number only for a number; SMS / WhatsApp replies refused with the reason for everything else.
import { describe, expect, it } from 'vitest';
import { createSmsAdapter } from '../../../../channels/sms/index.ts';
import { createVoiceAdapter } from '../../../../channels/voice/index.ts';
import { createWhatsappAdapter } from '../../../../channels/whatsapp/index.ts';
import { messagingSender, voiceSender } from '../../../../channels/twilio/sender-address.ts';

const now = new Date('2026-11-23T12:00:00Z');
const sms = createSmsAdapter({ publicUrl: null });
const whatsapp = createWhatsappAdapter({ publicUrl: null });
const voice = createVoiceAdapter();
const check = (adapter: typeof sms, address: string) => adapter.checkOutbound!({ now, to: { address }, lastInboundAt: now, template: null });

describe('Twilio sender addresses', () => {
  it('tells numbers, short codes and sender IDs apart, keeping what is not a number as given', () => {
    expect(messagingSender('+1 415 555 0142')).toEqual({ kind: 'phone', address: '+14155550142', name: null });
    expect(messagingSender('+266696687123456')).toEqual({ kind: 'phone', address: '+266696687123456', name: null });
    expect(messagingSender('40404')).toEqual({ kind: 'short_code', address: '40404', name: null });
    expect(messagingSender('  Acme   Bank ')).toEqual({ kind: 'alphanumeric', address: 'Acme Bank', name: null });
    expect(messagingSender('Ünïcode Shop Ltd.')).toEqual({ kind: 'other', address: 'Ünïcode Shop Ltd.', name: null });
  });

  it('gives Voice SDK clients, SIP callers and withheld numbers identities of their own', () => {
    expect(voiceSender('client:alice', 'CA1')).toEqual({ kind: 'client', address: 'client:alice', name: 'alice' });
    expect(voiceSender('sip:bob@PBX.example.com;user=phone', 'CA1')).toEqual({ kind: 'sip', address: 'sip:bob@pbx.example.com', name: null });
    for (const withheld of ['anonymous', 'Restricted', 'UNKNOWN', '+266696687', '+7378742833', '+2562533', '+8656696', '+86282452253']) {
      expect(voiceSender(withheld, 'CA1'), withheld).toEqual({ kind: 'withheld', address: 'withheld:CA1', name: null });
    }
  });
});

describe('contact fields and reply paths', () => {
  it('fills the contact phone field only with a phone number', () => {
    for (const adapter of [sms, whatsapp, voice]) {
      expect(adapter.contactFields!('+14155550142')).toEqual({ phone: '+14155550142' });
      for (const address of ['Acme Bank', '40404', 'client:alice', 'sip:alice@example.com', 'withheld:CA1']) expect(adapter.contactFields!(address), address).toEqual({});
    }
  });

  it('refuses an SMS reply to a sender ID or a short code, saying why, and lets one to a number through', () => {
    expect(check(sms, '+14155550142')).toEqual({ ok: true });
    expect(check(sms, 'Acme Bank')).toEqual({ ok: false, reason: 'Acme Bank is an alphanumeric sender ID: it can send SMS messages but cannot receive them. Reach the customer another way.' });
    expect(check(sms, '40404')).toEqual({ ok: false, reason: '40404 is a short code: it sends automated messages and cannot receive SMS replies. Reach the customer another way.' });
    expect(check(whatsapp, 'Acme Bank')).toMatchObject({ ok: false, reason: expect.stringMatching(/cannot receive them/) });
  });

  it('says why a caller who is not a number cannot be called back', () => {
    expect(check(voice, '+14155550142')).toMatchObject({ ok: false, reason: expect.stringMatching(/^A phone call cannot be answered in writing: call the customer back/) });
    expect(check(voice, 'client:alice')).toMatchObject({ ok: false, reason: expect.stringMatching(/Twilio Voice SDK client "alice" .* cannot be called back by phone/) });
    expect(check(voice, 'withheld:CA1')).toMatchObject({ ok: false, reason: expect.stringMatching(/withheld their number: they cannot be called back/) });
  });
});
