// A visitor's chat message (as the visitor gateway stored it) -> NormalizedInbound. The pre-chat
// or offline form's email is a claim the domain links contacts by; the topic feeds routing.
import { parseJsonPayload } from '../parse-json-payload.ts';
import type { InboundMessage } from '../types.ts';
import { visitorExternalId, visitorMessagePayloadSchema } from './schema.ts';

function toPayload(raw: unknown) {
  return parseJsonPayload(raw, visitorMessagePayloadSchema, 'a chat message');
}

export function normalizeWebchat(raw: unknown, channelAddress: string): InboundMessage {
  const p = toPayload(raw);
  const attributes = { ...(p.topic ? { topic: p.topic } : {}), ...(p.offline ? { offline: 'true' } : {}) };
  return {
    channel: 'webchat',
    externalId: visitorExternalId(p.visitorId, p.clientId),
    kind: 'message',
    from: { address: p.visitorId, name: p.name ?? null },
    // The visitor id is proven by the visitor's own token; an email typed into the form is only a claim.
    sender: { verified: true, reason: 'the visitor’s own chat session' },
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
    ...(p.email ? { claims: { email: p.email.toLowerCase(), proof: { verified: false, reason: 'typed into the website chat' } } } : {}),
    ...(Object.keys(attributes).length > 0 ? { conversationAttributes: attributes } : {}),
  };
}
