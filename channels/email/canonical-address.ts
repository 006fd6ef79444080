// One spelling of an email address for identity lookup: trimmed, lower-cased, NFC, and an IDN
// domain in its Unicode form whether it came as U-labels (RFC 6532) or as xn-- A-labels.
import { domainToUnicode } from 'node:url';

const USABLE_ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

/** The canonical address, or null when the text is not a usable address. */
export function canonicalEmailAddress(raw: string): string | null {
  const text = raw.trim().normalize('NFC');
  if (!USABLE_ADDRESS.test(text)) return null;
  const at = text.lastIndexOf('@');
  const local = text.slice(0, at).toLowerCase();
  const domain = text.slice(at + 1).toLowerCase();
  const unicodeDomain = domainToUnicode(domain) || domain;
  return `${local}@${unicodeDomain}`;
}
