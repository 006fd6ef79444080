// Phone numbers in E.164 (+14155550100), the form identities are keyed by, so the same person
// is one identity per channel kind however the number was written. Twilio's addresses may carry
// a channel prefix ("whatsapp:+14155550100", https://www.twilio.com/docs/whatsapp/api); senders that
// are not numbers are read in sender-address.ts.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

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

/** The address Twilio expects for a number on a channel ("whatsapp:+1..." or "+1..."). */
export function twilioAddress(scheme: string | null, e164: string): string {
  return scheme ? `${scheme}:${e164}` : e164;
}
