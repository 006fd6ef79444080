// An SMS or WhatsApp webhook (https://www.twilio.com/docs/messaging/guides/webhook-request) ->
// NormalizedInbound. A status callback for one of our messages becomes a `status` item carrying
// its delivery report; everything else is a message from the customer.
import { ParseError, type ChannelKind, type InboundMessage, type InboundStatus } from '../types.ts';
import { mediaAttachments } from './media-attachments.ts';
import { deliveryUpdateOf, messageSidOf, messagingEventKey } from './message-status.ts';
import { consentKeyword } from './opt-out.ts';
import { parseTwilioParams, requireParam } from './params.ts';
import { parseTwilioAddress, type TwilioAddress } from './phone.ts';
import type { TwilioParams } from './schema.ts';

export interface MessagingKind {
  channel: Extract<ChannelKind, 'sms' | 'whatsapp'>;
  /** The address prefix Twilio uses on this channel: "whatsapp", or null for SMS. */
  scheme: string | null;
}

export function normalizeTwilioMessage(raw: unknown, kind: MessagingKind): InboundMessage | InboundStatus {
  const params = parseTwilioParams(raw);
  const sid = messageSidOf(params);
  if (!sid) throw new ParseError('missing MessageSid parameter');
  const externalId = messagingEventKey(params)!;
  const update = deliveryUpdateOf(params);
  // Status callbacks are about our message: the customer is the To side. Both sides must still be this channel's kind of address.
  const from = address(params, update ? 'To' : 'From', kind);
  const to = address(params, update ? 'From' : 'To', kind);
  if (update) return { channel: kind.channel, externalId, kind: 'status', update };
  const consent = consentKeyword(params.Body ?? '');
  const repliedTo = params.OriginalRepliedMessageSid?.trim() || null;
  return {
    channel: kind.channel,
    externalId,
    kind: 'message',
    from: { address: from.e164, name: params.ProfileName?.trim() || null },
    // The request is Twilio-signed (verify.ts): the number is the one Twilio received the message from.
    sender: { verified: true, reason: 'number reported by Twilio (signed webhook)' },
    to: [to.e164],
    subject: null,
    text: textOf(params),
    quotedText: null,
    html: null,
    sentAt: null,
    inReplyTo: repliedTo,
    references: [],
    thread: { refs: repliedTo ? [repliedTo] : [], topic: null },
    attachments: mediaAttachments(params),
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
