// Who wrote an email and where answers go, from From, Sender, Reply-To and Return-Path
// (RFC 5322 §3.6.2, §3.6.4). The customer is the From author; when From names several authors the
// one in Sender is the customer (else the first) and the others stay visible; a Sender other than
// the author is who sent it on their behalf (a list, an assistant); Reply-To is where replies go.
// A From with a name but no address falls back to Sender, Reply-To, then Return-Path.
import { parseAddressHeader, type AddressObject, type EmailAddress, type ParsedMail } from 'mailparser';
import { ParseError } from '../types.ts';
import type { HeaderLookup } from './header-lookup.ts';
import { canonicalEmailAddress } from './canonical-address.ts';

export interface Mailbox {
  address: string;
  name: string | null;
}

export interface SenderAddresses {
  /** The customer: the contact identity is this address. */
  from: Mailbox;
  /** True when From had no usable address and `from` came from Sender, Reply-To or Return-Path. */
  fromFallback: boolean;
  /** The other authors a multi-author From names, in header order. */
  alsoFrom: Mailbox[];
  /** The Sender when it is not the author: who sent it on the author's behalf. */
  sentBy: Mailbox | null;
  /** The first usable Reply-To address when it differs from the author. */
  replyTo: Mailbox | null;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The mailboxes of an address header, groups opened. */
export function flatten(value: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const flat = (a: EmailAddress): EmailAddress[] => (a.group ? a.group.flatMap(flat) : [a]);
  return objects.flatMap((o) => o.value.flatMap(flat));
}

/** The entries with a usable address, canonical, without repeats. */
export function mailboxesOf(entries: readonly EmailAddress[]): Mailbox[] {
  const seen = new Set<string>();
  const out: Mailbox[] = [];
  for (const entry of entries) {
    const address = canonicalEmailAddress(entry.address ?? '');
    if (!address || seen.has(address)) continue;
    seen.add(address);
    out.push({ address, name: oneLine(entry.name ?? '') || null });
  }
  return out;
}

function mailboxesOfHeader(headers: HeaderLookup, name: string): Mailbox[] {
  return mailboxesOf(headers.all(name).flatMap((value) => parseAddressHeader(value, { flatten: true }).value));
}

export function senderAddressesOf(mail: ParsedMail, headers: HeaderLookup): SenderAddresses {
  if (!mail.from && headers.first('from') === null) throw new ParseError('message has no From header');
  const authors = mailboxesOf(flatten(mail.from));
  const sender = mailboxesOfHeader(headers, 'sender')[0] ?? null;
  const replyTo = mailboxesOf(flatten(mail.replyTo))[0] ?? null;
  const fallback = authors.length === 0 ? (sender ?? replyTo ?? mailboxesOfHeader(headers, 'return-path')[0] ?? null) : null;
  if (authors.length === 0 && !fallback) {
    throw new ParseError(`From header has no usable address: ${oneLine(mail.from?.text ?? headers.first('from') ?? '')}`);
  }
  const customer = authors.find((a) => a.address === sender?.address) ?? authors[0] ?? fallback!;
  const fromName = customer.name ?? (authors.length === 0 ? oneLine(mail.from?.text ?? '') || null : null);
  return {
    from: { address: customer.address, name: fromName },
    fromFallback: authors.length === 0,
    alsoFrom: authors.filter((a) => a.address !== customer.address),
    sentBy: sender && sender.address !== customer.address ? sender : null,
    replyTo: replyTo && replyTo.address !== customer.address ? replyTo : null,
  };
}
