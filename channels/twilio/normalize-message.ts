// An SMS or WhatsApp webhook (https://www.twilio.com/docs/messaging/guides/webhook-request) ->
// NormalizedInbound. A status callback becomes a `status` item carrying its delivery report (or
// saying why it has none); everything else is a message from the customer. Parley needs a
// MessageSid and a sender on this channel's kind of address; every other field is optional.
import { ParseError, type ChannelKind, type InboundIgnored, type InboundMessage, type InboundStatus } from '../types.ts';
import { mediaAttachments } from './media-attachments.ts';
import { adReferral, locationText, profileNameOf } from './message-context.ts';
import { deliveryUpdateOf, isStatusCallback, messageSidOf, messagingEventKey, reportWithoutUpdate } from './message-status.ts';
import { consentKeyword } from './opt-out.ts';
import { parseTwilioParams, requireParam } from './params.ts';
import { messagingSender, ourAddress, type TwilioSender } from './sender-address.ts';
import type { TwilioParams } from './schema.ts';

export interface MessagingKind {
  channel: Extract<ChannelKind, 'sms' | 'whatsapp'>;
  /** The address prefix Twilio uses on this channel: "whatsapp", or null for SMS. */
  scheme: string | null;
}

export function normalizeTwilioMessage(raw: unknown, kind: MessagingKind): InboundMessage | InboundStatus | InboundIgnored {
  const params = parseTwilioParams(raw);
  const sid = messageSidOf(params);
  if (!sid) throw new ParseError('missing MessageSid parameter');
  const externalId = messagingEventKey(params)!;
  const status = isStatusCallback(params);
  // A status callback is about our message: the customer is the To side, and it must be this channel's kind of address.
  const customer = customerOf(params, status ? 'To' : 'From', kind);
  if (status) {
    const update = deliveryUpdateOf(params);
    return update ? { channel: kind.channel, externalId, kind: 'status', update } : { channel: kind.channel, externalId, kind: 'ignored', reason: reportWithoutUpdate(params)! };
  }
  const consent = consentKeyword(params.Body ?? '');
  const repliedTo = params.OriginalRepliedMessageSid?.trim() || null;
  const referral = adReferral(params);
  return {
    channel: kind.channel,
    externalId,
    kind: 'message',
    from: { address: customer.address, name: profileNameOf(params) ?? (customer.kind === 'alphanumeric' ? customer.address : null) },
    // The request is Twilio-signed (verify.ts): the sender is the one Twilio received the message from.
    sender: { verified: true, reason: `${senderWords[customer.kind]} reported by Twilio (signed webhook)` },
    to: ourSide(params, kind),
    subject: null,
    text: textOf(params, referral?.summary ?? null),
    quotedText: null,
    html: null,
    sentAt: null,
    inReplyTo: repliedTo,
    references: [],
    thread: { refs: repliedTo ? [repliedTo] : [], topic: null },
    attachments: mediaAttachments(params),
    ...(consent ? { consent } : {}),
    // The ad shows beside the contact (its attributes) and is there for routing filters (the conversation's).
    ...(referral ? { conversationAttributes: referral.attributes, contactAttributes: referral.attributes } : {}),
  };
}

const senderWords: Record<TwilioSender['kind'], string> = {
  phone: 'number',
  short_code: 'short code',
  alphanumeric: 'sender ID',
  client: 'client',
  sip: 'SIP address',
  withheld: 'withheld number',
  other: 'sender',
};

/** Splits Twilio's "whatsapp:+1..." into its prefix and the rest. */
function splitScheme(value: string): { scheme: string | null; rest: string } {
  const match = /^([a-z][a-z0-9+.-]*):(.*)$/i.exec(value.trim());
  return match ? { scheme: match[1]!.toLowerCase(), rest: match[2]! } : { scheme: null, rest: value };
}

/** The customer's side: it must carry this channel's prefix (that is what tells WhatsApp from SMS); the rest is kept whatever it is. */
function customerOf(params: TwilioParams, name: 'From' | 'To', kind: MessagingKind): TwilioSender {
  const value = requireParam(params, name);
  const { scheme, rest } = splitScheme(value);
  if (scheme !== kind.scheme) {
    const expected = kind.scheme ? `"${kind.scheme}:+..."` : 'a plain phone number, short code or sender ID';
    throw new ParseError(`${name} ${JSON.stringify(params[name])} is not a ${kind.channel} address (expected ${expected})`);
  }
  const sender = messagingSender(rest);
  // WhatsApp's own id of the sender (digits of the number) stands in for a From that is not one.
  const waId = params.WaId?.trim();
  if (sender.kind !== 'phone' && waId && /^\d{6,15}$/.test(waId) && name === 'From') return messagingSender(`+${waId}`);
  return sender;
}

/** Our side (To): found by the webhook URL, not by this value; a number in E.164, anything else as given. */
function ourSide(params: TwilioParams, kind: MessagingKind): string[] {
  const value = params.To?.trim();
  if (!value) return [];
  const { scheme, rest } = splitScheme(value);
  return [ourAddress(scheme === kind.scheme ? rest : value)];
}

/** The body, or what a body-less message stands for (a button tapped, a location shared, the ad it came from). */
function textOf(params: TwilioParams, referral: string | null): string {
  const body = (params.Body ?? '').replace(/\r\n?/g, '\n').trim();
  if (body !== '') return body;
  const button = params.ButtonText?.trim() || params.ButtonPayload?.trim();
  if (button) return button;
  return locationText(params) ?? referral ?? '';
}
