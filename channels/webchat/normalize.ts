// A visitor's chat message (as the visitor gateway stored it) -> NormalizedInbound. The pre-chat
// or offline form's email is a claim the domain links contacts by; the topic feeds routing.
import { ParseError, type NormalizedInbound } from '../types.ts';
import { visitorExternalId, visitorMessagePayloadSchema } from './schema.ts';

function toPayload(raw: unknown) {
  let value = raw;
  if (Buffer.isBuffer(raw) || raw instanceof Uint8Array || typeof raw === 'string') {
    try {
      value = JSON.parse(Buffer.from(raw as Uint8Array | string).toString('utf8'));
    } catch (err) {
      throw new ParseError(`not JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const parsed = visitorMessagePayloadSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ParseError(`not a chat message: ${issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'unknown problem'}`);
  }
  return parsed.data;
}

export function normalizeWebchat(raw: unknown, channelAddress: string): NormalizedInbound {
  const p = toPayload(raw);
  const attributes = { ...(p.topic ? { topic: p.topic } : {}), ...(p.offline ? { offline: 'true' } : {}) };
  return {
    channel: 'webchat',
    externalId: visitorExternalId(p.visitorId, p.clientId),
    kind: 'message',
    from: { address: p.visitorId, name: p.name ?? null },
    to: [channelAddress],
    subject: null,
    text: p.text,
    quotedText: null,
    html: null,
    sentAt: new Date(p.sentAt),
    inReplyTo: null,
    references: [],
    thread: { refs: [], topic: null },
    attachments: [],
    bounce: null,
    ...(p.email ? { claims: { email: p.email.toLowerCase() } } : {}),
    ...(Object.keys(attributes).length > 0 ? { conversationAttributes: attributes } : {}),
  };
}
