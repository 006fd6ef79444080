// Who a Twilio webhook says a message or call is from, as a stable identity address. Twilio sends
// E.164 numbers, but also short codes, alphanumeric sender IDs (https://help.twilio.com/articles/223133767),
// Voice SDK callers "client:alice" (https://www.twilio.com/docs/voice/sdks), SIP URIs "sip:alice@example.com"
// (https://www.twilio.com/docs/voice/api/sending-sip) and withheld caller IDs. Each gets an address of its
// own kind; only a number is ever a phone number.
import { toE164 } from './phone.ts';

export type SenderKind = 'phone' | 'short_code' | 'alphanumeric' | 'client' | 'sip' | 'withheld' | 'other';

export interface TwilioSender {
  kind: SenderKind;
  /** The identity's address: "+14155550100", "72345", "ACMEBANK", "client:alice", "sip:alice@example.com", "withheld:CA..." */
  address: string;
  /** A name the address itself gives (the client's name). */
  name: string | null;
}

/** E.164's shape: "+", then up to 15 digits, the first not 0 (https://www.itu.int/rec/T-REC-E.164). */
const E164_SHAPE = /^\+[1-9]\d{1,14}$/;

/** Whether an identity's address is a phone number (the only kind that fills a contact's phone field). */
export const isPhoneAddress = (address: string): boolean => E164_SHAPE.test(address);

/**
 * The words and keypad-spelled numbers Twilio passes on in From when the caller withholds their
 * number (https://support.twilio.com/hc/en-us/articles/223180148, "Caller ID for incoming calls"):
 * +266696687 spells ANONYMOUS, +7378742833 RESTRICTED, +2562533 BLOCKED, +8656696 UNKNOWN, +86282452253 UNAVAILABLE.
 */
const withheldWords = new Set(['anonymous', 'restricted', 'blocked', 'unknown', 'unavailable', 'private', 'withheld', 'private number', 'no caller id']);
const withheldNumbers = new Set(['+266696687', '+7378742833', '+2562533', '+8656696', '+86282452253']);

export function isWithheldCaller(value: string): boolean {
  const v = value.trim().toLowerCase();
  return v === '' || withheldWords.has(v) || withheldNumbers.has(v.replace(/[\s().-]/g, ''));
}

/** A short code: 3 to 8 digits (5-6 in the US and Canada, https://www.twilio.com/docs/glossary/what-is-a-short-code). */
const SHORT_CODE = /^\d{3,8}$/;
/** An alphanumeric sender ID: up to 11 letters, digits and spaces, at least one letter. */
const ALPHANUMERIC = /^(?=.*[A-Za-z])[A-Za-z0-9 .&'_+-]{1,11}$/;

/**
 * A number in E.164 where it is one (written however), else the short code or sender ID as given
 * (spaces collapsed). Never refuses: an address Parley cannot place is kept as Twilio wrote it.
 */
export function messagingSender(value: string): TwilioSender {
  const given = value.trim().replace(/\s+/g, ' ');
  const number = numberOf(given);
  if (number) return { kind: 'phone', address: number, name: null };
  const compact = given.replace(/[\s-]/g, '');
  if (SHORT_CODE.test(compact)) return { kind: 'short_code', address: compact, name: null };
  if (ALPHANUMERIC.test(given)) return { kind: 'alphanumeric', address: given, name: null };
  return { kind: 'other', address: given, name: null };
}

/** A caller: a number, a Voice SDK client, a SIP address, or a withheld number (one identity per call: nobody can tell two such callers apart). */
export function voiceSender(value: string, callSid: string): TwilioSender {
  const given = value.trim();
  if (isWithheldCaller(given)) return { kind: 'withheld', address: `withheld:${callSid}`, name: null };
  const client = /^client:(.+)$/i.exec(given);
  if (client) return { kind: 'client', address: `client:${client[1]!.trim()}`, name: client[1]!.trim() };
  const sip = /^sips?:([^@;?]+)@([^;?>]+)/i.exec(given);
  if (sip) return { kind: 'sip', address: `sip:${sip[1]}@${sip[2]!.toLowerCase()}`, name: null };
  return messagingSender(given);
}

/** E.164 for anything libphonenumber can place, or that has E.164's shape (a new range it does not list yet). */
function numberOf(value: string): string | null {
  const e164 = toE164(value);
  if (e164) return e164;
  const compact = value.replace(/[\s().-]/g, '');
  return E164_SHAPE.test(compact) && compact.length >= 8 ? compact : null;
}

/** Our own side of a webhook (To on an inbound message): a number in E.164 where it is one, else as given. */
export function ourAddress(value: string): string {
  const given = value.trim();
  return numberOf(given) ?? given;
}
