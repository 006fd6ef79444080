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
  const key = `${defaultCountry ?? ''} ${input}`;
  const known = parsed.get(key);
  if (known !== undefined) return known;
  if (parsed.size >= MEMO_SIZE) parsed.clear();
  const e164 = parseE164(input, defaultCountry);
  parsed.set(key, e164);
  return e164;
}

/**
 * The same few numbers come back with every message (our own on each, a customer's on each of
 * theirs), and parsing one is ~5% of the ingest worker's CPU at 500 messages/s: answers are kept,
 * a bounded set, forgotten all at once when full (the function is pure, so forgetting costs only time).
 */
const MEMO_SIZE = 10_000;
const parsed = new Map<string, string | null>();

function parseE164(input: string, defaultCountry?: CountryCode): string | null {
  const cleaned = input.trim();
  if (cleaned === '') return null;
  const number = parsePhoneNumberFromString(cleaned, defaultCountry ? { defaultCountry } : {});
  if (!number || !number.isPossible()) return null;
  return number.number;
}

/** The address Twilio expects for a number on a channel ("whatsapp:+1..." or "+1..."). */
export function twilioAddress(scheme: string | null, e164: string): string {
  return scheme ? `${scheme}:${e164}` : e164;
}
