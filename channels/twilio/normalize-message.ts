// An SMS or WhatsApp webhook (https://www.twilio.com/docs/messaging/guides/webhook-request) ->
// NormalizedInbound. A status callback for one of our messages becomes a `status` item (its
// details are read by parseStatus); everything else is a message from the customer.
import { ParseError, type ChannelKind, type NormalizedInbound } from '../types.ts';
import { mediaAttachments } from './media-attachments.ts';
import { isStatusCallback, messageSidOf, messagingEventKey } from './message-status.ts';
import { consentKeyword } from './opt-out.ts';
import { parseTwilioParams, requireParam } from './params.ts';
import { parseTwilioAddress, type TwilioAddress } from './phone.ts';
import type { TwilioParams } from './schema.ts';

export interface MessagingKind {
  channel: Extract<ChannelKind, 'sms' | 'whatsapp'>;
  /** The address prefix Twilio uses on this channel: "whatsapp", or null for SMS. */
  scheme: string | null;
}

export function normalizeTwilioMessage(raw: unknown, kind: MessagingKind): NormalizedInbound {
  const params = parseTwilioParams(raw);
  const sid = messageSidOf(params);
  if (!sid) throw new ParseError('missing MessageSid parameter');
  const externalId = messagingEventKey(params)!;
  // Status callbacks are about our message: the customer is the To side.
  const status = isStatusCallback(params);
  const from = address(params, status ? 'To' : 'From', kind);
  const to = address(params, status ? 'From' : 'To', kind);
  const text = status ? '' : textOf(params);
  const consent = status ? undefined : consentKeyword(params.Body ?? '');
  const repliedTo = params.OriginalRepliedMessageSid?.trim() || null;
  return {
    channel: kind.channel,
    externalId,
    kind: status ? 'status' : 'message',
    from: { address: from.e164, name: params.ProfileName?.trim() || null },
    to: [to.e164],
    subject: null,
    text,
    quotedText: null,
    html: null,
    sentAt: null,
    inReplyTo: repliedTo,
    references: [],
    thread: { refs: repliedTo ? [repliedTo] : [], topic: null },
    attachments: status ? [] : mediaAttachments(params),
    bounce: null,
    ...(consent ? { consent } : {}),
  };
}

function address(params: TwilioParams, name: 'From' | 'To', kind: MessagingKind): TwilioAddress {
  const parsed = parseTwilioAddress(requireParam(params, name), name);
  if (parsed.scheme !== kind.scheme) {
    const expected = kind.scheme ? `"${kind.scheme}:+..."` : 'a plain phone number';
    throw new ParseError(`${name} ${JSON.stringify(params[name])} is not a ${kind.channel} address (expected ${expected})`);
  }
  return parsed;
}

/** The body, or what a body-less WhatsApp message stands for (a button tapped, a location shared). */
function textOf(params: TwilioParams): string {
  const body = (params.Body ?? '').replace(/\r\n?/g, '\n').trim();
  if (body !== '') return body;
  if (params.ButtonText?.trim()) return params.ButtonText.trim();
  if (params.Latitude && params.Longitude) {
    const place = [params.Label, params.Address].map((s) => s?.trim()).filter(Boolean).join(', ');
    return `Location: ${place ? `${place} ` : ''}(${params.Latitude}, ${params.Longitude})`;
  }
  return '';
}
