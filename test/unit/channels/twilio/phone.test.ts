// E.164 normalisation: one form per number however it was written, so identities match.
import { describe, expect, it } from 'vitest';
import { toE164, twilioAddress } from '../../../../channels/twilio/phone.ts';
import { twilioNumberSetup } from '../../../../channels/twilio/setup.ts';

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

  it('answers the same when asked again, per default country, also past its memo of 10,000 numbers', () => {
    expect(toE164('030 12345678', 'DE')).toBe('+493012345678');
    expect(toE164('030 12345678')).toBeNull();
    expect(toE164('030 12345678', 'DE')).toBe('+493012345678');
    expect(toE164('0412 345 678', 'AU')).toBe('+61412345678');
    expect(toE164('0412 345 678', 'DE')).not.toBe('+61412345678');
    for (let i = 0; i < 10_050; i++) expect(toE164(`+1 415 ${5_550_000 + i}`)).toBe(`+1415${5_550_000 + i}`);
    expect(toE164('anonymous')).toBeNull();
    expect(toE164('anonymous')).toBeNull();
    expect(toE164('030 12345678', 'DE')).toBe('+493012345678');
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

describe('twilioAddress', () => {
  it('builds the address Twilio expects', () => {
    expect(twilioAddress('whatsapp', '+34612345678')).toBe('whatsapp:+34612345678');
    expect(twilioAddress(null, '+14155550142')).toBe('+14155550142');
  });
});

describe('a Twilio channel address', () => {
  it('is a number in E.164 (WhatsApp prefix dropped) or a short code, nothing else', () => {
    const { canonicalAddress } = twilioNumberSetup('');
    expect(canonicalAddress('whatsapp:+34 612 34 56 78')).toBe('+34612345678');
    expect(canonicalAddress('+1 (415) 555-0100')).toBe('+14155550100');
    expect(canonicalAddress(' 72345 ')).toBe('72345');
    expect(canonicalAddress('Acme Bank')).toBeNull();
  });
});
