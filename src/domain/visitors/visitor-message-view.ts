// A message as a website chat visitor sees it: text only (the widget never renders HTML), who
// wrote it as a display name, never internal notes, ids or delivery details.
import type { Message } from '../../db/client.ts';

export interface VisitorMessageView {
  id: string;
  /** The widget's own id for a message the visitor sent (to match its optimistic copy). */
  clientId: string | null;
  direction: 'in' | 'out';
  text: string;
  author: { name: string | null } | null;
  createdAt: string;
}

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
