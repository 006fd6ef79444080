// Raw RFC 822 bytes -> NormalizedInbound. Pure over its input: the SMTP/IMAP ingest, the parse
// command and the tests all call this. mailparser decodes MIME; the rest is ours.
import { convert as htmlToText } from 'html-to-text';
import { parseAddressHeader, simpleParser, type AddressObject, type EmailAddress, type ParsedMail } from 'mailparser';
import { ParseError, type BounceDetails, type InboundContent, type SentInboundBase, type WrittenInbound } from '../types.ts';
import { normalizeAttachments } from './attachments.ts';
import { isAutoReply } from './detect-auto-reply.ts';
import { extractMessageId } from './message-id.ts';
import { fieldsFromHeaderLines, headerLookup, type HeaderLookup } from './header-lookup.ts';
import { extractMessageIds, threadRefs } from './thread-refs.ts';
import { normaliseSubject } from './normalize-subject.ts';
import { isBounce, parseBounce } from './parse-bounce.ts';
import { PARLEY_AUTHSERV_ID, senderProofOf, trustedAuthResults } from './auth-results.ts';
import { sanitizeEmailHtml } from './sanitize-html.ts';
import { trimEmailBody } from './trim-html-reply.ts';

function toBytes(raw: unknown): Buffer {
  if (Buffer.isBuffer(raw)) return raw;
  if (raw instanceof Uint8Array) return Buffer.from(raw);
  if (typeof raw === 'string') return Buffer.from(raw, 'utf8');
  throw new ParseError('expected the raw email as bytes or a string');
}

async function parseMime(bytes: Buffer): Promise<ParsedMail> {
  try {
    // keepCidLinks: inline images stay cid: references to their attachment instead of data: URLs.
    // keepDeliveryStatus: a DSN's machine-readable part stays a part we can read, not body text.
    return await simpleParser(bytes, { keepCidLinks: true, keepDeliveryStatus: true });
  } catch (err) {
    throw new ParseError(`unreadable MIME structure: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function flatten(value: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const flat = (a: EmailAddress): EmailAddress[] => (a.group ? a.group.flatMap(flat) : [a]);
  return objects.flatMap((o) => o.value.flatMap(flat));
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

const USABLE_ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

function addressesOf(entries: readonly EmailAddress[]): string[] {
  return entries.map((e) => (e.address ?? '').trim().toLowerCase()).filter((a) => USABLE_ADDRESS.test(a));
}

function senderOf(mail: ParsedMail): SentInboundBase['from'] {
  if (!mail.from) throw new ParseError('message has no From header');
  const sender = flatten(mail.from).find((e) => addressesOf([e]).length > 0);
  if (!sender?.address) throw new ParseError(`From header has no usable address: ${oneLine(mail.from.text)}`);
  return { address: sender.address.trim().toLowerCase(), name: sender.name.trim() || null };
}

/** To and Cc; when there is no To, the envelope recipient that delivery agents record instead. */
function recipientsOf(mail: ParsedMail, headers: HeaderLookup): string[] {
  const to = addressesOf(flatten(mail.to));
  const envelope = to.length > 0 ? [] : [...headers.all('delivered-to'), ...headers.all('x-original-to')];
  const fromEnvelope = envelope.flatMap((value) => addressesOf(parseAddressHeader(value, { flatten: true }).value));
  return [...new Set([...to, ...addressesOf(flatten(mail.cc)), ...fromEnvelope])];
}

function sentAtOf(headers: HeaderLookup): Date | null {
  // Not mail.date: mailparser substitutes the current time for a Date header it cannot parse.
  const value = headers.first('date');
  if (value === null) return null;
  const date = new Date(value.replace(/\([^)]*\)/g, '').trim());
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The text part, or text made from the HTML when mailparser made none (it only does for a root HTML part). */
function bodyTextOf(mail: ParsedMail): string {
  if (mail.text && mail.text.trim() !== '') return mail.text;
  // Bounded nesting, as mailparser bounds its own conversion: crafted deep HTML must not blow the stack.
  if (typeof mail.html === 'string' && mail.html.trim() !== '') return htmlToText(mail.html, { limits: { maxDepth: 200 } });
  return mail.text ?? '';
}

function contentTypeOf(mail: ParsedMail): { value: string | null; reportType: string | null } {
  const header = mail.headers.get('content-type');
  if (typeof header !== 'object' || header === null || !('params' in header)) return { value: null, reportType: null };
  const structured = header as { value: string; params: Record<string, string> };
  return { value: structured.value, reportType: structured.params['report-type'] ?? null };
}

function classify(input: {
  mail: ParsedMail;
  headers: HeaderLookup;
  fromAddress: string;
  externalId: string;
  text: string;
  bytes: Buffer;
}): { kind: 'bounce'; bounce: BounceDetails } | { kind: 'auto_reply' | 'message' } {
  const { mail, headers } = input;
  const contentType = contentTypeOf(mail);
  const subject = mail.subject ?? null;
  if (isBounce({ contentType: contentType.value, reportType: contentType.reportType, fromAddress: input.fromAddress, subject })) {
    const source = input.bytes.toString('latin1');
    const bounce = parseBounce({ attachments: mail.attachments, text: input.text, headers, source, ownMessageId: input.externalId });
    return { kind: 'bounce', bounce };
  }
  return { kind: isAutoReply({ headers, subject }) ? 'auto_reply' : 'message' };
}

function assertLooksLikeEmail(bytes: Buffer, headers: HeaderLookup): void {
  if (bytes.toString('latin1').trim() === '') throw new ParseError('empty message');
  if (headers.size === 0) throw new ParseError('not an email: no header fields found');
}

/** Parses one raw email. Throws ParseError (one-line reason) for input that is not a usable email. */
export async function normalizeEmail(raw: unknown): Promise<WrittenInbound> {
  const bytes = toBytes(raw);
  const mail = await parseMime(bytes);
  const headers = headerLookup(fieldsFromHeaderLines(mail.headerLines ?? []));
  assertLooksLikeEmail(bytes, headers);
  const from = senderOf(mail);
  // The same key the SMTP/IMAP edges give the InboundEvent: Message-ID, else sha256 of the bytes.
  const externalId = extractMessageId(bytes);
  const inReplyTo = extractMessageIds(headers.all('in-reply-to'))[0] ?? null;
  const references = extractMessageIds(headers.all('references'));
  const bodyText = bodyTextOf(mail);
  const reply = trimEmailBody({ text: bodyText, html: mail.html });
  const subject = mail.subject ?? null;
  const item: SentInboundBase & InboundContent = {
    channel: 'email',
    externalId,
    from,
    // Only what our own edge stamped counts (auth-results.ts): a sender can write any other header.
    sender: senderProofOf(trustedAuthResults(headers, [PARLEY_AUTHSERV_ID]), from.address),
    to: recipientsOf(mail, headers),
    subject,
    text: reply.text,
    quotedText: reply.quotedText,
    html: typeof mail.html === 'string' ? sanitizeEmailHtml(mail.html) || null : null,
    sentAt: sentAtOf(headers),
    inReplyTo,
    references,
    thread: { refs: threadRefs(inReplyTo, references), topic: normaliseSubject(subject) },
    attachments: normalizeAttachments(mail.attachments),
  };
  const classified = classify({ mail, headers, fromAddress: from.address, externalId, text: bodyText, bytes });
  if (classified.kind === 'bounce') return { ...item, kind: 'bounce', bounce: classified.bounce };
  return classified.kind === 'auto_reply' ? { ...item, kind: 'auto_reply' } : { ...item, kind: 'message' };
}
