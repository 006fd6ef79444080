// Delivery failure reports (RFC 3464 DSNs, and the older mailer-daemon notices) -> which of our
// messages failed, for whom and why, so the domain can mark the outbound message failed.
import { extractMessageIds } from './thread-refs.ts';
import { headerLookup, parseHeaderBlock, type HeaderLookup } from './header-lookup.ts';
import type { BounceDetails } from '../types.ts';

export interface BounceAttachment {
  contentType: string;
  content: Buffer;
}

const DAEMON_LOCAL_PARTS = new Set(['mailer-daemon', 'mailerdaemon', 'mail-daemon', 'postmaster']);
const FAILURE_SUBJECT_PHRASES = [
  'undeliver', 'delivery (?:status notification|failure|failed|has failed|problem|incomplete)', 'failure notice',
  'returned mail', 'mail delivery (?:failed|failure|subsystem|system)', 'could not be delivered', 'not delivered',
  'non[- ]?delivery', 'unzustellbar', 'nicht zugestellt', 'non remis', 'non distribuable',
];
const FAILURE_SUBJECT = new RegExp(FAILURE_SUBJECT_PHRASES.join('|'), 'i');
const DSN_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);
const ORIGINAL_TYPES = new Set(['message/rfc822', 'text/rfc822-headers', 'message/global', 'message/global-headers']);
const STATUS_CODE = /\b([245]\.\d{1,3}\.\d{1,3})\b/;

/** A DSN by content type, or a typical mailer-daemon/postmaster sender with a delivery-failure subject. */
export function isBounce(input: {
  contentType: string | null;
  reportType: string | null;
  fromAddress: string;
  subject: string | null;
}): boolean {
  const isReport = input.contentType?.toLowerCase() === 'multipart/report';
  if (isReport && /^(?:global-)?delivery-status$/i.test(input.reportType?.trim() ?? '')) return true;
  const localPart = input.fromAddress.split('@')[0]?.toLowerCase() ?? '';
  return DAEMON_LOCAL_PARTS.has(localPart) && FAILURE_SUBJECT.test(input.subject ?? '');
}

/** "rfc822; User@Example.org" -> "User@Example.org" (DSN fields carry an address/diagnostic type first). */
function withoutType(value: string | null): string | null {
  if (value === null) return null;
  const semi = value.indexOf(';');
  const rest = (semi < 0 ? value : value.slice(semi + 1)).trim();
  return rest === '' ? null : rest;
}

/** The per-recipient block of a delivery-status body: the first with Action: failed, else the first. */
function recipientBlock(report: string): HeaderLookup | null {
  const blocks = report
    .split(/\r?\n[ \t]*\r?\n/)
    .map((block) => headerLookup(parseHeaderBlock(block.replace(/^\s*\n/, ''))))
    .filter((block) => block.first('final-recipient') !== null || block.first('original-recipient') !== null);
  return blocks.find((block) => headerToken(block, 'action') === 'failed') ?? blocks[0] ?? null;
}

function headerToken(block: HeaderLookup, name: string): string | null {
  return block.first(name)?.trim().toLowerCase() ?? null;
}

function fromDeliveryStatus(report: string): Omit<BounceDetails, 'originalMessageId'> | null {
  const block = recipientBlock(report);
  if (!block) return null;
  const recipient = withoutType(block.first('final-recipient') ?? block.first('original-recipient'));
  return {
    recipient: recipient?.replace(/^<|>$/g, '').toLowerCase() ?? null,
    status: block.first('status')?.match(STATUS_CODE)?.[1] ?? null,
    diagnostic: withoutType(block.first('diagnostic-code')),
  };
}

/** Our message's id from a returned header block: its Message-ID, else our X-Parley-Message-Id as written. */
function originalIdFromHeaders(headers: HeaderLookup): string | null {
  const messageId = extractMessageIds(headers.all('message-id'))[0];
  return messageId ?? headers.first('x-parley-message-id') ?? null;
}

/** Fallback for notices that paste the original inline (qmail): header lines anywhere in the raw source. */
function originalIdFromSource(source: string, ownMessageId: string | null): string | null {
  const ids = [...source.matchAll(/^message-id:[ \t]*(.+)$/gim)].flatMap((m) => extractMessageIds([m[1] ?? '']));
  const other = ids.find((id) => id !== ownMessageId);
  if (other) return other;
  return source.match(/^x-parley-message-id:[ \t]*(\S+)/im)?.[1] ?? null;
}

/** Recipient, status and diagnostic from a human-readable notice ("<user@host>:\nreason (#5.1.1)"). */
function fromNoticeText(text: string, headers: HeaderLookup): Omit<BounceDetails, 'originalMessageId'> {
  const failed = headers.first('x-failed-recipients');
  const notice = text.match(/^[ \t]*<([^<>\s]+@[^<>\s]+)>:[ \t]*\r?\n[ \t]*(\S.*)$/m);
  return {
    recipient: (failed?.split(',')[0]?.trim() || notice?.[1] || null)?.toLowerCase() ?? null,
    status: text.match(STATUS_CODE)?.[1] ?? null,
    diagnostic: notice?.[2]?.trim() ?? null,
  };
}

export function parseBounce(input: {
  attachments: readonly BounceAttachment[];
  text: string;
  headers: HeaderLookup;
  source: string;
  ownMessageId: string | null;
}): BounceDetails {
  const report = input.attachments.find((a) => DSN_TYPES.has(a.contentType.toLowerCase()));
  const original = input.attachments.find((a) => ORIGINAL_TYPES.has(a.contentType.toLowerCase()));
  const details = (report && fromDeliveryStatus(report.content.toString('utf8'))) ?? fromNoticeText(input.text, input.headers);
  const fromOriginal = original ? originalIdFromHeaders(headerLookup(parseHeaderBlock(original.content.toString('utf8')))) : null;
  return { ...details, originalMessageId: fromOriginal ?? originalIdFromSource(input.source, input.ownMessageId) };
}
