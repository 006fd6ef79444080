// A stored message as a website chat visitor sees it (channels/webchat/protocol.ts has the shape,
// shared with the widget).
import type { VisitorMessageView } from '../../../channels/webchat/protocol.ts';
import type { Message } from '../../db/client.ts';

export type { VisitorMessageView };

export function toVisitorMessage(m: Pick<Message, 'id' | 'direction' | 'text' | 'externalId' | 'createdAt'> & { authorAgent: { name: string } | null }, visitorId: string): VisitorMessageView {
  const prefix = `${visitorId}:`;
  return {
    id: m.id,
    clientId: m.direction === 'in' && m.externalId?.startsWith(prefix) ? m.externalId.slice(prefix.length) : null,
    direction: m.direction,
    text: m.text,
    author: m.direction === 'out' ? { name: m.authorAgent?.name ?? null } : null,
    createdAt: m.createdAt.toISOString(),
  };
}
