// Phone numbers in E.164 (+14155550100), the form identities are keyed by, so the same person
// is one identity per channel kind however the number was written. Twilio's addresses may carry
// a channel prefix ("whatsapp:+14155550100", https://www.twilio.com/docs/whatsapp/api).
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { ParseError } from '../types.ts';

/**
 * E.164 form of a phone number, or null when it is not one. "Possible" (right length for the
 * country) rather than "valid": number plans change faster than metadata, and a customer must not
 * be turned away because a new range is not listed yet.
 */
export function toE164(input: string, defaultCountry?: CountryCode): string | null {
  const cleaned = input.trim();
  if (cleaned === '') return null;
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry ? { defaultCountry } : {});
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}

export interface TwilioAddress {
  /** The prefix Twilio put before the number: "whatsapp", or null for plain SMS / PSTN numbers. */
  scheme: string | null;
  e164: string;
}

/** Splits "whatsapp:+1415..." into scheme and E.164 number. Throws ParseError for a non-number. */
export function parseTwilioAddress(value: string, what: string): TwilioAddress {
  const match = /^([a-z][a-z0-9+.-]*):(.*)$/i.exec(value.trim());
  const scheme = match ? match[1]!.toLowerCase() : null;
  const rest = match ? match[2]! : value;
  const e164 = toE164(rest);
  if (!e164) throw new ParseError(`${what} ${JSON.stringify(value)} is not a phone number`);
  return { scheme, e164 };
}

/** The address Twilio expects for a number on a channel ("whatsapp:+1..." or "+1..."). */
export function twilioAddress(scheme: string | null, e164: string): string {
  return scheme ? `${scheme}:${e164}` : e164;
}
