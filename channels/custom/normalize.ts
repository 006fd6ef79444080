// A custom API event (as the webhook stored it) -> NormalizedInbound: a person's message, or the
// delivery status of one of our replies. The sender's email and phone are claims the domain links
// contacts by; attributes go on the conversation for routing.
import { parseJsonPayload } from '../parse-json-payload.ts';
import { ParseError, type InboundMessage, type InboundStatus, type NormalizedAttachment } from '../types.ts';
import { customEventHeadSchema, customEventKey, customMessageSchema, customStatusSchema, type CustomMessage, type CustomStatus } from './schema.ts';

/** The webhook takes at most this; a stored payload larger than it was not a real event. */
export const CUSTOM_MAX_BYTES = 1024 * 1024;

export function normalizeCustom(raw: unknown, channelAddress: string): InboundMessage | InboundStatus {
  // The type picks the schema, so an error names the field of that kind of event that is wrong.
  const event = parseJsonPayload(raw, customEventHeadSchema, 'a custom API event', { maxBytes: CUSTOM_MAX_BYTES });
  if (event.type === 'status') return toStatus(parseJsonPayload(event, customStatusSchema, 'a custom API status event'));
  return toMessage(parseJsonPayload(event, customMessageSchema, 'a custom API message'), channelAddress);
}

function toStatus(e: CustomStatus): InboundStatus {
  return {
    channel: 'custom',
    externalId: customEventKey(e),
    kind: 'status',
    update: { externalId: e.messageId, status: e.status, error: e.status === 'failed' ? (e.error ?? 'the connected system could not deliver it') : null, at: e.at ? new Date(e.at) : null },
  };
}

function toMessage(e: CustomMessage, channelAddress: string): InboundMessage {
  const attachments = (e.attachments ?? []).map(toAttachment);
  const text = e.text?.trim() ?? '';
  if (text === '' && attachments.length === 0) throw new ParseError('not a custom API message: a message needs text or attachments');
  // The integrator signs every request (verify.ts) and vouches for its own users' email and phone.
  const proof = { verified: true, reason: 'vouched for by the signed custom API request' };
  const fields = { ...(e.from.email ? { email: e.from.email.trim().toLowerCase() } : {}), ...(e.from.phone ? { phone: e.from.phone.trim() } : {}) };
  const attributes = Object.fromEntries(Object.entries(e.attributes ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  return {
    channel: 'custom',
    externalId: customEventKey(e),
    kind: 'message',
    from: { address: e.from.id, name: e.from.name?.trim() || null },
    sender: proof,
    to: [channelAddress],
    subject: null,
    text,
    quotedText: null,
    html: null,
    sentAt: e.sentAt ? new Date(e.sentAt) : null,
    inReplyTo: null,
    references: [],
    thread: { refs: [], topic: null },
    attachments,
    ...(Object.keys(fields).length > 0 ? { claims: { ...fields, proof } } : {}),
    ...(Object.keys(attributes).length > 0 ? { conversationAttributes: attributes } : {}),
  };
}

function toAttachment(a: NonNullable<CustomMessage['attachments']>[number]): NormalizedAttachment {
  const content = Buffer.from(a.contentBase64, 'base64');
  return { filename: a.filename, contentType: a.contentType ?? 'application/octet-stream', size: content.length, content, inline: false };
}
