// Outbound chat: the agent's reply is emitted to the visitor's room; a visitor who is not
// connected reads it in their history when they come back. Text only: the widget shows no files.
import type { ChannelConfig, OutboundMessage, SendResult } from '../types.ts';
import type { VisitorTransport } from './transport.ts';

export function sendWebchat(transport: VisitorTransport | null, msg: OutboundMessage, _channel: ChannelConfig, now: Date): SendResult {
  if (msg.attachments.length > 0) return { ok: false, permanent: true, error: 'the website chat carries text only; send the reply without files', code: 'attachments_unsupported' };
  if (!transport) return { ok: false, permanent: false, error: 'this process cannot reach chat visitors (no realtime transport)', code: 'no_transport' };
  const delivered = transport.emit(msg.to.address, 'message', {
    id: msg.messageId,
    clientId: null,
    direction: 'out',
    text: msg.text,
    author: { name: msg.authorName ?? null },
    createdAt: now.toISOString(),
  });
  if (!delivered) return { ok: false, permanent: false, error: 'the realtime fan-out (Redis) is unavailable', code: 'redis_unavailable' };
  return { ok: true, externalId: `webchat:${msg.messageId}`, status: 'sent' };
}
