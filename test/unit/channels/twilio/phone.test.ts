// E.164 normalisation: one form per number however it was written, so identities match.
import { describe, expect, it } from 'vitest';
import { parseTwilioAddress, toE164, twilioAddress } from '../../../../channels/twilio/phone.ts';
import { ParseError } from '../../../../channels/types.ts';

describe('toE164', () => {
  it('keeps an E.164 number as it is', () => {
    expect(toE164('+14155550142')).toBe('+14155550142');
    expect(toE164('+34612345678')).toBe('+34612345678');
  });

  it('strips spaces, dashes, dots and brackets of an international number', () => {
    expect(toE164('+1 (415) 555-0142')).toBe('+14155550142');
    expect(toE164(' +44 20 7946 0018 ')).toBe('+442079460018');
    expect(toE164('+49 30.1234.5678')).toBe('+493012345678');
  });

  it('reads a national number with the default country', () => {
    expect(toE164('030 12345678', 'DE')).toBe('+493012345678');
    expect(toE164('(415) 555-0142', 'US')).toBe('+14155550142');
  });

  it('is null for what is not a phone number', () => {
    expect(toE164('')).toBeNull();
    expect(toE164('anonymous')).toBeNull();
    expect(toE164('ACMEBANK')).toBeNull();
    expect(toE164('+1234')).toBeNull();
    // A national number without a country cannot be placed.
    expect(toE164('030 12345678')).toBeNull();
  });
});

describe('parseTwilioAddress', () => {
  it('splits the WhatsApp prefix from the number', () => {
    expect(parseTwilioAddress('whatsapp:+34612345678', 'From')).toEqual({ scheme: 'whatsapp', e164: '+34612345678' });
    expect(parseTwilioAddress('WhatsApp:+34 612 34 56 78', 'From')).toEqual({ scheme: 'whatsapp', e164: '+34612345678' });
  });

  it('gives no scheme for a plain number', () => {
    expect(parseTwilioAddress('+14155550142', 'From')).toEqual({ scheme: null, e164: '+14155550142' });
  });

  it('throws a ParseError naming the parameter for a non-number', () => {
    expect(() => parseTwilioAddress('client:alice', 'From')).toThrow(ParseError);
    expect(() => parseTwilioAddress('anonymous', 'From')).toThrow(/From "anonymous" is not a phone number/);
  });

  it('builds the address Twilio expects', () => {
    expect(twilioAddress('whatsapp', '+34612345678')).toBe('whatsapp:+34612345678');
    expect(twilioAddress(null, '+14155550142')).toBe('+14155550142');
  });
});
