// Raw RFC 822 bytes -> NormalizedInbound. Pure over its input: the SMTP/IMAP ingest, the parse
// command and the tests all call this. mailparser decodes MIME; the rest is ours.
import { convert as htmlToText } from 'html-to-text';
import { parseAddressHeader, simpleParser, type EmailAddress, type ParsedMail } from 'mailparser';
import { ParseError, type BounceDetails, type InboundContent, type SenderProof, type SentInboundBase, type WrittenInbound } from '../types.ts';
import { normalizeAttachments } from './attachments.ts';
import { repairRawMime } from './repair-raw-mime.ts';
import { openWrappedParts } from './open-wrapped-parts.ts';
import { flatten, mailboxesOf, senderAddressesOf, type SenderAddresses } from './sender-addresses.ts';
import { isAutoReply } from './detect-auto-reply.ts';
import { extractMessageId } from './message-id.ts';
import { fieldsFromHeaderLines, headerLookup, type HeaderLookup } from './header-lookup.ts';
import { extractMessageIds, threadRefs } from './thread-refs.ts';
import { normaliseSubject } from './normalize-subject.ts';
import { isBounce, parseBounce } from './parse-bounce.ts';
import { PARLEY_AUTHSERV_ID, senderProofOf, trustedAuthResults } from './auth-results.ts';
import { displayHtmlOf } from './display-html.ts';
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

const addressesOf = (entries: readonly EmailAddress[]): string[] => mailboxesOf(entries).map((m) => m.address);

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

/** Proof stays on the From domain (DMARC's rule); an address taken from elsewhere is never proven. */
function senderProofFor(addresses: SenderAddresses, headers: HeaderLookup): SenderProof {
  if (addresses.fromFallback) return { verified: false, reason: `From has no address; ${addresses.from.address} is taken from Sender, Reply-To or Return-Path` };
  // Only what our own edge stamped counts (auth-results.ts): a sender can write any other header.
  return senderProofOf(trustedAuthResults(headers, [PARLEY_AUTHSERV_ID]), addresses.from.address);
}

function optionalAddresses(a: SenderAddresses): Pick<SentInboundBase, 'replyTo' | 'sentBy' | 'alsoFrom'> {
  return { ...(a.replyTo ? { replyTo: a.replyTo } : {}), ...(a.sentBy ? { sentBy: a.sentBy } : {}), ...(a.alsoFrom.length > 0 ? { alsoFrom: a.alsoFrom } : {}) };
}

/** Parses one raw email. Throws ParseError (one-line reason) for input that is not a usable email. */
export async function normalizeEmail(raw: unknown): Promise<WrittenInbound> {
  const bytes = toBytes(raw);
  const mail = await parseMime(repairRawMime(bytes));
  const headers = headerLookup(fieldsFromHeaderLines(mail.headerLines ?? []));
  assertLooksLikeEmail(bytes, headers);
  const addresses = senderAddressesOf(mail, headers);
  const from = addresses.from;
  // The same key the SMTP/IMAP edges give the InboundEvent: Message-ID, else sha256 of the bytes.
  const externalId = extractMessageId(bytes);
  const inReplyTo = extractMessageIds(headers.all('in-reply-to'))[0] ?? null;
  const references = extractMessageIds(headers.all('references'));
  // S/MIME signed content, invitations and forwarded messages: what they say when the body says nothing.
  const opened = await openWrappedParts(mail);
  const content = opened.inner ?? mail;
  const ownText = bodyTextOf(content) || opened.notes.join('\n\n');
  const bodyText = opened.lead ? `${opened.lead}\n\n${ownText}` : ownText;
  // The HTML shows where a quote starts only for the message's own body, not for a lead line we wrote.
  const reply = trimEmailBody({ text: bodyText, html: opened.lead ? undefined : content.html });
  const subject = mail.subject ?? null;
  const item: SentInboundBase & InboundContent = {
    channel: 'email',
    externalId,
    from,
    sender: senderProofFor(addresses, headers),
    to: recipientsOf(mail, headers),
    ...optionalAddresses(addresses),
    subject,
    text: reply.text,
    quotedText: reply.quotedText,
    html: typeof mail.html === 'string' ? displayHtmlOf(mail.html) : null,
    sentAt: sentAtOf(headers),
    inReplyTo,
    references,
    thread: { refs: threadRefs(inReplyTo, references), topic: normaliseSubject(subject) },
    attachments: [...normalizeAttachments(opened.attachments), ...opened.extracted],
  };
  const classified = classify({ mail, headers, fromAddress: from.address, externalId, text: bodyText, bytes });
  if (classified.kind === 'bounce') return { ...item, kind: 'bounce', bounce: classified.bounce };
  return classified.kind === 'auto_reply' ? { ...item, kind: 'auto_reply' } : { ...item, kind: 'message' };
}
